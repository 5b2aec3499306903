/**
 * One comparison step shared by the generated and the fixture runs: the peer's decision for a
 * simulation, and the named divergence (divergences.ts) that explains a disagreement, if any.
 */
import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { createEvaluator } from '../../src/lib/engine/evaluate';
import type { Decision } from '../../src/lib/engine/types';
import { DIVERGENCES, type Disagreement } from './divergences';

const PEER: Record<string, Decision> = {
	Allowed: 'allowed',
	ExplicitlyDenied: 'explicitDeny',
	ImplicitlyDenied: 'implicitDeny'
};

/** The peer's decision, or its validation errors. */
export async function peerDecision(
	sim: Simulation
): Promise<{ decision: Decision; ignoredKeys: string[] } | { errors: unknown }> {
	const r = await runSimulation(sim, {});
	if (r.resultType === 'error') return { errors: r.errors };
	return {
		decision: PEER[r.overallResult],
		ignoredKeys: r.resultType === 'single' ? (r.result.ignoredContextKeys ?? []) : []
	};
}

/**
 * Try the rules that apply — each alone, then each pair, then all together (smallest explanation
 * first); the name of the class that explains the disagreement, or null.
 */
export async function classify(d: Disagreement): Promise<string | null> {
	const applicable = DIVERGENCES.filter((r) => r.applies(d));
	const pairs = applicable.flatMap((a, i) => applicable.slice(i + 1).map((b) => [a, b]));
	const attempts = [
		...applicable.map((r) => [r]),
		...pairs,
		...(applicable.length > 2 ? [applicable] : [])
	];
	for (const group of attempts) {
		let sim = d.sim;
		let snapshot = d.index.snapshot;
		let request = d.g.request;
		for (const r of group) {
			if (r.peer) sim = r.peer(sim, d);
			if (r.ours) snapshot = r.ours(snapshot, d);
			if (r.request) request = r.request(request, d);
		}
		const peer = await peerDecision(sim);
		const ours = createEvaluator(snapshot).evaluate(request).decision;
		if ('decision' in peer && peer.decision === ours) return group.map((r) => r.name).join(' + ');
	}
	return null;
}
