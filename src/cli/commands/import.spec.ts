import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { main } from '../main';
import { fakeIo as makeFakeIo } from '../testing/fake-io';
import { snapshotFingerprint } from '../../lib/model/fingerprint';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../lib/import/fixtures');

const fakeIo = () => makeFakeIo();

const tempDir = () => mkdtempSync(join(tmpdir(), 'atlas-import-'));

describe('iam-atlas import', () => {
	it('imports a collection folder and writes the snapshot with a one-line summary', async () => {
		const dir = tempDir();
		cpSync(join(fixtures, 'collection-org/input'), join(dir, 'org'), { recursive: true });
		const target = join(dir, 'out.json');
		const { io, out, err } = fakeIo();
		expect(await main(['import', join(dir, 'org'), '--out', target, '--name', 'Bank'], io)).toBe(0);
		expect(err).toEqual([]);
		expect(out.join('')).toBe(
			`wrote ${target}: 2 accounts, 3 users, 0 groups, 1 roles, 2 policies, 8 resources, 2 SCPs, 1 RCPs\n` +
				`fingerprint ${snapshotFingerprint(JSON.parse(readFileSync(target, 'utf8')))}\n`
		);
		const snapshot = JSON.parse(readFileSync(target, 'utf8'));
		expect(snapshot.meta.name).toBe('Bank');
		expect(snapshot.meta.sources[0].path).toBe(
			'org/111111111111/iam-get-account-authorization-details.json'
		);
		expect(readdirSync(dir).sort()).toEqual(['org', 'out.json']);
	});

	it('imports a .zip and a loose file given together', async () => {
		const dir = tempDir();
		const gaad = readFileSync(join(fixtures, 'gaad-date-formats/input/gaad.json'));
		writeFileSync(
			join(dir, 'c.zip'),
			zipSync({
				'222222222222/iam-get-account-authorization-details.json': strToU8(
					readFileSync(
						join(
							fixtures,
							'html-in-names-and-tags/input/iam-get-account-authorization-details.json'
						),
						'utf8'
					).replaceAll('111111111111', '222222222222')
				)
			})
		);
		writeFileSync(join(dir, 'gaad.json'), gaad);
		const { io, out } = fakeIo();
		expect(
			await main(
				['import', join(dir, 'c.zip'), join(dir, 'gaad.json'), '-o', join(dir, 's.json')],
				io
			)
		).toBe(0);
		expect(out.join('')).toContain(': 2 accounts, 2 users, 1 groups, 1 roles');
	});

	it('prints every error with file and place, exits 1 and writes nothing (an existing output stays as it was)', async () => {
		const dir = tempDir();
		mkdirSync(join(dir, 'bad'));
		writeFileSync(join(dir, 'bad', 'a.json'), '{"UserDetailList": [\n  {"UserName": "x",, }\n]}');
		writeFileSync(join(dir, 'bad', 'b.json'), '');
		const target = join(dir, 'out.json');
		writeFileSync(target, 'previous');
		const { io, out, err } = fakeIo();
		expect(await main(['import', join(dir, 'bad'), '--out', target], io)).toBe(1);
		expect(out).toEqual([]);
		const text = err.join('');
		expect(text).toContain('error: bad/a.json line 2, column 20: This is not valid JSON');
		expect(text).toContain(
			'error: bad/b.json: This file is empty; expected JSON. [import.file.empty]'
		);
		expect(text).toContain('2 error(s); nothing was written.');
		expect(readFileSync(target, 'utf8')).toBe('previous');
		expect(readdirSync(dir).sort()).toEqual(['bad', 'out.json']);
	});

	it('refuses a file over --max-file-mib before reading it', async () => {
		const dir = tempDir();
		writeFileSync(
			join(dir, 'big.json'),
			JSON.stringify({ UserDetailList: [], pad: 'x'.repeat(4000) })
		);
		const { io, err } = fakeIo();
		expect(
			await main(
				['import', join(dir, 'big.json'), '--out', join(dir, 'o.json'), '--max-file-mib', '0.001'],
				io
			)
		).toBe(1);
		expect(err.join('')).toContain('[import.file.too-large]');
		expect(existsSync(join(dir, 'o.json'))).toBe(false);
	});

	it('prints warnings, at most five per kind', async () => {
		const dir = tempDir();
		cpSync(join(fixtures, 'gaad-date-formats/input/gaad.json'), join(dir, 'gaad.json'));
		for (let i = 0; i < 7; i++)
			writeFileSync(join(dir, `ec2-describe-thing-${i}.json`), '{"Things": []}');
		const { io, err } = fakeIo();
		expect(await main(['import', dir, '--out', join(dir, 'out.json')], io)).toBe(0);
		const lines = err.join('').trim().split('\n');
		expect(lines).toHaveLength(6);
		expect(lines[0]).toMatch(
			/^warning: .*ec2-describe-thing-0\.json: IAM Atlas does not read "ec2-describe-thing-0" output/
		);
		expect(lines[5]).toBe('warning: … and 2 more like that [import.file.unsupported-command]');
	});

	it('reports a missing path and usage mistakes', async () => {
		const { io, err } = fakeIo();
		expect(await main(['import', '/nonexistent/atlas', '--out', '/tmp/x.json'], io)).toBe(1);
		expect(err.join('')).toContain(
			'/nonexistent/atlas: No such file or folder. [import.file.not-found]'
		);
		const second = fakeIo();
		expect(await main(['import', 'x.json'], second.io)).toBe(2);
		expect(second.err.join('')).toContain('--out is required');
	});
});
