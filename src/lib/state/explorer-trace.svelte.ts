/**
 * The trace side of the explorer: the chosen principal, resource, action and request context,
 * the decision with its trace (from the engine worker, latest request wins), and the list of the
 * resource type's actions with a decision badge each. Any change re-evaluates at once.
 * The request context is the defaults for the question (engine/request/default-context.ts:
 * region, TLS, time, MFA off) overridden by the keys the user set; only the latter go in links.
 */
import { effectiveContext, type DefaultContext } from '../engine/request/default-context';
import type { ContextValue, EvalResult } from '../engine/types';
import type { QuestionCheck } from '../engine/catalog/question-check';
import type { ActionsForResourceResult } from '../workers/engine-protocol';
import { isCancelled } from '../workers/engine-client';
import type { ExplorerEngine } from './explorer-engine';

/** The request context keys the editor offers (tags are edited as aws:PrincipalTag/… keys). */
export const CONTEXT_FIELDS = [
	'aws:SourceIp',
	'aws:RequestedRegion',
	'aws:MultiFactorAuthPresent',
	'aws:CurrentTime'
] as const;

/** Trace state of one explorer. */
export class ExplorerTrace {
	principal = $state<string | null>(null);
	resource = $state<string | null>(null);
	action = $state<string | null>(null);
	/** The context keys the user set (a link's `ctx.` parameters). */
	userContext = $state.raw<Record<string, ContextValue>>({});
	/** The defaults for the current principal and resource, with where each came from. */
	defaults = $derived.by((): DefaultContext => this.#defaults(this.principal, this.resource));
	/** The context requests are evaluated with: the defaults overridden by the user's keys. */
	context = $derived(effectiveContext(this.defaults.values, this.userContext));
	result = $state.raw<EvalResult | null>(null);
	/** When the current result arrived (performance.now()), for the highlight timing. */
	resultAt = $state(0);
	actions = $state.raw<ActionsForResourceResult | null>(null);
	/** For a bucket: the actions on its objects (`<bucket>/*`), with their decisions; else null. */
	objectActions = $state.raw<ActionsForResourceResult | null>(null);
	/** What is wrong with the question (unknown action, resource-type mismatch), when the catalog can tell. */
	check = $state.raw<QuestionCheck | null>(null);
	completions = $state.raw<string[]>([]);
	busy = $state(false);
	error = $state<string | null>(null);
	readonly #engine: ExplorerEngine;
	readonly #onResult: () => void;
	readonly #onChange: () => void;
	readonly #defaults: (principal: string | null, resource: string | null) => DefaultContext;

	/** Whether a principal, a resource and an action are all chosen. */
	ready = $derived(Boolean(this.principal && this.resource && this.action));

	/**
	 * `onResult` runs after each new decision (the explorer reveals the traced path); `onChange`
	 * whenever the request changes; `defaults` gives the default context of a question (none when absent).
	 */
	constructor(
		engine: ExplorerEngine,
		onResult: () => void = () => {},
		onChange: () => void = () => {},
		defaults: (principal: string | null, resource: string | null) => DefaultContext = () => ({
			values: {},
			why: {}
		})
	) {
		this.#defaults = defaults;
		this.#engine = engine;
		this.#onResult = onResult;
		this.#onChange = onChange;
	}

	/** Choose the principal (user or role ARN). */
	setPrincipal(arn: string | null): void {
		this.principal = arn;
		void this.refresh(true);
	}

	/** Choose the resource (any ARN). */
	setResource(arn: string | null): void {
		this.resource = arn;
		void this.refresh(true);
	}

	/** Choose the action. */
	setAction(action: string | null): void {
		this.action = action?.trim() || null;
		void this.refresh(false);
	}

	/** Replace the context keys the user set (the defaults stay underneath). */
	setContext(context: Record<string, ContextValue>): void {
		this.userContext = context;
		void this.refresh(true);
	}

	/** Set one context key (null: back to its default, or absent when it has none). */
	setContextKey(key: string, value: ContextValue | null): void {
		const next = Object.fromEntries(
			Object.entries(this.userContext).filter(([k]) => k.toLowerCase() !== key.toLowerCase())
		);
		if (value !== null && value !== '') next[key] = value;
		this.setContext(next);
	}

	/** Set everything at once (a link or a designed path), then evaluate. */
	async setAll(v: {
		principal: string | null;
		resource: string | null;
		action: string | null;
		context: Record<string, ContextValue>;
	}) {
		this.principal = v.principal;
		this.resource = v.resource;
		this.action = v.action;
		this.userContext = v.context;
		await this.refresh(true);
	}

	/** Ask for completions of a partly typed action name. */
	async complete(prefix: string): Promise<void> {
		if (prefix.length < 2) {
			this.completions = [];
			return;
		}
		try {
			this.completions = await this.#engine.completions(prefix, 30);
		} catch (e) {
			if (!isCancelled(e)) this.completions = [];
		}
	}

	/** Re-run the decision (and, when asked, the action list) for the current choice. */
	async refresh(withActions: boolean): Promise<void> {
		const { principal, resource, action, context } = this;
		this.error = null;
		// The decision is asked first: the worker answers in order, and the headline matters most;
		// who-can, the action list and the question check queue behind it.
		const decision =
			principal && resource && action
				? this.#engine.evaluate({ principal, resource, action, context }, { channel: 'trace' })
				: null;
		this.#onChange();
		if (withActions) void this.#loadActions();
		void this.#check();
		if (!decision) {
			this.result = null;
			return;
		}
		this.busy = true;
		try {
			const result = await decision;
			this.result = result;
			this.resultAt = performance.now();
			this.#onResult();
		} catch (e) {
			if (!isCancelled(e)) {
				this.result = null;
				this.error = e instanceof Error ? e.message : String(e);
			}
		} finally {
			this.busy = false;
		}
	}

	async #check(): Promise<void> {
		const { action, resource } = this;
		if (!action || !this.#engine.checkQuestion) {
			this.check = null;
			return;
		}
		try {
			const check = await this.#engine.checkQuestion(action, resource, { channel: 'check' });
			if (this.action === action && this.resource === resource) this.check = check;
		} catch (e) {
			if (!isCancelled(e)) this.check = null;
		}
	}

	async #loadActions(): Promise<void> {
		const { principal, resource, context } = this;
		if (!principal || !resource) {
			this.actions = null;
			this.objectActions = null;
			return;
		}
		try {
			const actions = await this.#engine.actionsForResource(
				{ principal, resource, context },
				{ channel: 'actions' }
			);
			this.actions = actions;
			const type = actions.resourceType;
			// A bucket's list includes what may be done to its objects (what "Trace to here" on a bucket is usually about).
			this.objectActions =
				type?.service === 's3' && type.resourceType === 'bucket'
					? await this.#engine.actionsForResource(
							{ principal, resource: `${resource.replace(/\/+$/, '')}/*`, context },
							{ channel: 'object-actions' }
						)
					: null;
		} catch (e) {
			if (!isCancelled(e)) {
				this.actions = null;
				this.objectActions = null;
			}
		}
	}
}
