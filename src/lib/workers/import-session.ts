/**
 * One import request handled inside the worker: importFiles, then save through the store,
 * reporting throttled progress. Kept apart from import.worker.ts so it runs in Node tests.
 */
import { importFiles } from '../import/import-files';
import type { SnapshotStore } from '../store/snapshot-store';
import type { ImportReply, ImportRequest } from './import-protocol';

const PROGRESS_EVERY_MS = 100;

/** Run `request` to completion, sending every reply through `post`. Never throws. */
export async function runImport(
	request: ImportRequest,
	store: SnapshotStore,
	post: (reply: ImportReply) => void
): Promise<void> {
	const { requestId, files, name, replaceId } = request;
	let last = -Infinity;
	try {
		const outcome = importFiles(files, {
			name,
			onProgress: ({ done, total, file }) => {
				const now = performance.now();
				if (now - last < PROGRESS_EVERY_MS && done < total) return;
				last = now;
				post({ type: 'progress', requestId, phase: 'read', done, total, file });
			}
		});
		if (!outcome.ok) return post({ type: 'failed', requestId, errors: outcome.errors });
		post({ type: 'progress', requestId, phase: 'save', done: 0, total: 1, file: '' });
		const saved = await store.save(outcome.snapshot, { id: replaceId });
		if (!saved.ok) return post({ type: 'failed', requestId, errors: [saved.error] });
		post({
			type: 'done',
			requestId,
			snapshotId: saved.value.id,
			record: saved.value,
			warnings: outcome.warnings
		});
	} catch (e) {
		// importFiles never throws on bad input; this is a bug or an out-of-memory, reported as data.
		const message = `The import stopped unexpectedly: ${e instanceof Error ? e.message : String(e)}. Nothing was stored.`;
		post({ type: 'failed', requestId, errors: [{ code: 'import.crashed', message }] });
	}
}
