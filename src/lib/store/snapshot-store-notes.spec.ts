import { describe, expect, it } from 'vitest';
import { makeSnapshot } from '../testing/builders';
import { SnapshotStore } from './snapshot-store';
import { sequentialIds, testDb } from './test-db';

const note = {
	id: 'n1',
	targetKind: 'finding' as const,
	target: 'root-no-mfa|111111111111',
	text: 'agreed',
	author: null,
	createdAt: '2026-01-02T00:00:00Z',
	updatedAt: '2026-01-02T00:00:00Z',
	status: 'accepted-risk' as const,
	owner: 'Ana',
	due: '2026-03-01'
};

describe('SnapshotStore.setNotes', () => {
	it('replaces the notes of a stored snapshot and keeps its name and the rest of the body', async () => {
		const store = new SnapshotStore(testDb(), sequentialIds());
		const saved = await store.save(makeSnapshot({ meta: { name: 'bank' } }));
		if (!saved.ok) throw new Error('save failed');
		await store.rename(saved.value.id, 'renamed');
		expect((await store.setNotes(saved.value.id, [note])).ok).toBe(true);
		const back = await store.get(saved.value.id);
		expect(back.ok && back.value.notes).toEqual([note]);
		expect(back.ok && back.value.meta.name).toBe('renamed');
		expect(back.ok && back.value.accounts.length).toBe(1);
	});

	it('says store.not-found for an unknown id', async () => {
		const store = new SnapshotStore(testDb(), sequentialIds());
		const r = await store.setNotes('nope', [note]);
		expect(!r.ok && r.error.code).toBe('store.not-found');
	});
});
