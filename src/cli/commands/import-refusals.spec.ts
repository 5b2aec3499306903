/**
 * `iam-atlas import` refusals (issue 9 items 3 and 4): --out that is an input or not a regular
 * file, an import that yields nothing, and many bad files — each with its exact words, exit 1
 * and nothing written.
 */
import {
	cpSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../main';
import { fakeIo } from '../testing/fake-io';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../lib/import/fixtures');
const tempDir = () => mkdtempSync(join(tmpdir(), 'atlas-import-out-'));
const gaadFixture = join(fixtures, 'gaad-date-formats/input/gaad.json');

describe('iam-atlas import refusals', () => {
	it('refuses --out equal to an input and leaves the input as it was', async () => {
		const dir = tempDir();
		const input = join(dir, 'gaad.json');
		cpSync(gaadFixture, input);
		const before = readFileSync(input, 'utf8');
		const { io, out, err } = fakeIo();
		expect(await main(['import', input, '--out', input], io)).toBe(1);
		expect(out).toEqual([]);
		expect(err.join('')).toBe(
			`iam-atlas import: --out ${input} is one of the inputs (${input}); writing it would destroy what is being read, so nothing was written.\n`
		);
		expect(readFileSync(input, 'utf8')).toBe(before);
		expect(readdirSync(dir)).toEqual(['gaad.json']);
	});

	it('refuses --out naming a file inside a folder given as input', async () => {
		const dir = tempDir();
		mkdirSync(join(dir, 'c'));
		cpSync(gaadFixture, join(dir, 'c', 'gaad.json'));
		const { io, err } = fakeIo();
		expect(await main(['import', join(dir, 'c'), '--out', join(dir, 'c', 'gaad.json')], io)).toBe(
			1
		);
		expect(err.join('')).toContain(`is inside the input folder ${join(dir, 'c')}`);
		expect(readFileSync(join(dir, 'c', 'gaad.json'), 'utf8')).toBe(
			readFileSync(gaadFixture, 'utf8')
		);
	});

	it('refuses a symlink and /dev/full as --out', async () => {
		const dir = tempDir();
		cpSync(gaadFixture, join(dir, 'gaad.json'));
		symlinkSync('/etc/hostname', join(dir, 'link.json'));
		for (const [target, kind] of [
			[join(dir, 'link.json'), 'a symbolic link'],
			['/dev/full', 'a device']
		]) {
			const { io, err } = fakeIo();
			expect(await main(['import', join(dir, 'gaad.json'), '--out', target], io)).toBe(1);
			expect(err.join('')).toBe(
				`iam-atlas import: ${target} is ${kind}; --out writes only to a regular file or a new path, so nothing was written.\n`
			);
		}
		expect(readdirSync(dir).sort()).toEqual(['gaad.json', 'link.json']);
	});

	it('reports a missing output folder without the temp file name', async () => {
		const dir = tempDir();
		cpSync(gaadFixture, join(dir, 'gaad.json'));
		const target = join(dir, 'no', 'such', 'out.json');
		const { io, err } = fakeIo();
		expect(await main(['import', join(dir, 'gaad.json'), '--out', target], io)).toBe(1);
		expect(err.join('')).toBe(
			`iam-atlas import: cannot write ${target}: the folder ${join(dir, 'no', 'such')} does not exist.\n`
		);
	});

	it('refuses an import that yields no entity unless --allow-empty', async () => {
		const dir = tempDir();
		const input = join(fixtures, 'gaad-empty/input');
		const target = join(dir, 'out.json');
		const first = fakeIo();
		expect(await main(['import', input, '--out', target], first.io)).toBe(1);
		expect(first.err.join('')).toBe(
			'error: input/111111111111/iam-get-account-authorization-details.json: This import holds no users, groups, roles, policies or resources and no organization (e.g. a GAAD whose lists are all empty): the snapshot would show nothing. [import.snapshot.empty]\n' +
				'iam-atlas import: the snapshot would be empty; nothing was written (--allow-empty writes it anyway).\n'
		);
		expect(readdirSync(dir)).toEqual([]);
		const second = fakeIo();
		expect(await main(['import', input, '--out', target, '--allow-empty'], second.io)).toBe(0);
		expect(second.err.join('')).toContain('warning: input/111111111111/');
		expect(second.out.join('')).toMatch(
			new RegExp(
				`^wrote ${target.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: 0 accounts, 0 users, 0 groups, 0 roles, 0 policies, 0 resources, 0 SCPs, 0 RCPs\nfingerprint [0-9a-f]{24}\n$`
			)
		);
	});

	it('prints at most five errors alike, then a count', async () => {
		const dir = tempDir();
		mkdirSync(join(dir, 'bad'));
		for (let i = 0; i < 40; i++) writeFileSync(join(dir, 'bad', `f${i}.json`), '{"a": ');
		const { io, err } = fakeIo();
		expect(await main(['import', join(dir, 'bad'), '--out', join(dir, 'o.json')], io)).toBe(1);
		const lines = err.join('').trim().split('\n');
		expect(lines).toHaveLength(7);
		expect(lines[5]).toBe('error: … and 35 more like that [import.file.truncated-json]');
		expect(lines[6]).toBe('iam-atlas import: 40 error(s); nothing was written.');
	});
});
