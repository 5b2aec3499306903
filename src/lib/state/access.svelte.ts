/**
 * The Access and Organization views' state (issue 10): one principal's access — escalation paths,
 * role chains, what it can do per service with a drill-down — asked of the engine worker on the
 * interactive "access" channel (the latest principal wins), and the organization overview
 * (administrators and principals that can become one, per account) with its progress. What is
 * drawn on the graph is an overlay (graph/access-edges.ts) the explorer adds to its elements;
 * tracing a step hands its exact request to the existing trace.
 */
import { accessOverlay, NO_OVERLAY, type AccessOverlay } from '../graph/access-edges';
import type { EscalationPath } from '../analysis/escalation/escalation';
import type { EvalRequest } from '../engine/types';
import { isCancelled } from '../workers/engine-client';
import type {
	AccessResult,
	AccessServiceResult,
	OrganizationAccessResult
} from '../workers/engine-protocol';
import type { ExplorerEngine } from './explorer-engine';

/** What the access state needs from the explorer. */
export interface AccessHost {
	engine: ExplorerEngine;
	/** The graph node id of an ARN in the snapshot, or null. */
	nodeOf(arn: string): string | null;
	/** Make these nodes visible (expanding their accounts and owners). */
	revealAll(ids: string[]): void;
	/** Trace one request in the trace panel. */
	trace(request: EvalRequest): Promise<void>;
}

/** Per-principal and organization access state. */
export class AccessState {
	principal = $state<string | null>(null);
	result = $state.raw<AccessResult | null>(null);
	busy = $state(false);
	error = $state<string | null>(null);
	/** The service drilled into, and its actions. */
	service = $state<string | null>(null);
	drill = $state.raw<AccessServiceResult | null>(null);
	/** What is drawn on the graph (escalation steps, role chains). */
	overlay = $state.raw<AccessOverlay>(NO_OVERLAY);
	/** Which path is drawn (-1: role chains only, null: nothing). */
	shown = $state<number | 'chains' | null>(null);
	org = $state.raw<OrganizationAccessResult | null>(null);
	orgProgress = $state.raw<{ done: number; total: number } | null>(null);
	orgError = $state<string | null>(null);
	readonly #host: AccessHost;

	constructor(host: AccessHost) {
		this.#host = host;
	}

	/** Ask for one principal's access (superseding an earlier question). */
	async open(principal: string | null): Promise<void> {
		if (principal === this.principal && (this.result || this.busy)) return;
		this.principal = principal;
		this.result = null;
		this.service = null;
		this.drill = null;
		this.error = null;
		this.clear();
		const access = this.#host.engine.access;
		if (!principal || !access) return;
		this.busy = true;
		try {
			const r = await access(principal, { channel: 'access' });
			if (this.principal !== principal) return;
			this.result = r;
			if (r.paths.length) this.showPath(0);
			else if (r.chains.length) this.showChains();
		} catch (e) {
			if (!isCancelled(e)) this.error = e instanceof Error ? e.message : String(e);
		} finally {
			if (this.principal === principal) this.busy = false;
		}
	}

	/** Drill into one service (again: close it). */
	async toggleService(service: string): Promise<void> {
		const principal = this.principal;
		const ask = this.#host.engine.accessService;
		if (this.service === service || !principal || !ask) {
			this.service = null;
			this.drill = null;
			return;
		}
		this.service = service;
		this.drill = null;
		try {
			const r = await ask(principal, service, { channel: 'accessService' });
			if (this.service === service && this.principal === principal) this.drill = r;
		} catch (e) {
			if (!isCancelled(e)) this.error = e instanceof Error ? e.message : String(e);
		}
	}

	#draw(paths: EscalationPath[], chains: AccessResult['chains']): void {
		const o = accessOverlay(paths, chains, (arn) => this.#host.nodeOf(arn));
		this.#host.revealAll(o.nodes);
		this.overlay = o;
	}

	/** Draw one escalation path on the graph. */
	showPath(i: number): void {
		const r = this.result;
		if (!r?.paths[i]) return;
		this.shown = i;
		this.#draw([r.paths[i]], []);
	}

	/** Draw the role chains on the graph. */
	showChains(): void {
		if (!this.result) return;
		this.shown = 'chains';
		this.#draw([], this.result.chains);
	}

	/** Remove the drawing. */
	clear(): void {
		this.shown = null;
		this.overlay = NO_OVERLAY;
	}

	/** Trace one request of a step in the trace panel. */
	traceStep(request: EvalRequest): Promise<void> {
		return this.#host.trace(request);
	}

	/** Run the organization overview (progress in `orgProgress`). */
	async runOrganization(): Promise<void> {
		const run = this.#host.engine.organization;
		if (!run || this.orgProgress) return;
		this.orgError = null;
		this.orgProgress = { done: 0, total: 1 };
		try {
			this.org = await run({ onProgress: (done, total) => (this.orgProgress = { done, total }) });
		} catch (e) {
			if (!isCancelled(e)) this.orgError = e instanceof Error ? e.message : String(e);
		} finally {
			this.orgProgress = null;
		}
	}
}
