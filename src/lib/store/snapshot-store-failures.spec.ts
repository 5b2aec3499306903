import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { makeSnapshot, makeAccount, makeUser } from '../testing/builders';
import { migrateStoredSnapshot } from '../import/snapshot-file/migrate-stored';
import { SnapshotStore } from './snapshot-store';
import { isQuotaError, storeError } from './store-error';
import { sequentialIds, testDb } from './test-db';

const first = makeSnapshot({ meta: { name: 'first' } });
const second = makeSnapshot({
	meta: { name: 'second' },
	accounts: [makeAccount({ users: [makeUser()] })]
});

/** A store already holding `first`, whose body writes throw `error` from now on. */
async function failingStore(error: () => unknown) {
	const store = new SnapshotStore(testDb(), sequentialIds());
	await store.save(first);
	store.db.bodies.hook('creating', () => {
		throw error();
	});
	store.db.bodies.hook('updating', () => {
		throw error();
	});
	return store;
}

async function contents(store: SnapshotStore) {
	return { records: await store.db.snapshots.toArray(), bodies: await store.db.bodies.toArray() };
}

describe('a failed save leaves the store as it was', () => {
	it('when the body write fails after the record was written (one transaction)', async () => {
		const store = await failingStore(() => new Error('disk on fire'));
		const before = await contents(store);
		const r = await store.save(second);
		expect(!r.ok && r.error).toMatchObject({ code: 'store.failed' });
		expect(!r.ok && r.error.message).toMatch(/disk on fire/);
		expect(await contents(store)).toEqual(before);
	});

	it('when the snapshot cannot be written as JSON at all', async () => {
		const store = new SnapshotStore(testDb(), sequentialIds());
		await store.save(first);
		const before = await contents(store);
		const context: Record<string, unknown> = {};
		context.self = context;
		const view = {
			id: 'v',
			title: 'v',
			note: '',
			expanded: [],
			selected: null,
			principal: null,
			resource: null,
			action: null,
			context: context as Record<string, string>,
			camera: null,
			createdAt: ''
		};
		const circular = { ...second, views: [view] };
		const r = await store.save(circular);
		expect(!r.ok && r.error.code).toBe('store.failed');
		expect(await contents(store)).toEqual(before);
	});

	it('when replacing an existing snapshot fails, the old one survives intact', async () => {
		const store = await failingStore(() => new Error('boom'));
		const r = await store.save(second, { id: 'snap-1' });
		expect(r.ok).toBe(false);
		expect(await store.get('snap-1')).toEqual({ ok: true, value: first });
	});
});

describe('a full storage quota', () => {
	const quotaErrors: [string, () => unknown][] = [
		[
			'a DOMException QuotaExceededError',
			() => new DOMException('The quota has been exceeded.', 'QuotaExceededError')
		],
		[
			'Dexie’s QuotaExceededError wrapping it',
			() => new Dexie.QuotaExceededError('Quota', new DOMException('x', 'QuotaExceededError'))
		],
		[
			'an AbortError whose inner error is the quota',
			() => new Dexie.AbortError('Transaction aborted', new DOMException('x', 'QuotaExceededError'))
		],
		[
			'Firefox’s legacy quota error',
			() =>
				Object.assign(new Error('NS_ERROR_DOM_QUOTA_REACHED'), {
					name: 'NS_ERROR_DOM_QUOTA_REACHED'
				})
		]
	];
	for (const [name, make] of quotaErrors)
		it(`is reported as store.quota-exceeded (${name}), store unchanged`, async () => {
			const store = await failingStore(make);
			const before = await contents(store);
			const r = await store.save(second);
			expect(!r.ok && r.error.code).toBe('store.quota-exceeded');
			expect(!r.ok && r.error.message).toMatch(
				/storage for this site is full.*Nothing was changed/
			);
			expect(await contents(store)).toEqual(before);
		});

	it('is told apart from other failures', () => {
		expect(isQuotaError(new DOMException('x', 'DataCloneError'))).toBe(false);
		expect(
			isQuotaError(new Dexie.BulkError('bulk', [new DOMException('q', 'QuotaExceededError')]))
		).toBe(true);
		expect(storeError(new Error('nope'), 'do it').code).toBe('store.failed');
	});
});

describe('reading a stored body that is not current', () => {
	it('goes through the snapshot migrations (none exist before v1: a clear error, no crash)', async () => {
		const store = new SnapshotStore(testDb(), sequentialIds(), migrateStoredSnapshot);
		await store.save(first);
		await store.db.bodies.put({ id: 'snap-1', json: JSON.stringify({ ...first, version: 0 }) });
		const r = await store.get('snap-1');
		expect(!r.ok && r.error.code).toBe('import.snapshot.unknown-version');
	});

	it('reports a damaged body as store.failed', async () => {
		const store = new SnapshotStore(testDb(), sequentialIds());
		await store.save(first);
		await store.db.bodies.put({ id: 'snap-1', json: '{"format": ' });
		const r = await store.get('snap-1');
		expect(!r.ok && r.error.code).toBe('store.failed');
	});
});
