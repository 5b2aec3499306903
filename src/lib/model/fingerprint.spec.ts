import { describe, expect, it } from 'vitest';
import { importFiles, type InputFile } from '../import/import-files';
import { readDemoFilesFromDisk } from '../demo/demo-files-node';
import { canonicalJson, hash128, snapshotFingerprint } from './fingerprint';

function importIn(files: InputFile[], now: string, name: string) {
	const outcome = importFiles(files, { name, now });
	if (!outcome.ok) throw new Error(outcome.errors[0].message);
	return outcome.snapshot;
}

describe('snapshot fingerprint', () => {
	it('is the same for the demo imported in two orders, at two times, under two names', () => {
		const files = readDemoFilesFromDisk();
		const a = importIn(files, '2024-03-14T00:00:00Z', 'one');
		const b = importIn([...files].reverse(), '2025-01-01T12:00:00Z', 'two');
		expect(b.meta.sources.map((s) => s.path)).not.toEqual(a.meta.sources.map((s) => s.path));
		expect(snapshotFingerprint(a)).toBe(snapshotFingerprint(b));
		expect(snapshotFingerprint(a)).toMatch(/^[0-9a-f]{24}$/);
	});

	it('changes when the content changes (one tag)', () => {
		const s = importIn(readDemoFilesFromDisk(), '2024-03-14T00:00:00Z', 'demo');
		const before = snapshotFingerprint(s);
		const role = s.accounts[0].roles[0];
		role.tags = { ...role.tags, changed: 'yes' };
		expect(snapshotFingerprint(s)).not.toBe(before);
	});

	it('sorts keys and identified lists, keeps other lists in order', () => {
		expect(canonicalJson({ b: 1, a: [{ id: 'y' }, { id: 'x' }] })).toBe(
			'{"a":[{"id":"x"},{"id":"y"}],"b":1}'
		);
		expect(canonicalJson(['b', 'a'])).toBe('["b","a"]');
		expect(hash128('a')).not.toBe(hash128('b'));
		expect(hash128('ab')).not.toBe(hash128('ba'));
	});
});
