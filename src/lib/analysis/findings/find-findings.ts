/**
 * The findings a reviewer should look at, from one snapshot: every rule of the registry run over
 * one shared context (one evaluator), sorted by severity, rule and subject. Pure and synchronous,
 * so the engine worker can call it as is. Rules needing another analysis (admin-principal,
 * escalation-path: see plugged.ts) are passed in `extraRules` by whoever ran that analysis.
 */
import type { Evaluator } from '../../engine/evaluate';
import type { Snapshot } from '../../model/snapshot';
import { findingsContext } from './context';
import { CREDENTIAL_RULES } from './rules/credentials';
import { IDENTITY_RULES } from './rules/identity';
import { RESOURCE_RULES } from './rules/resources';
import { scpNoGuardrails } from './rules/org';
import { TRUST_RULES } from './rules/trust';
import { SEVERITIES, type Finding, type FindingRule } from './types';

/** The rules that need nothing but the snapshot, in the order docs/adr/0012-findings.md lists them. */
export const RULES: FindingRule[] = [
	...CREDENTIAL_RULES,
	...IDENTITY_RULES,
	...TRUST_RULES,
	...RESOURCE_RULES,
	scpNoGuardrails
];

/** Options of a findings run. */
export interface FindingsOptions {
	/** Rules that take another analysis' result (see plugged.ts), run after the built-in ones. */
	extraRules?: FindingRule[];
	/** An evaluator already built over this snapshot (the worker's), to share its caches. */
	evaluator?: Evaluator;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** All findings of a snapshot, most severe first, then by rule and subject. */
export function findFindings(snapshot: Snapshot, options: FindingsOptions = {}): Finding[] {
	const ctx = findingsContext(snapshot, options.evaluator);
	const rules = [...RULES, ...(options.extraRules ?? [])];
	const order = new Map(rules.map((r, i) => [r.id, i]));
	return rules
		.flatMap((r) => r.run(ctx))
		.sort(
			(a, b) =>
				SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
				order.get(a.rule)! - order.get(b.rule)! ||
				cmp(a.subject, b.subject)
		);
}
