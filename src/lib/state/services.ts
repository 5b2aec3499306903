/**
 * Binds the app's ports (ports.ts) to their browser implementations: the Dexie SnapshotStore and
 * settings (src/lib/store), the import worker's client (src/lib/workers/import-client.ts, which
 * parses and stores off the main thread) and the bundled demo collection (loaded lazily).
 */
import type { SnapshotRecord } from '../store/atlas-db';
import { getSetting, setSetting, type Settings } from '../store/settings-store';
import { migrateStoredSnapshot } from '../import/snapshot-file/migrate-stored';
import { SnapshotStore } from '../store/snapshot-store';
import { ImportClient } from '../workers/import-client';
import type { AtlasServices } from './app.svelte';
import { watchDexie } from './live-query.svelte';
import type { ImporterPort, SnapshotStorePort, SnapshotSummary } from './ports';
import { describeSources } from './describe-sources';

/** The services of the running app. */
export async function createServices(): Promise<AtlasServices> {
	const store = new SnapshotStore(undefined, undefined, migrateStoredSnapshot);
	await store.db.open();
	return {
		store: storePort(store),
		importer: importerPort(new ImportClient()),
		demoFiles: async () => (await import('../demo/demo-files')).loadDemoFiles()
	};
}

/** The list row the UI shows for a stored record. */
export function summaryOf(record: SnapshotRecord): SnapshotSummary {
	return {
		id: record.id,
		name: record.name,
		capturedAt: record.capturedAt,
		importedAt: record.importedAt,
		source: describeSources(record.sources),
		counts: record.counts,
		fingerprint: record.fingerprint ?? null
	};
}

function storePort(store: SnapshotStore): SnapshotStorePort {
	const listSummaries = async () => (await store.list()).map(summaryOf);
	const orThrow = <T>(
		result: { ok: true; value: T } | { ok: false; error: { message: string } }
	): T => {
		if (!result.ok) throw new Error(result.error.message);
		return result.value;
	};
	return {
		listSummaries,
		watchSummaries: () => watchDexie(listSummaries),
		countSnapshots: () => store.db.snapshots.count(),
		async loadSnapshot(id) {
			const result = await store.get(id);
			if (!result.ok && result.error.code === 'store.not-found') return undefined;
			return orThrow(result);
		},
		async renameSnapshot(id, name) {
			orThrow(await store.rename(id, name));
		},
		async deleteSnapshot(id) {
			orThrow(await store.delete(id));
		},
		async saveNotes(id, notes) {
			orThrow(await store.setNotes(id, notes));
		},
		getSetting: (key) => getSetting(store.db, key as keyof Settings),
		async setSetting(key, value) {
			orThrow(await setSetting(store.db, key as keyof Settings, value as never));
		}
	};
}

function importerPort(client: ImportClient): ImporterPort {
	return {
		async importAndStore(files, { name, onProgress }) {
			const result = await client.import(files, {
				name,
				onProgress: (p) =>
					onProgress?.({ ...p, phase: p.phase === 'save' ? 'saving' : 'importing' })
			});
			if (!result.ok) return result;
			return {
				ok: true,
				id: result.snapshotId,
				name: result.record.name,
				warnings: result.warnings
			};
		}
	};
}
