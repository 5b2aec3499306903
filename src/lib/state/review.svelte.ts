/**
 * The review record of the open snapshot: its findings (from the engine worker, so the page never
 * blocks), the findings view's filter and grouping, the reviewers' notes and decisions — kept as
 * the snapshot's `notes` and written through `save` (the library → the store) on every change, so
 * they travel with an export — and the report export (written in the worker too).
 */
import type { PrincipalVerdict } from '../analysis/findings/plugged';
import type { Finding, Severity } from '../analysis/findings/types';
import { groupFindings, type FindingsFilter } from '../analysis/review/group-findings';
import {
	decisionsByKey,
	draftProblem,
	notesFor,
	withNote,
	withoutNote,
	type NoteDraft
} from '../analysis/review/review-notes';
import type { ReportFormat } from '../graph/report-document';
import type { ReviewNote } from '../model/snapshot';
import { isCancelled } from '../workers/engine-client';
import type { ExplorerEngine } from './explorer-engine';

/** What the review state is built on. */
export interface ReviewDeps {
	engine: Pick<ExplorerEngine, 'findings' | 'report'>;
	/** The snapshot's notes when it was opened. */
	notes: ReviewNote[];
	/** Store the notes (false when that failed; the caller reports why). */
	save: (notes: ReviewNote[]) => Promise<boolean>;
	/** An account's display name. */
	accountName?: (id: string) => string | undefined;
	/** The access-path analysis' verdicts, when someone ran it (admin-principal / escalation-path findings). */
	verdicts?: () => PrincipalVerdict[] | undefined;
	newId?: () => string;
	clock?: () => Date;
}

/** Findings, notes and decisions of one open snapshot. */
export class ReviewState {
	findings = $state.raw<Finding[] | null>(null);
	/** Time the worker spent on the findings (ms). */
	findingsMs = $state<number | null>(null);
	loading = $state(false);
	error = $state<string | null>(null);
	notes = $state.raw<ReviewNote[]>([]);
	filter = $state.raw<FindingsFilter>({ severities: [], hideAccepted: false, groupBy: 'rule' });
	/** The finding whose detail is open (its key). */
	openKey = $state<string | null>(null);
	saving = $state(false);
	readonly #deps: ReviewDeps;

	/** The decision in force on each finding. */
	decisions = $derived(decisionsByKey(this.notes));
	/** The findings view's list. */
	grouped = $derived(
		groupFindings(this.findings ?? [], this.decisions, this.filter, (id) => this.#accountName(id))
	);

	constructor(deps: ReviewDeps) {
		this.#deps = deps;
		this.notes = deps.notes;
	}

	#now(): string {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a timestamp read once, never reactive
		return (this.#deps.clock?.() ?? new Date()).toISOString();
	}

	#accountName(id: string): string | undefined {
		return this.#deps.accountName?.(id);
	}

	/** Whether the engine can compute findings at all. */
	get available(): boolean {
		return Boolean(this.#deps.engine.findings);
	}

	/** Ask the worker for the findings (once; `force` to ask again). */
	async load(force = false): Promise<void> {
		const ask = this.#deps.engine.findings;
		if (!ask || this.loading || (this.findings && !force)) return;
		this.loading = true;
		this.error = null;
		try {
			const r = await ask({ verdicts: this.#deps.verdicts?.() });
			this.findings = r.findings;
			this.findingsMs = r.ms;
		} catch (e) {
			if (!isCancelled(e)) this.error = e instanceof Error ? e.message : String(e);
		} finally {
			this.loading = false;
		}
	}

	/** Show or hide a severity (none chosen = all shown). */
	toggleSeverity(s: Severity): void {
		const on = this.filter.severities.includes(s);
		this.filter = {
			...this.filter,
			severities: on
				? this.filter.severities.filter((x) => x !== s)
				: [...this.filter.severities, s]
		};
	}

	/** Group by rule or by account. */
	groupBy(by: FindingsFilter['groupBy']): void {
		this.filter = { ...this.filter, groupBy: by };
	}

	/** Hide or show the findings marked accepted risk. */
	setHideAccepted(hide: boolean): void {
		this.filter = { ...this.filter, hideAccepted: hide };
	}

	/** The notes on a node or finding. */
	notesOn(kind: ReviewNote['targetKind'], target: string): ReviewNote[] {
		return notesFor(this.notes, kind, target);
	}

	/** Add a note (optionally a decision on a finding) and store it; returns why it was refused, or null. */
	async add(draft: NoteDraft): Promise<string | null> {
		const problem = draftProblem(draft);
		if (problem) return problem;
		const at = this.#now();
		const id = this.#deps.newId?.() ?? crypto.randomUUID();
		return this.#commit(withNote(this.notes, draft, id, at));
	}

	/** Delete a note and store the change. */
	remove(id: string): Promise<string | null> {
		return this.#commit(withoutNote(this.notes, id));
	}

	/** The review report's text, written in the worker with the current notes. */
	async report(format: ReportFormat): Promise<string> {
		const write = this.#deps.engine.report;
		if (!write) throw new Error('This engine cannot write reports.');
		return write({
			format,
			generatedAt: this.#now(),
			notes: $state.snapshot(this.notes) as ReviewNote[],
			verdicts: this.#deps.verdicts?.()
		});
	}

	async #commit(next: ReviewNote[]): Promise<string | null> {
		const previous = this.notes;
		this.notes = next;
		this.saving = true;
		try {
			if (await this.#deps.save(next)) return null;
			this.notes = previous;
			return 'The note could not be saved.';
		} finally {
			this.saving = false;
		}
	}
}
