/**
 * The explorer's "Who can do this?" section: once opened, it asks the engine worker which users
 * and roles may do the traced action on the traced resource (with the request context), and asks
 * again whenever those change; the latest question wins, older answers are dropped.
 */
import { groupWhoCan, type WhoCanAccounts, type WhoCanSummary } from '../graph/who-can-groups';
import type { ContextValue } from '../engine/types';
import type { WhoCanParams, WhoCanResult } from '../workers/engine-protocol';
import { isCancelled, type CallOptions } from '../workers/engine-client';

/** The engine call this section makes (EngineClient.whoCan). */
export type WhoCanCall = (params: WhoCanParams, options?: CallOptions) => Promise<WhoCanResult>;

/** The question as the trace currently poses it. */
export interface WhoCanQuery {
	resource: string | null;
	action: string | null;
	context: Record<string, ContextValue>;
}

/** State of one explorer's who-can section. */
export class WhoCanState {
	/** Whether the user opened the section (nothing is asked before). */
	open = $state(false);
	result = $state.raw<WhoCanResult | null>(null);
	/** The question the result answers. */
	answered = $state.raw<{ resource: string; action: string } | null>(null);
	/** Milliseconds from asking to the answer, as the page saw it (the worker's own time is result.ms). */
	roundTripMs = $state(0);
	busy = $state(false);
	error = $state<string | null>(null);
	readonly #call: WhoCanCall | undefined;
	readonly #query: () => WhoCanQuery;
	readonly #accounts: WhoCanAccounts;
	#asked = 0;

	/** The answer sorted, counted and grouped by account. */
	summary = $derived.by((): WhoCanSummary | null =>
		this.result ? groupWhoCan(this.result.rows, this.#accounts) : null
	);

	/** Whether the trace poses a question (a resource and an action are chosen). */
	get askable(): boolean {
		const q = this.#query();
		return Boolean(q.resource && q.action);
	}

	/** `call` is the engine's whoCan (absent: the section says so); `query` reads the trace's current choice. */
	constructor(
		call: WhoCanCall | undefined,
		query: () => WhoCanQuery,
		accounts: WhoCanAccounts = {}
	) {
		this.#call = call;
		this.#query = query;
		this.#accounts = accounts;
	}

	/** Open (and ask) or close the section. */
	setOpen(open: boolean): Promise<void> {
		this.open = open;
		return this.refresh();
	}

	/** Ask again for the trace's current choice, if the section is open; the latest call wins. */
	async refresh(): Promise<void> {
		if (!this.open) return;
		const { resource, action, context } = this.#query();
		const asked = ++this.#asked;
		this.error = null;
		if (!resource || !action) {
			this.result = null;
			this.answered = null;
			this.busy = false;
			return;
		}
		if (!this.#call) {
			this.error = 'This engine cannot answer who-can questions.';
			return;
		}
		this.busy = true;
		const started = performance.now();
		try {
			const result = await this.#call({ action, resource, context }, { channel: 'whoCan' });
			if (asked !== this.#asked) return;
			this.result = result;
			this.answered = { resource, action };
			this.roundTripMs = performance.now() - started;
		} catch (e) {
			if (asked !== this.#asked || isCancelled(e)) return;
			this.result = null;
			this.answered = null;
			this.error = e instanceof Error ? e.message : String(e);
		} finally {
			if (asked === this.#asked) this.busy = false;
		}
	}
}
