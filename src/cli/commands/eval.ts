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
import { chunksOfLines, linesOf, readChunks, type CliIo } from '../io';
import { readSnapshotArg } from '../read-snapshot';

export { decisionJson, parseRequestLine } from '../eval-lines';

const USAGE =
	'usage: iam-atlas eval --snapshot <snapshot.json> [--trace] [<requests.jsonl>]\n' +
	'  one JSON line out per line in, each with "line": n; a bad line gets {"line":n,"error":{code,message}},\n' +
	'  a blank line {"line":n,"skipped":"blank line"}\n';

/** Run the eval command; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
	let snapshotPath: string | undefined;
	let requestsPath: string | undefined;
	let trace = false;
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		if (a === '--help' || a === '-h') {
			io.stdout(USAGE);
			return 0;
		} else if (a === '--snapshot' && args[i + 1]) snapshotPath = args[++i];
		else if (a === '--trace') trace = true;
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
	const snapshot = readSnapshotArg('eval', snapshotPath, io);
	if (!snapshot) return 1;
	const answerer = new LineAnswerer(
		createEvaluator(snapshot),
		trace,
		await loadConditionKeyTypes()
	);
	const chunks = requestsPath
		? readChunks(requestsPath)
		: (io.stdinChunks?.() ?? chunksOfLines(io.stdinLines()));
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
