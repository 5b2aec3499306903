import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSnapshotFile } from '../../lib/import/snapshot-file';
import { fakeIo as makeFakeIo } from '../testing/fake-io';
import { DEMO_NAME, run } from './demo';

const captureIo = () => makeFakeIo();

describe('iam-atlas demo', () => {
	it('writes the demo bank as a valid native snapshot', async () => {
		const file = join(mkdtempSync(join(tmpdir(), 'atlas-demo-')), 'demo.json');
		const { io, out } = captureIo();
		expect(await run(['--out', file], io)).toBe(0);
		expect(out.join('')).toContain('10 accounts');
		const parsed = parseSnapshotFile(readFileSync(file, 'utf8'), 'demo.json');
		expect(parsed.ok && parsed.value.meta.name).toBe(DEMO_NAME);
		expect(parsed.ok && parsed.value.accounts.length).toBe(10);
	});

	it('refuses to run without --out and writes nothing', async () => {
		const { io, err } = captureIo();
		expect(await run([], io)).toBe(2);
		expect(err.join('')).toContain('--out is required');
		expect(existsSync('demo.json')).toBe(false);
	});
});
