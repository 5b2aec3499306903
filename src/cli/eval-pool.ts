/**
 * Worker threads for `iam-atlas eval --workers N`: each batch of lines is split between the
 * workers by principal (so each compiles only its share of principals), answered in parallel and
 * put back in input order. Workers run the bundled eval-worker.js when the CLI is bundled, else the
 * TypeScript source through tsx.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** What a worker is started with. */
export interface WorkerSetup {
	snapshotPath: string;
	trace: boolean;
}
/** Main → worker: lines with their 1-based numbers. */
export interface ToWorker {
	id: number;
	lines: string[];
	numbers: number[];
}
/** Worker → main. */
export type FromWorker =
	| { type: 'ready' }
	| { type: 'failed'; message: string }
	| { type: 'answers'; id: number; out: string[] };

function startWorker(setup: WorkerSetup): Worker {
	// replaced by "1" in the esbuild bundle (scripts/build-cli.js)
	if (process.env.IAM_ATLAS_BUNDLED === '1')
		return new Worker(new URL('./eval-worker.js', import.meta.url), { workerData: setup });
	const tsxApi = join(
		dirname(createRequire(import.meta.url).resolve('tsx/package.json')),
		'dist/esm/api/index.mjs'
	);
	const source = new URL('./eval-worker.ts', import.meta.url).href;
	const code = `import(${JSON.stringify(pathToFileURL(tsxApi).href)}).then((m) => { m.register(); return import(${JSON.stringify(source)}); })`;
	return new Worker(code, { eval: true, workerData: setup });
}

// the principal's text, found without parsing the line (a line without one goes anywhere)
const PRINCIPAL = '"principal":"';
function principalHash(line: string): number {
	const at = line.indexOf(PRINCIPAL);
	if (at < 0) return line.length;
	let h = 0;
	for (let i = at + PRINCIPAL.length; i < line.length; i++) {
		const c = line.charCodeAt(i);
		if (c === 34) break;
		h = (h * 31 + c) | 0;
	}
	return h >>> 0;
}

/** A pool of started workers. */
export class EvalPool {
	readonly #workers: Worker[];
	readonly #pending = new Map<
		number,
		{ done: (out: string[]) => void; fail: (e: Error) => void }
	>();
	#nextId = 0;

	private constructor(workers: Worker[]) {
		this.#workers = workers;
		for (const w of workers)
			w.on('message', (m: FromWorker) => {
				if (m.type !== 'answers') return;
				this.#pending.get(m.id)?.done(m.out);
				this.#pending.delete(m.id);
			});
	}

	#fail(e: Error) {
		for (const p of this.#pending.values()) p.fail(e);
		this.#pending.clear();
	}

	/** Start n workers on the snapshot; rejects with the snapshot error text if they cannot load it. */
	static async start(n: number, setup: WorkerSetup): Promise<EvalPool> {
		const workers = Array.from({ length: n }, () => startWorker(setup));
		try {
			await Promise.all(
				workers.map(
					(w) =>
						new Promise<void>((resolve, reject) => {
							w.once('error', reject);
							w.once('message', (m: FromWorker) =>
								m.type === 'ready'
									? resolve()
									: reject(new Error(m.type === 'failed' ? m.message : ''))
							);
						})
				)
			);
		} catch (e) {
			await Promise.all(workers.map((w) => w.terminate()));
			throw e;
		}
		const pool = new EvalPool(workers);
		for (const w of workers) w.on('error', (e) => pool.#fail(e));
		return pool;
	}

	/** Answer lines numbered from `first`; resolves to the output lines joined, each ending "\n". */
	answer(lines: string[], first: number): Promise<string> {
		const n = this.#workers.length;
		const parts = Array.from({ length: n }, () => ({
			lines: [] as string[],
			numbers: [] as number[],
			at: [] as number[]
		}));
		for (let i = 0; i < lines.length; i++) {
			const p = parts[principalHash(lines[i]) % n];
			p.lines.push(lines[i]);
			p.numbers.push(first + i);
			p.at.push(i);
		}
		const out = new Array<string>(lines.length);
		return new Promise<string>((resolve, reject) => {
			let waiting = 0;
			const done = () => {
				if (--waiting === 0) resolve(out.join('\n') + '\n');
			};
			parts.forEach((p, k) => {
				if (!p.lines.length) return;
				waiting++;
				const id = this.#nextId++;
				this.#pending.set(id, {
					done: (answers) => {
						for (let i = 0; i < answers.length; i++) out[p.at[i]] = answers[i];
						done();
					},
					fail: reject
				});
				this.#workers[k].postMessage({ id, lines: p.lines, numbers: p.numbers } satisfies ToWorker);
			});
			if (waiting === 0) resolve('');
		});
	}

	/** Stop the workers. */
	async close(): Promise<void> {
		await Promise.all(this.#workers.map((w) => w.terminate()));
	}
}
