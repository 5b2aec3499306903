/**
 * `iam-atlas eval --snapshot <snapshot.json> [<requests.jsonl>]`: exactly one JSON line out per
 * line in (stdin when no file), in order, streaming, each with `"line": n` (1-based): a decision
 * with its reasons, `{"line":n,"error":{code,message}}` for a bad line (the batch goes on), or
 * `{"line":n,"skipped":"blank line"}`. `--trace` adds the full trace (reasonDetails, layers,
 * context). Input is split in large chunks and answered a chunk at a time, one write per chunk.
 */
import { loadConditionKeyTypes } from '../../lib/engine/catalog/condition-key-types';
import { createEvaluator } from '../../lib/engine/evaluate';
import { LineAnswerer } from '../eval-lines';
import { EvalPool } from '../eval-pool';
import { chunksOfLines, linesOf, readChunks, type CliIo } from '../io';
import { readSnapshotArg } from '../read-snapshot';

const USAGE =
	'usage: iam-atlas eval --snapshot <snapshot.json> [--trace] [--workers <n>] [<requests.jsonl>]\n' +
	'  one JSON line out per line in, each with "line": n; a bad line gets {"line":n,"error":{code,message}},\n' +
	'  a blank line {"line":n,"skipped":"blank line"}\n' +
	'  --workers <n>  answer in n worker threads, output still in input order (default 0: this\n' +
	'                 thread; each worker loads the snapshot again, so it pays only on idle cores)\n';

/** Run the eval command; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
	let snapshotPath: string | undefined;
	let requestsPath: string | undefined;
	let trace = false;
	let workers = 0;
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		if (a === '--help' || a === '-h') {
			io.stdout(USAGE);
			return 0;
		} else if (a === '--snapshot' && args[i + 1]) snapshotPath = args[++i];
		else if (a === '--trace') trace = true;
		else if (a === '--workers' && /^\d{1,2}$/.test(args[i + 1] ?? '')) workers = Number(args[++i]);
		else if (!a.startsWith('-') && !requestsPath) requestsPath = a;
		else {
			io.stderr(`iam-atlas eval: unexpected argument '${a}'\n${USAGE}`);
			return 2;
		}
	}
	if (!snapshotPath) {
		io.stderr(`iam-atlas eval: --snapshot is required\n${USAGE}`);
		return 2;
	}
	const chunks = requestsPath
		? readChunks(requestsPath)
		: (io.stdinChunks?.() ?? chunksOfLines(io.stdinLines()));
	if (workers) return runInWorkers(workers, { snapshotPath, trace }, chunks, requestsPath, io);
	const snapshot = readSnapshotArg('eval', snapshotPath, io);
	if (!snapshot) return 1;
	const answerer = new LineAnswerer(
		createEvaluator(snapshot),
		trace,
		await loadConditionKeyTypes()
	);
	let n = 0;
	try {
		for await (const lines of linesOf(chunks)) {
			let out = '';
			for (const line of lines) out += answerer.answer(line, ++n) + '\n';
			io.stdout(out);
		}
	} catch (e) {
		io.stderr(`iam-atlas eval: cannot read ${requestsPath ?? 'stdin'}: ${(e as Error).message}\n`);
		return 1;
	}
	return 0;
}

/** The same, with the answering done by worker threads; two batches in flight, written in order. */
async function runInWorkers(
	count: number,
	setup: { snapshotPath: string; trace: boolean },
	chunks: AsyncIterable<string>,
	requestsPath: string | undefined,
	io: CliIo
): Promise<number> {
	let pool: EvalPool;
	try {
		pool = await EvalPool.start(count, setup);
	} catch (e) {
		io.stderr((e as Error).message || `iam-atlas eval: worker threads failed to start\n`);
		return 1;
	}
	const inFlight: Promise<string>[] = [];
	let n = 0;
	try {
		for await (const lines of linesOf(chunks)) {
			const answered = pool.answer(lines, n + 1);
			answered.catch(() => {}); // awaited below, in order; a failure surfaces there
			inFlight.push(answered);
			n += lines.length;
			if (inFlight.length > 2) io.stdout(await inFlight.shift()!);
		}
		while (inFlight.length) io.stdout(await inFlight.shift()!);
	} catch (e) {
		io.stderr(`iam-atlas eval: cannot read ${requestsPath ?? 'stdin'}: ${(e as Error).message}\n`);
		return 1;
	} finally {
		await pool.close();
	}
	return 0;
}
