/**
 * The findings view's list, as pure data: findings filtered by severity (and, on request, without
 * the accepted risks), grouped by rule or by account, with counts per severity. The view renders it.
 */
import type { ReviewNote } from '../../model/snapshot';
import { SEVERITIES, type Finding, type Severity } from '../findings/types';
import { findingKey } from './review-notes';

/** How the list is grouped. */
export type FindingsGrouping = 'rule' | 'account';

/** What the reviewer chose to see. */
export interface FindingsFilter {
	/** Severities shown (all when empty). */
	severities: readonly Severity[];
	hideAccepted: boolean;
	groupBy: FindingsGrouping;
}

/** One finding with the decision recorded on it. */
export interface FindingRow {
	finding: Finding;
	key: string;
	decision: ReviewNote | null;
}

/** One group of the list. */
export interface FindingsGroup {
	/** The rule id or the account id (`''` for organization-wide findings). */
	id: string;
	label: string;
	rows: FindingRow[];
	/** The most severe finding of the group. */
	worst: Severity;
}

/** The grouped list and its counts. */
export interface GroupedFindings {
	groups: FindingsGroup[];
	/** Findings per severity before the severity filter (accepted ones excluded when hidden). */
	counts: Record<Severity, number>;
	shown: number;
	/** Findings with an accepted-risk decision (hidden or not). */
	accepted: number;
	total: number;
}

/** Filter and group findings; `decisions` maps a finding key to its decision; `accountName` labels accounts. */
export function groupFindings(
	findings: readonly Finding[],
	decisions: ReadonlyMap<string, ReviewNote>,
	filter: FindingsFilter,
	accountName: (id: string) => string | undefined = () => undefined
): GroupedFindings {
	const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
	const wanted = new Set(filter.severities.length ? filter.severities : SEVERITIES);
	const groups = new Map<string, FindingsGroup>();
	let accepted = 0;
	let shown = 0;
	for (const finding of findings) {
		const key = findingKey(finding);
		const decision = decisions.get(key) ?? null;
		const isAccepted = decision?.status === 'accepted-risk';
		if (isAccepted) accepted++;
		if (isAccepted && filter.hideAccepted) continue;
		counts[finding.severity]++;
		if (!wanted.has(finding.severity)) continue;
		shown++;
		const id = filter.groupBy === 'rule' ? finding.rule : (finding.account ?? '');
		let group = groups.get(id);
		if (!group) {
			const name = id && filter.groupBy === 'account' ? accountName(id) : undefined;
			group = {
				id,
				label:
					filter.groupBy === 'rule'
						? id
						: id
							? name && name !== id
								? `${name} (${id})`
								: id
							: 'Organization-wide',
				rows: [],
				worst: finding.severity
			};
			groups.set(id, group);
		}
		group.rows.push({ finding, key, decision });
		if (SEVERITIES.indexOf(finding.severity) < SEVERITIES.indexOf(group.worst))
			group.worst = finding.severity;
	}
	const ordered = [...groups.values()].sort(
		(a, b) =>
			SEVERITIES.indexOf(a.worst) - SEVERITIES.indexOf(b.worst) ||
			b.rows.length - a.rows.length ||
			(a.label < b.label ? -1 : a.label > b.label ? 1 : 0)
	);
	return { groups: ordered, counts, shown, accepted, total: findings.length };
}
