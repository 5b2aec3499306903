import { describe, expect, it } from 'vitest';
import { makeSnapshot } from '../../testing/builders';
import { migrate, type MigrationRegistry, type SnapshotDocument } from './migrate';
import { snapshotFromJson, type SnapshotValidator } from './parse-snapshot-file';
import { serializeSnapshot } from './serialize-snapshot';
import validateV1 from './generated/snapshot-v1.validate.js';

/**
 * A test-only format history proving the mechanism: a draft version 0 (no notes or views,
 * accounts keyed by id) → version 1 (today's) → version 2 (meta.tool renamed meta.producer).
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
const v1to2 = {
	from: 1,
	up: (doc: SnapshotDocument): SnapshotDocument => {
		const { tool, ...meta } = doc.meta as { tool: string };
		return { ...doc, meta: { ...meta, producer: tool } };
	}
};
const v1Registry: MigrationRegistry = { current: 1, migrations: [v0to1] };
const v2Registry: MigrationRegistry = { current: 2, migrations: [v0to1, v1to2] };

/** A version-2 validator: the v1 schema after renaming meta.producer back (test-only). */
const validateV2: SnapshotValidator = (data) => {
	const doc = data as SnapshotDocument & { meta: { producer?: string } };
	const { producer, ...meta } = doc.meta;
	return (
		doc.version === 2 &&
		typeof producer === 'string' &&
		validateV1({ ...doc, version: 1, meta: { ...meta, tool: producer } })
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
	it('lift a version-0 document to today’s version 1, which then validates', () => {
		expect(snapshotFromJson(v0Document(), 'old.json', v1Registry)).toEqual({
			ok: true,
			value: makeSnapshot()
		});
	});

	it('climb several steps: version 0 → 1 → 2', () => {
		const r = migrate(v0Document(), 'old.json', v2Registry);
		expect(r.ok && r.value.version).toBe(2);
		expect(r.ok && (r.value.meta as { producer?: string }).producer).toBe('iam-atlas test');
		expect(r.ok && validateV2(r.value)).toBe(true);
	});

	it('lift a version-1 file to version 2 once version 2 exists', () => {
		const v1 = JSON.parse(serializeSnapshot(makeSnapshot()));
		const r = snapshotFromJson(v1, 'v1.json', v2Registry, validateV2);
		expect(r.ok && r.value.version).toBe(2);
	});

	it('leave a current document as it is', () => {
		const doc = JSON.parse(serializeSnapshot(makeSnapshot()));
		expect(migrate(doc, 'now.json', v1Registry)).toEqual({ ok: true, value: doc });
	});

	it('refuse a version newer than this code knows', () => {
		const r = migrate({ ...v0Document(), version: 3 }, 'new.json', v2Registry);
		expect(!r.ok && r.error.code).toBe('import.snapshot.unsupported-version');
		expect(!r.ok && r.error.message).toMatch(/version 3.*up to 2/);
	});

	it('report a version with no migration path', () => {
		const r = migrate({ ...v0Document() }, 'gap.json', { current: 2, migrations: [v1to2] });
		expect(!r.ok && r.error.code).toBe('import.snapshot.unknown-version');
	});

	it('turn a migration that throws into an error naming the step', () => {
		const { accountsById: _gone, ...broken } = v0Document();
		const r = migrate(broken, 'broken.json', v1Registry);
		expect(!r.ok && r.error).toMatchObject({
			code: 'import.snapshot.migration-failed',
			where: { file: 'broken.json' }
		});
		expect(!r.ok && r.error.message).toMatch(
			/from format version 0 to 1 failed: "accountsById" is missing/
		);
	});

	it('ship no migrations yet: version 1 is the first', () => {
		expect(migrate({ ...v0Document() }, 'x.json').ok).toBe(false);
	});
});
