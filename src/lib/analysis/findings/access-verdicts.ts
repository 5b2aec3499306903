/**
 * The access-path analysis' answers as the verdicts the `admin-principal` and `escalation-path`
 * rules take (plugged.ts): one per user and role that is or can become an administrator, with its
 * shortest path (steps: technique, actions, target, needs) as evidence. Everything is decided by
 * the escalation analysis (src/lib/analysis/escalation), which asks the evaluator.
 */
import type { Snapshot } from '../../model/snapshot';
import {
	createEscalation,
	type EscalationOptions,
	type PrincipalEscalation
} from '../escalation/escalation';
import { adminPrincipalRule, escalationPathRule, type PrincipalVerdict } from './plugged';
import type { FindingRule } from './types';

/** One principal's escalation answer → its verdict (none for `none`). */
export function verdictOf(r: PrincipalEscalation): PrincipalVerdict | null {
	if (r.status === 'none') return null;
	const path = r.paths[0];
	return {
		principal: r.principal,
		status: r.status,
		evidence: path
			? {
					reaches: path.reaches,
					steps: path.steps.map((s) => ({
						technique: s.technique,
						actions: s.actions,
						target: s.target,
						needs: s.needs
					}))
				}
			: {}
	};
}

/** The verdicts of every user and role of the snapshot. */
export function accessVerdicts(
	snapshot: Snapshot,
	options: EscalationOptions = {}
): PrincipalVerdict[] {
	return createEscalation(snapshot, options)
		.all()
		.map(verdictOf)
		.filter((v): v is PrincipalVerdict => v !== null);
}

/** The two access rules, fed by the analysis of `snapshot`. */
export function accessRules(snapshot: Snapshot, options: EscalationOptions = {}): FindingRule[] {
	const verdicts = accessVerdicts(snapshot, options);
	return [adminPrincipalRule(verdicts), escalationPathRule(verdicts)];
}
