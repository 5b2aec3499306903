/**
 * Who can do an action on a resource, directly or through role assumption: the evaluator's who-can
 * (every user and role, decided with the request's context as given) extended with the principals
 * that reach an allowed role by a chain of assume edges (./assume.ts), marked with the chain.
 *
 * API (pure, synchronous): `whoCanViaRoles(evaluator, snapshot, action, resource, context?, graph?)`.
 */
import type { Evaluator, WhoCanEntry } from '../../engine/evaluate';
import type { ContextValue } from '../../engine/types';
import type { Snapshot } from '../../model/snapshot';
import { createAsk } from '../ask/ask';
import { assumeGraph, roleChains, type AssumeGraph } from './assume';

/** A who-can row; `via` is the role chain (role ARNs, first assumed first) when allowed only through it. */
export interface WhoCanViaRow extends WhoCanEntry {
	via?: string[];
}

/** Every user and role with its decision, principals allowed through role chains marked `via`. */
export function whoCanViaRoles(
	evaluator: Evaluator,
	snapshot: Snapshot,
	action: string,
	resource: string,
	context?: Record<string, ContextValue>,
	graph?: AssumeGraph
): WhoCanViaRow[] {
	const rows: WhoCanViaRow[] = evaluator.whoCan(action, resource, context);
	const allowed = new Set(rows.filter((r) => r.decision === 'allowed').map((r) => r.principal));
	if (!allowed.size) return rows;
	const g = graph ?? assumeGraph(createAsk(evaluator), snapshot);
	return rows.map((row) => {
		if (row.decision === 'allowed') return row;
		// shortest first: the first chain that ends at an allowed role
		const chain = roleChains(g, row.principal).find((path) =>
			allowed.has(path[path.length - 1].to)
		);
		return chain
			? { principal: row.principal, decision: 'allowed', via: chain.map((e) => e.to) }
			: row;
	});
}
