/**
 * A worker thread of `iam-atlas eval --workers N`: loads the snapshot itself, then answers the
 * batches of numbered request lines it is sent with the same LineAnswerer as the single-threaded
 * path. Transport only; the protocol is in eval-pool.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadConditionKeyTypes } from '../lib/engine/catalog/condition-key-types';
import { createEvaluator } from '../lib/engine/evaluate';
import { LineAnswerer } from './eval-lines';
import type { FromWorker, ToWorker, WorkerSetup } from './eval-pool';
import { readSnapshotArg } from './read-snapshot';

const port = parentPort!;
const { snapshotPath, trace } = workerData as WorkerSetup;
const post = (m: FromWorker) => port.postMessage(m);
let errors = '';
const snapshot = readSnapshotArg('eval', snapshotPath, {
	stdout: () => {},
	stderr: (t) => void (errors += t),
	stdinLines: async function* () {}
});
if (!snapshot) post({ type: 'failed', message: errors });
else {
	const answerer = new LineAnswerer(
		createEvaluator(snapshot),
		trace,
		await loadConditionKeyTypes()
	);
	port.on('message', ({ id, lines, numbers }: ToWorker) => {
		const out = new Array<string>(lines.length);
		for (let i = 0; i < lines.length; i++) out[i] = answerer.answer(lines[i], numbers[i]);
		post({ type: 'answers', id, out });
	});
	post({ type: 'ready' });
}
