/**
 * The app's handle on the engine worker: typed promises over engine-protocol.ts, replies matched
 * by request id, and "latest interactive request wins" per channel.
 *
 * For the graph and the side panel (usage):
 *   const engine = createEngineClient();               // one per app; spawns engine.worker.ts
 *   await engine.loadStored(snapshotId);               // once per opened stored snapshot (read in the worker)
 *   await engine.load(snapshot);                       // or post one that is not stored ($state.raw, not a proxy)
 *   const r = await engine.evaluate(req, { channel: 'trace' });           // full EvalResult with trace
 *   const who = await engine.whoCan({ action, resource, context }, { channel: 'whoCan' });
 *   const side = await engine.actionsForResource({ principal, resource, context }, { channel: 'panel' });
 *   const names = await engine.completions('s3:getob');                   // channel 'completions'
 *   const keys = await engine.conditionKeyCompletions('aws:Pri', 's3:GetObject');  // channel 'conditionKeys'
 *   const findings = await engine.lintPolicy(document);
 * Calls on the same channel supersede each other: while one is in flight, the newest waits and
 * older waiting ones — and the in-flight one once it returns — reject with EngineCancelledError
 * (check `isCancelled(e)` and ignore it). Calls without a channel always complete. After `dispose()`
 * every pending and later call rejects with EngineStoppedError (an EngineCancelledError; `isStopped(e)`).
 * Other failures reject with EngineCallError carrying a dotted `code` (engine.no-snapshot, catalog.unavailable …).
 */
import type { EvalRequest, EvalResult } from '../engine/types';
import type { PolicyDocument } from '../model/policy-document';
import type { Snapshot } from '../model/snapshot';
import type {
	ActionsForResourceParams,
	EngineCallName,
	EngineCalls,
	EngineProgress,
	EngineReply,
	EngineRequest,
	WhoCanParams
} from './engine-protocol';

/** The part of a Worker the client uses (a fake in tests). */
export interface EnginePort {
	postMessage(message: EngineRequest): void;
	onmessage: ((event: { data: EngineReply | EngineProgress }) => void) | null;
	terminate(): void;
}

/** A call superseded by a newer one on its channel. */
export class EngineCancelledError extends Error {
	readonly code = 'engine.cancelled';
}

/** A call that never got an answer because the worker was stopped (its owner unmounted). */
export class EngineStoppedError extends EngineCancelledError {
	constructor() {
		super('engine stopped');
	}
}

/** A call the worker answered with an error. */
export class EngineCallError extends Error {
	constructor(
		readonly code: string,
		message: string
	) {
		super(message);
	}
}

/** True for the rejection of a superseded interactive call. */
export const isCancelled = (e: unknown): e is EngineCancelledError =>
	e instanceof EngineCancelledError;

/** True for the rejection of a call made to (or pending in) a stopped worker. */
export const isStopped = (e: unknown): e is EngineStoppedError => e instanceof EngineStoppedError;

/** Options of one call. */
export interface CallOptions {
	/** Interactive channel: the latest call on it wins; older ones reject with EngineCancelledError. */
	channel?: string;
	/** Hears (done, total) of a long call (organization). */
	onProgress?: (done: number, total: number) => void;
}

interface Pending {
	request: EngineRequest;
	resolve: (value: unknown) => void;
	reject: (reason: unknown) => void;
	superseded: boolean;
	onProgress?: (done: number, total: number) => void;
}

/** Typed access to the engine worker. */
export class EngineClient {
	readonly #port: EnginePort;
	readonly #inFlight = new Map<number, Pending>();
	/** Per channel: the call being answered and the newest one waiting for it. */
	readonly #channels = new Map<string, { running: Pending | null; waiting: Pending | null }>();
	#nextId = 1;
	#stopped = false;

	constructor(port: EnginePort) {
		this.#port = port;
		port.onmessage = (event) => this.#receive(event.data);
	}

