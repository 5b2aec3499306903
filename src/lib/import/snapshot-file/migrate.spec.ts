import { describe, expect, it } from 'vitest';
import { makeSnapshot } from '../../testing/builders';
import {
	migrate,
	SNAPSHOT_MIGRATIONS,
	type MigrationRegistry,
	type SnapshotDocument
} from './migrate';
import { v1ToV2 } from './migrations/v1-to-v2';
import { snapshotFromJson, type SnapshotValidator } from './parse-snapshot-file';
import { serializeSnapshot } from './serialize-snapshot';
import validateCurrent from './generated/snapshot-v2.validate.js';

/**
 * The shipped step 1 → 2 inside a test-only history proving the mechanism: a draft version 0 (no
 * notes or views, accounts keyed by id) → 1 → 2 (today's) → a test-only version 3
 * (meta.tool renamed meta.producer).
 */
const v0to1 = {
	from: 0,
	up: (doc: SnapshotDocument): SnapshotDocument => {
		const { accountsById, ...rest } = doc as SnapshotDocument & {
			accountsById: Record<string, object>;
		};
		if (!accountsById || typeof accountsById !== 'object')
			throw new Error('"accountsById" is missing');
		const accounts = Object.keys(accountsById)
			.sort()
			.map((id) => ({ id, ...accountsById[id] }));
		return { ...rest, accounts, notes: [], views: [] };
	}
};
const v2to3 = {
	from: 2,
	up: (doc: SnapshotDocument): SnapshotDocument => {
		const { tool, ...meta } = doc.meta as { tool: string };
		return { ...doc, meta: { ...meta, producer: tool } };
	}
};
const v2Registry: MigrationRegistry = { current: 2, migrations: [v0to1, v1ToV2] };
const v3Registry: MigrationRegistry = { current: 3, migrations: [v0to1, v1ToV2, v2to3] };

/** A version-3 validator: the v2 schema after renaming meta.producer back (test-only). */
const validateV3: SnapshotValidator = (data) => {
	const doc = data as SnapshotDocument & { meta: { producer?: string } };
	const { producer, ...meta } = doc.meta;
	return (
		doc.version === 3 &&
		typeof producer === 'string' &&
		validateCurrent({ ...doc, version: 2, meta: { ...meta, tool: producer } })
	);
};

function v0Document(): SnapshotDocument {
	const {
		accounts,
		notes: _n,
		views: _v,
		...rest
	} = JSON.parse(serializeSnapshot(makeSnapshot())) as SnapshotDocument & {
		accounts: { id: string }[];
	};
	const accountsById = Object.fromEntries(accounts.map(({ id, ...a }) => [id, a]));
	return { ...rest, version: 0, accountsById };
}

describe('snapshot migrations', () => {
	it('lift a version-0 document through 1 to today’s version 2, which then validates', () => {
		expect(snapshotFromJson(v0Document(), 'old.json', v2Registry)).toEqual({
			ok: true,
			value: makeSnapshot()
		});
	});

	it('climb several steps: version 0 → 1 → 2 → 3', () => {
		const r = migrate(v0Document(), 'old.json', v3Registry);
		expect(r.ok && r.value.version).toBe(3);
		expect(r.ok && (r.value.meta as { producer?: string }).producer).toBe('iam-atlas test');
		expect(r.ok && validateV3(r.value)).toBe(true);
	});

	it('lift a version-2 file to version 3 once version 3 exists', () => {
		const v2 = JSON.parse(serializeSnapshot(makeSnapshot()));
		const r = snapshotFromJson(v2, 'v2.json', v3Registry, validateV3);
		expect(r.ok && r.value.version).toBe(3);
	});

	it('leave a current document as it is', () => {
		const doc = JSON.parse(serializeSnapshot(makeSnapshot()));
		expect(migrate(doc, 'now.json', v2Registry)).toEqual({ ok: true, value: doc });
	});

	it('refuse a version newer than this code knows', () => {
		const r = migrate({ ...v0Document(), version: 4 }, 'new.json', v3Registry);
		expect(!r.ok && r.error.code).toBe('import.snapshot.unsupported-version');
		expect(!r.ok && r.error.message).toMatch(/version 4.*up to 3/);
	});

	it('report a version with no migration path', () => {
		const r = migrate({ ...v0Document() }, 'gap.json', { current: 3, migrations: [v2to3] });
		expect(!r.ok && r.error.code).toBe('import.snapshot.unknown-version');
	});

	it('turn a migration that throws into an error naming the step', () => {
		const { accountsById: _gone, ...broken } = v0Document();
		const r = migrate(broken, 'broken.json', v2Registry);
		expect(!r.ok && r.error).toMatchObject({
			code: 'import.snapshot.migration-failed',
			where: { file: 'broken.json' }
		});
		expect(!r.ok && r.error.message).toMatch(
			/from format version 0 to 1 failed: "accountsById" is missing/
		);
	});

	it('ship the steps from version 1: version 0 was never released', () => {
		expect(SNAPSHOT_MIGRATIONS.migrations.map((m) => m.from)).toEqual([1]);
		expect(migrate({ ...v0Document() }, 'x.json').ok).toBe(false);
	});
});

describe('format 1 → 2', () => {
	const v1Document = (notes: unknown[], views: unknown[]) => ({
		...JSON.parse(serializeSnapshot(makeSnapshot())),
		version: 1,
		notes,
		views
	});

	it('turns a v1 note into a plain note on a node and keeps its words', () => {
		const note = {
			id: 'n1',
			target: 'arn:aws:iam::111111111111:role/x',
			text: 'why?',
			author: null,
			createdAt: '2026-01-02T03:04:05Z'
		};
		const r = snapshotFromJson(v1Document([note], []), 'v1.json');
		expect(r.ok && r.value.notes).toEqual([
			{
				...note,
				targetKind: 'node',
				updatedAt: note.createdAt,
				status: null,
				owner: null,
				due: null
			}
		]);
	});

	it('keeps the parts of a v1 view whose shape v2 defines and drops the rest', () => {
		const view = {
			id: 'v1',
			name: 'Break glass',
			state: {
				principal: 'arn:aws:iam::111111111111:user/a',
				action: 's3:GetObject',
				expanded: ['r-1', 7],
				context: { 'aws:RequestedRegion': 'eu-west-1', bad: 1, __proto__x: 'y' },
				zoom: 3
			}
		};
		const r = snapshotFromJson(v1Document([], [view]), 'v1.json');
		expect(r.ok && r.value.views).toEqual([
			{
				id: 'v1',
				title: 'Break glass',
				note: '',
				expanded: ['r-1'],
				selected: null,
				principal: 'arn:aws:iam::111111111111:user/a',
				resource: null,
				action: 's3:GetObject',
				context: { 'aws:RequestedRegion': 'eu-west-1', __proto__x: 'y' },
				camera: null,
				createdAt: ''
			}
		]);
	});

	it('reports a v1 note that is not an object, naming the step', () => {
		const r = snapshotFromJson(v1Document(['oops'], []), 'odd.json');
		expect(!r.ok && r.error.code).toBe('import.snapshot.migration-failed');
		expect(!r.ok && r.error.message).toMatch(/version 1 to 2 failed: notes\[0\] is not an object/);
	});
});
