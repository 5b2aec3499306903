/**
 * The review report's content, independent of its format: the organization summary, the findings
 * by severity with their evidence, notes and decisions, the administrators and escalation paths
 * (when the access-path analysis was run and its verdicts handed in), the notes on graph nodes and
 * the saved views with their figures. Pure; render-markdown.ts and render-html.ts print it. The
 * figures are drawn by the caller (graph/view-figure.ts), since analysis does not import graph.
 */
import type { Reason } from '../../engine/types';
import { countSnapshot, type SnapshotCounts } from '../../model/snapshot-counts';
import type { ReviewNote, SavedView, Snapshot } from '../../model/snapshot';
import type { PrincipalVerdict } from '../findings/plugged';
import { SEVERITIES, type Finding, type Severity } from '../findings/types';
import { decisionsByKey, findingKey } from '../review/review-notes';

/** A saved view's figure and the reasons of its traced decision, as the caller drew it. */
export interface ReportFigure {
	svg: string;
	/** The decision in words (the evaluator's summary); null when the view traces nothing. */
	summary: string | null;
	reasons: Reason[];
}

/** What a report is made from. */
export interface ReportInput {
	snapshot: Snapshot;
	findings: readonly Finding[];
	/** The access-path analysis' verdicts; absent (undefined) when it was not run. */
	verdicts?: readonly PrincipalVerdict[];
	/** Figures by saved-view id. */
	figures?: ReadonlyMap<string, ReportFigure>;
	/** When the report is written (ISO); the caller's clock, so the content stays reproducible. */
	generatedAt: string;
}

/** One finding with what the meeting said about it. */
export interface ReportFinding {
	finding: Finding;
	decision: ReviewNote | null;
	notes: ReviewNote[];
	/** Listed in one line, without its evidence (past the first EVIDENCE_PER_RULE of its rule, and no note on it). */
	brief: boolean;
}

/** How many findings of one rule are printed with their evidence; the rest (without notes) get one line each. */
export const EVIDENCE_PER_RULE = 25;

/** The report's content. */
export interface ReviewReport {
	title: string;
	generatedAt: string;
	capturedAt: string | null;
	importedAt: string;
	organization: {
		id: string | null;
		managementAccountId: string | null;
		units: number;
		counts: SnapshotCounts;
	};
	/** Findings per severity, most severe first (empty severities kept, with no rows). */
	bySeverity: Array<{ severity: Severity; rows: ReportFinding[] }>;
	/** Per rule: how many findings, accepted and to fix. */
	rules: Array<{
		rule: string;
		severity: Severity;
		count: number;
		accepted: number;
		toFix: number;
	}>;
	decisions: { accepted: number; toFix: number };
	/** null when the access-path analysis was not computed. */
	access: {
		admins: PrincipalVerdict[];
		escalates: PrincipalVerdict[];
		conditional: PrincipalVerdict[];
	} | null;
	/** Notes on graph nodes, grouped by node. */
	nodeNotes: Array<{ target: string; notes: ReviewNote[] }>;
	views: Array<{ view: SavedView; figure: ReportFigure | null }>;
}

const byCreated = (a: ReviewNote, b: ReviewNote) =>
	a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;

/** Gather the report's content. */
export function reviewReport(input: ReportInput): ReviewReport {
	const { snapshot } = input;
	const decisions = decisionsByKey(snapshot.notes);
	const notesByTarget = new Map<string, ReviewNote[]>();
	for (const n of snapshot.notes) {
		const k = `${n.targetKind}\u0000${n.target}`;
		notesByTarget.set(k, [...(notesByTarget.get(k) ?? []), n]);
	}
	const bySeverity = SEVERITIES.map((severity) => ({ severity, rows: [] as ReportFinding[] }));
	const rules = new Map<string, ReviewReport['rules'][number]>();
	let accepted = 0;
	let toFix = 0;
	for (const finding of input.findings) {
		const key = findingKey(finding);
		const decision = decisions.get(key) ?? null;
		const notes = (notesByTarget.get(`finding\u0000${key}`) ?? []).sort(byCreated);
		const r = rules.get(finding.rule) ?? {
			rule: finding.rule,
			severity: finding.severity,
			count: 0,
			accepted: 0,
			toFix: 0
		};
		r.count++;
		const brief = r.count > EVIDENCE_PER_RULE && notes.length === 0;
		bySeverity[SEVERITIES.indexOf(finding.severity)].rows.push({ finding, decision, notes, brief });
		if (SEVERITIES.indexOf(finding.severity) < SEVERITIES.indexOf(r.severity))
			r.severity = finding.severity;
		if (decision?.status === 'accepted-risk')
			[r.accepted, accepted] = [r.accepted + 1, accepted + 1];
		if (decision?.status === 'to-fix') [r.toFix, toFix] = [r.toFix + 1, toFix + 1];
		rules.set(finding.rule, r);
	}
	const verdicts = input.verdicts;
	const nodeNotes = [...notesByTarget.entries()]
		.filter(([k]) => k.startsWith('node\u0000'))
		.map(([k, notes]) => ({ target: k.slice(5), notes: notes.sort(byCreated) }))
		.sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
	return {
		title: snapshot.meta.name,
		generatedAt: input.generatedAt,
		capturedAt: snapshot.meta.capturedAt,
		importedAt: snapshot.meta.importedAt,
		organization: {
			id: snapshot.organization?.id ?? null,
			managementAccountId: snapshot.organization?.managementAccountId ?? null,
			units: snapshot.organization?.units.length ?? 0,
			counts: countSnapshot(snapshot)
		},
		bySeverity,
		rules: [...rules.values()].sort(
			(a, b) =>
				SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
				b.count - a.count ||
				(a.rule < b.rule ? -1 : 1)
		),
		decisions: { accepted, toFix },
		access: verdicts
			? {
					admins: verdicts.filter((v) => v.status === 'admin'),
					escalates: verdicts.filter((v) => v.status === 'escalates'),
					conditional: verdicts.filter((v) => v.status === 'conditional')
				}
			: null,
		nodeNotes,
		views: snapshot.views.map((view) => ({ view, figure: input.figures?.get(view.id) ?? null }))
	};
}
