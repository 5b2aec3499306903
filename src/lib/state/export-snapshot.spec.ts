import { describe, expect, it } from 'vitest';
import { makeSnapshot } from '../testing/builders';
import { snapshotFile, snapshotFileName } from './export-snapshot';

describe('snapshotFileName', () => {
	it.each([
		['Demo bank (built-in)', 'Demo bank (built-in).iam-atlas.json'],
		['prod/2026: Q3?', 'prod-2026- Q3-.iam-atlas.json'],
		['..hidden', 'hidden.iam-atlas.json'],
		['   ', 'snapshot.iam-atlas.json'],
		['<script>alert(1)</script>', '-script-alert(1)-script-.iam-atlas.json']
	])('%s → %s', (name, file) => {
		expect(snapshotFileName(name)).toBe(file);
	});
});

describe('snapshotFile', () => {
	it('writes the current name into the exported snapshot', () => {
		const { fileName, text } = snapshotFile(makeSnapshot({ meta: { name: 'old' } }), 'renamed');
		expect(fileName).toBe('renamed.iam-atlas.json');
		expect(JSON.parse(text).meta.name).toBe('renamed');
	});
});
