/** The words both report formats share: a decision, a note's byline, the summary lines, the access-path statement. */
import type { ReviewNote } from '../../model/snapshot';
import type { ReviewReport } from './review-report';

/** "Accepted risk (owner: Ana, due 2026-03-01)" / "To fix (…)"; null for a plain note. */
export function decisionWords(n: ReviewNote | null): string | null {
	if (!n?.status) return null;
	const what = n.status === 'accepted-risk' ? 'Accepted risk' : 'To fix';
	const extra = [n.owner ? `owner: ${n.owner}` : null, n.due ? `due ${n.due}` : null].filter(
		Boolean
	);
	return extra.length ? `${what} (${extra.join(', ')})` : what;
}

/** "Ana, 2026-02-01" (author, then the day it was last changed). */
export const noteByline = (n: ReviewNote): string =>
	[n.author, n.updatedAt.slice(0, 10)].filter(Boolean).join(', ');

/** The organization summary as label/value pairs. */
export function summaryRows(r: ReviewReport): Array<[string, string]> {
	const c = r.organization.counts;
	return [
		['Organization', r.organization.id ?? 'none (single accounts)'],
		['Management account', r.organization.managementAccountId ?? '—'],
		['Accounts', String(c.accounts)],
		['Root and OUs', String(r.organization.units)],
		['Users / groups / roles', `${c.users} / ${c.groups} / ${c.roles}`],
		['Managed policies', String(c.policies)],
		['Resources with policies', String(c.resources)],
		['SCPs / RCPs', `${c.scps} / ${c.rcps}`],
		['Captured', r.capturedAt ?? 'unknown'],
		['Imported', r.importedAt],
		['Report written', r.generatedAt]
	];
}

/** Said when the access-path analysis was not run for this report. */
export const ACCESS_NOT_COMPUTED =
	'Not computed: the administrator and escalation-path analysis was not run for this report, so this section lists nothing. Its absence is not evidence that there are no administrators.';

/** The evidence of a finding as indented JSON. */
export const evidenceJson = (e: Record<string, unknown>): string => JSON.stringify(e, null, 2);

/** Why some findings are listed without their evidence. */
export const BRIEF_NOTE =
	'one line each; the first findings of each rule show their evidence, and `iam-atlas findings --json` gives it for all';
