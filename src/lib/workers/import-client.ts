/**
 * The main thread's side of the import worker.
 *
 * Usage (UI / state layer):
 * ```ts
 * const client = new ImportClient();                   // starts the worker lazily, on first import
 * const result = await client.import(files, {          // files: { path, bytes: Uint8Array }[]
 *   name: 'prod org',                                  // optional; default derived from the files
 *   onProgress: (p) => (progress = p),                 // { phase: 'read'|'save', done, total, file }
 * });
 * if (result.ok) open(result.snapshotId);              // result.record has name, counts, sources
 * else show(result.errors);                            // AtlasError[]: code, message, where {file, pointer, line, column}
 * client.dispose();                                    // when the owner goes away
 * ```
 * The files' ArrayBuffers are *transferred* to the worker: after import() the caller's
 * Uint8Arrays are empty. The snapshot is saved inside the worker and never crosses back;
 * read it with SnapshotStore.get(result.snapshotId). import() never rejects: a crashed
 * worker becomes `{ ok: false, errors: [{ code: 'import.worker-failed', … }] }`.
 * Several imports may run; replies are matched to their request by id.
 */
import type { AtlasError } from '../model/result';
import type { SnapshotRecord } from '../store/atlas-db';
import type { ImportFileMessage, ImportPhase, ImportReply, ImportRequest } from './import-protocol';

/** Progress of one import. */
export interface ImportProgress {
	phase: ImportPhase;
	done: number;
	total: number;
	file: string;
}

/** Options of one import. */
export interface ImportClientOptions {
	name?: string;
	replaceId?: string;
	onProgress?: (p: ImportProgress) => void;
}

/** How an import ended: stored (with its id and record) or not stored (with every error). */
export type ImportResult =
	| { ok: true; snapshotId: string; record: SnapshotRecord; warnings: AtlasError[] }
	| { ok: false; errors: AtlasError[] };

/** The smallest Worker surface the client needs (a real Worker, or a fake in tests). */
export interface WorkerLike {
	postMessage(message: ImportRequest, transfer: Transferable[]): void;
	onmessage: ((event: MessageEvent<ImportReply>) => void) | null;
	onerror: ((event: ErrorEvent) => void) | null;
	terminate(): void;
}

type Pending = { resolve: (r: ImportResult) => void; onProgress?: (p: ImportProgress) => void };

const defaultWorker = (): WorkerLike =>
	new Worker(new URL('./import.worker.ts', import.meta.url), {
		type: 'module'
	}) as unknown as WorkerLike;

/** Sends imports to the import worker and matches its replies to requests. */
export class ImportClient {
	#worker: WorkerLike | null = null;
	#nextId = 1;
	readonly #pending = new Map<number, Pending>();
	readonly #createWorker: () => WorkerLike;

	/** `createWorker` is for tests; the default starts src/lib/workers/import.worker.ts. */
	constructor(createWorker: () => WorkerLike = defaultWorker) {
		this.#createWorker = createWorker;
	}

	/** Import and store `files`; resolves when the snapshot is stored or the import has failed. */
	import(files: ImportFileMessage[], options: ImportClientOptions = {}): Promise<ImportResult> {
		const requestId = this.#nextId++;
		// One ArrayBuffer may back several views; it must appear in the transfer list only once.
		const transfer = [...new Set(files.map((f) => f.bytes.buffer))].filter(
			(b): b is ArrayBuffer => b instanceof ArrayBuffer
		);
		return new Promise((resolve) => {
			this.#pending.set(requestId, { resolve, onProgress: options.onProgress });
			this.#ensureWorker().postMessage(
				{ type: 'start', requestId, files, name: options.name, replaceId: options.replaceId },
				transfer
			);
		});
	}

	/** Stop the worker; imports still running resolve as failed. */
	dispose(): void {
		this.#worker?.terminate();
		this.#worker = null;
		this.#failAll('The import was cancelled.');
	}

	#ensureWorker(): WorkerLike {
		if (this.#worker) return this.#worker;
		const worker = this.#createWorker();
		worker.onmessage = (event) => this.#receive(event.data);
		worker.onerror = (event) => {
			event.preventDefault?.();
			this.#worker?.terminate();
			this.#worker = null;
			this.#failAll(
				`The import worker failed: ${event.message || 'unknown error'}. Nothing was stored.`
			);
		};
		this.#worker = worker;
		return worker;
	}

	#receive(reply: ImportReply): void {
		const pending = this.#pending.get(reply.requestId);
		if (!pending) return;
		if (reply.type === 'progress') {
			pending.onProgress?.({
				phase: reply.phase,
				done: reply.done,
				total: reply.total,
				file: reply.file
			});
			return;
		}
		this.#pending.delete(reply.requestId);
		if (reply.type === 'done')
			pending.resolve({
				ok: true,
				snapshotId: reply.snapshotId,
				record: reply.record,
				warnings: reply.warnings
			});
		else pending.resolve({ ok: false, errors: reply.errors });
	}

	#failAll(message: string): void {
		for (const [, p] of this.#pending)
			p.resolve({ ok: false, errors: [{ code: 'import.worker-failed', message }] });
		this.#pending.clear();
	}
}
