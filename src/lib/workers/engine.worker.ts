/**
 * The engine worker entry (house style §5): transport only. Receives EngineRequest messages,
 * answers each with one EngineReply through EngineSession, strictly in arrival order (so a
 * `load` always lands before the questions sent after it). The evaluator is engine/evaluate.ts,
 * compiled once per loaded snapshot; the action catalog is fetched lazily from /catalog/ (same
 * origin, precached by the service worker) the first time a request needs it. Between requests
 * the worker warms the evaluator up in slices of ~12 ms, so a request waits at most one slice.
 * The snapshot is posted (`load`) or read here from IndexedDB by id (`loadStored`); see engine-protocol.ts.
 */
import { ActionCatalog } from '../engine/catalog/action-catalog';
import { fetchCatalogLoader } from './fetch-catalog-loader';
import { createEvaluator } from '../engine/evaluate';
import { migrateStoredSnapshot } from '../import/snapshot-file/migrate-stored';
import { SnapshotStore } from '../store/snapshot-store';
import type { EngineProgress, EngineReply, EngineRequest } from './engine-protocol';
import { EngineSession } from './engine-session';

/** static/catalog sits at the app's base path: built workers live under <base>/_app/…, dev ones elsewhere (base ""). */
const path = self.location.pathname;
const catalogBase = `${path.includes('/_app/') ? path.slice(0, path.indexOf('/_app/')) : ''}/catalog`;

let store: SnapshotStore | null = null;
const readStored = (id: string) =>
	(store ??= new SnapshotStore(undefined, undefined, migrateStoredSnapshot)).get(id);
const session = new EngineSession(
	createEvaluator,
	() => ActionCatalog.open(fetchCatalogLoader(catalogBase)),
	readStored
);
const post = (reply: EngineReply | EngineProgress) =>
	(self as unknown as { postMessage(m: EngineReply | EngineProgress): void }).postMessage(reply);

let queue: Promise<void> = Promise.resolve();
let pending = 0;
let warmScheduled = false;

/** Runs one warm-up slice when no request is waiting, and schedules the next. */
function scheduleWarmUp(): void {
	if (warmScheduled) return;
	warmScheduled = true;
	setTimeout(() => {
		warmScheduled = false;
		if (pending === 0 && session.warmStep()) scheduleWarmUp();
	}, 0);
}

self.onmessage = (event: MessageEvent<EngineRequest>) => {
	const request = event.data;
	pending++;
	queue = queue.then(async () => {
		post(
			await session.handle(request, (done, total) =>
				post({ type: 'progress', id: request.id, done, total })
			)
		);
		pending--;
		scheduleWarmUp();
	});
};