	/** Sends any call; the named methods below are shorthands. */
	call<K extends EngineCallName>(
		type: K,
		params: EngineCalls[K]['params'],
		options: CallOptions = {}
	): Promise<EngineCalls[K]['result']> {
		return new Promise((resolve, reject) => {
			if (this.#stopped) return reject(new EngineStoppedError());
			const request = { type, id: this.#nextId++, ...params } as EngineRequest;
			const pending: Pending = {
				request,
				resolve: resolve as (v: unknown) => void,
				reject,
				superseded: false,
				onProgress: options.onProgress
			};
			if (!options.channel) return this.#send(pending);
			const lane = this.#channels.get(options.channel) ?? { running: null, waiting: null };
			this.#channels.set(options.channel, lane);
			if (!lane.running) {
				lane.running = pending;
				return this.#send(pending);
			}
			lane.running.superseded = true;
			lane.waiting?.reject(
				new EngineCancelledError(`${lane.waiting.request.type} superseded by a newer request`)
			);
			lane.waiting = pending;
		});
	}

	/** Loads (replaces) the snapshot in the worker; pass plain data ($state.raw or $state.snapshot()). */
	load(snapshot: Snapshot) {
		return this.call('load', { snapshot });
	}

	/** Loads (replaces) a stored snapshot, which the worker reads from IndexedDB: nothing is serialised on the main thread. */
	loadStored(snapshotId: string) {
		return this.call('loadStored', { snapshotId });
	}

	/** One request with its full trace. */
	evaluate(request: EvalRequest, options?: CallOptions): Promise<EvalResult> {
		return this.call('evaluate', { request }, options);
	}

	/** Every principal's decision for one action on one resource. */
	whoCan(params: WhoCanParams, options?: CallOptions) {
		return this.call('whoCan', params, options);
	}

	/** One principal's decision for each action of the resource's type, by access level. */
	actionsForResource(params: ActionsForResourceParams, options?: CallOptions) {
		return this.call('actionsForResource', params, options);
	}

	/** Action-name completions; interactive on the "completions" channel unless told otherwise. */
	completions(prefix: string, limit?: number, options: CallOptions = { channel: 'completions' }) {
		return this.call('completions', { prefix, limit }, options);
	}

	/** Condition-key completions for the context editor; interactive on the "conditionKeys" channel unless told otherwise. */
	conditionKeyCompletions(
		prefix: string,
		action?: string,
		limit?: number,
		options: CallOptions = { channel: 'conditionKeys' }
	) {
		return this.call('conditionKeys', { prefix, action, limit }, options);
	}

	/** Whether an action on a resource is a right question (unknown action, resource-type mismatch), and the action's condition keys. */
	checkQuestion(
		action: string,
		resource: string | null,
		options: CallOptions = { channel: 'check' }
	) {
		return this.call('checkQuestion', { action, resource }, options);
	}

	/** Unknown actions and condition keys of a policy document. */
	lintPolicy(document: PolicyDocument, options?: CallOptions) {
		return this.call('lintPolicy', { document }, options);
	}

	/** The loaded snapshot's findings (optionally with the access-path analysis' verdicts). */
	findings(params: EngineCalls['findings']['params'] = {}, options?: CallOptions) {
		return this.call('findings', params, options);
	}

	/** The review report (Markdown or HTML text) of the loaded snapshot with the given notes. */
	report(params: EngineCalls['report']['params'], options?: CallOptions) {
		return this.call('report', params, options);
	}

	/** One principal's access paths and what-can summary; interactive on the "access" channel unless told otherwise. */
	access(principal: string, options: CallOptions = { channel: 'access' }) {
		return this.call('access', { principal }, options);
	}

	/** One service of a principal's what-can, with actions and resources ("accessService" channel). */
	accessService(
		principal: string,
		service: string,
		options: CallOptions = { channel: 'accessService' }
	) {
		return this.call('accessService', { principal, service }, options);
	}

	/** Every principal's escalation status per account, with progress. */
	organization(options: CallOptions = {}) {
		return this.call('organization', {}, options);
	}

	/** Whether a snapshot is loaded and how far the background warm-up has got. */
	status() {
		return this.call('status', {});
	}

	/** Stops the worker; pending and later calls reject with EngineStoppedError. */
	dispose(): void {
		this.#stopped = true;
		this.#port.terminate();
		for (const p of this.#inFlight.values()) p.reject(new EngineStoppedError());
		for (const lane of this.#channels.values()) lane.waiting?.reject(new EngineStoppedError());
		this.#inFlight.clear();
		this.#channels.clear();
	}

	#send(pending: Pending): void {
		this.#inFlight.set(pending.request.id, pending);
		this.#port.postMessage(pending.request);
	}

	#receive(reply: EngineReply | EngineProgress): void {
		const pending = this.#inFlight.get(reply.id);
		if (!pending) return;
		if (reply.type === 'progress') {
			if (!pending.superseded) pending.onProgress?.(reply.done, reply.total);
			return;
		}
		this.#inFlight.delete(reply.id);
		for (const lane of this.#channels.values()) {
			if (lane.running !== pending) continue;
			lane.running = lane.waiting;
			lane.waiting = null;
			if (lane.running) this.#send(lane.running);
		}
		if (pending.superseded)
			pending.reject(new EngineCancelledError(`${reply.type} superseded by a newer request`));
		else if (reply.ok) pending.resolve(reply.result);
		else pending.reject(new EngineCallError(reply.error.code, reply.error.message));
	}
}

/** Starts the engine worker (a module worker bundled by Vite) and returns its client. */
export function createEngineClient(): EngineClient {
	const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), {
		type: 'module',
		name: 'iam-atlas-engine'
	});
	return new EngineClient(worker as unknown as EnginePort);
}
