import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { worldToSnapshot } from '../../lib/engine/testing/world';
import { serializeSnapshot } from '../../lib/import/snapshot-file';
import { fakeIo } from '../testing/fake-io';
import { main } from '../main';

const dir = mkdtempSync(join(tmpdir(), 'iam-atlas-report-'));
const snapshot = join(dir, 's.json');
writeFileSync(
	snapshot,
	serializeSnapshot(
		worldToSnapshot({
			accounts: {
				'111111111111': {
					users: [{ name: 'alice', managed: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }]
				}
			}
		})
	)
);

describe('iam-atlas report', () => {
	it('writes Markdown or HTML by the extension, through a temp file that does not stay', async () => {
		for (const name of ['r.md', 'r.html']) {
			const f = fakeIo();
			expect(await main(['report', '--snapshot', snapshot, '--out', join(dir, name)], f.io)).toBe(
				0
			);
		}
		expect(readFileSync(join(dir, 'r.md'), 'utf8')).toMatch(
			/^# Access review: test[\s\S]*\| policy-on-user \| low \| 1 \| 0 \| 0 \|/
		);
		expect(readFileSync(join(dir, 'r.html'), 'utf8')).toMatch(
			/^<!doctype html>[\s\S]*policy-on-user/
		);
		expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
	});

	it('refuses an unknown extension and a missing --out (exit 2), a bad snapshot (exit 1)', async () => {
		const f = fakeIo();
		expect(await main(['report', '--snapshot', snapshot, '--out', join(dir, 'r.pdf')], f.io)).toBe(
			2
		);
		expect(await main(['report', '--snapshot', snapshot], f.io)).toBe(2);
		expect(
			await main(
				['report', '--snapshot', join(dir, 'missing.json'), '--out', join(dir, 'x.md')],
				f.io
			)
		).toBe(1);
		expect(f.errText()).toMatch(
			/must end in \.md or \.html[\s\S]*--snapshot and --out are required[\s\S]*cannot read/
		);
	});
});
