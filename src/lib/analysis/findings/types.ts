/** The findings' vocabulary: severities, a finding, a rule, and what every rule is given. */
import type { Evaluator } from '../../engine/evaluate';
import type { Account, Snapshot } from '../../model/snapshot';
import type { SnapshotIndex } from '../../model/snapshot-index';

/** Severities, most urgent first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
/** How urgent a finding is. */
export type Severity = (typeof SEVERITIES)[number];

/** One thing a reviewer should look at. */
export interface Finding {
	/** The rule id (docs/adr/0012-findings.md), e.g. `root-access-key`. */
	rule: string;
	severity: Severity;
	/** What it is about: an ARN, an account id or another org node id. */
	subject: string;
	/** One line, in plain words. */
	title: string;
	/** What it rests on: the statement, the credential report row, the last-accessed entry, … */
	evidence: Record<string, unknown>;
	/** The graph node to select for "show on graph" (a model id: ARN, account id, policy id); null when none. */
	graphTarget: string | null;
	/** The account it belongs to (for grouping); null for organization-wide findings. */
	account: string | null;
}

/** What a rule is given: the snapshot, its index, the evaluator and the capture time. */
export interface FindingsContext {
	snapshot: Snapshot;
	index: SnapshotIndex;
	/** The evaluator over the snapshot (created once, shared by every rule). */
	evaluator: Evaluator;
	/** The instant ages are measured against for an account (ms since epoch). */
	now(account: Account | null): number;
	/** Account ids inside the organization (or, with no organization, the snapshot's accounts). */
	inside: Set<string>;
}

/** A rule: an id, and the findings it makes. Pure and synchronous. */
export interface FindingRule {
	id: string;
	run(ctx: FindingsContext): Finding[];
}
