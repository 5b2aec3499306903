/**
 * The one file writer of the CLI (issue 9 item 3): atomic, regular files only, never over an
 * input; every refusal in words, nothing written, no temp file left behind.
 */
import { execFileSync } from 'node:child_process';
import {
	existsSync,
	linkSync,
	lstatSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutputFile } from './write-output';

const tempDir = () => mkdtempSync(join(tmpdir(), 'atlas-out-'));

describe('writeOutputFile', () => {
	it('writes a new file and replaces a regular one, leaving no temp file', () => {
		const dir = tempDir();
		const target = join(dir, 'out.json');
		expect(writeOutputFile(target, 'one')).toEqual({ ok: true });
		expect(writeOutputFile(target, 'two')).toEqual({ ok: true });
		expect(readFileSync(target, 'utf8')).toBe('two');
		expect(readdirSync(dir)).toEqual(['out.json']);
	});

	it('refuses a symbolic link and leaves it and its target as they were', () => {
		const dir = tempDir();
		writeFileSync(join(dir, 'real.json'), 'keep');
		symlinkSync(join(dir, 'real.json'), join(dir, 'link.json'));
		expect(writeOutputFile(join(dir, 'link.json'), 'x')).toEqual({
			ok: false,
			message: `${join(dir, 'link.json')} is a symbolic link; --out writes only to a regular file or a new path, so nothing was written.`
		});
		expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
		expect(readFileSync(join(dir, 'real.json'), 'utf8')).toBe('keep');
		expect(readdirSync(dir).sort()).toEqual(['link.json', 'real.json']);
	});

	it('refuses a FIFO, a device and a folder', () => {
		const dir = tempDir();
		execFileSync('mkfifo', [join(dir, 'pipe')]);
		mkdirSync(join(dir, 'folder'));
		const refusal = (path: string, kind: string) => ({
			ok: false,
			message: `${path} is ${kind}; --out writes only to a regular file or a new path, so nothing was written.`
		});
		expect(writeOutputFile(join(dir, 'pipe'), 'x')).toEqual(
			refusal(join(dir, 'pipe'), 'a named pipe (FIFO)')
		);
		expect(writeOutputFile('/dev/full', 'x')).toEqual(refusal('/dev/full', 'a device'));
		expect(writeOutputFile(join(dir, 'folder'), 'x')).toEqual(
			refusal(join(dir, 'folder'), 'a folder')
		);
		expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
		expect(lstatSync('/dev/full').isCharacterDevice()).toBe(true);
		expect(readdirSync(dir).sort()).toEqual(['folder', 'pipe']);
	});

	it('refuses an input: the same path, another path to it, a hard link, a file inside an input folder', () => {
		const dir = tempDir();
		mkdirSync(join(dir, 'in'));
		writeFileSync(join(dir, 'in', 'gaad.json'), 'input');
		linkSync(join(dir, 'in', 'gaad.json'), join(dir, 'hard.json'));
		const input = join(dir, 'in', 'gaad.json');
		const same = `--out ${input} is one of the inputs (${input}); writing it would destroy what is being read, so nothing was written.`;
		expect(writeOutputFile(input, 'x', [input])).toEqual({ ok: false, message: same });
		const dotted = join(dir, 'in', '.', 'gaad.json');
		expect(writeOutputFile(dotted, 'x', [input]).ok).toBe(false);
		expect(writeOutputFile(join(dir, 'hard.json'), 'x', [input])).toEqual({
			ok: false,
			message: `--out ${join(dir, 'hard.json')} is one of the inputs (${input}); writing it would destroy what is being read, so nothing was written.`
		});
		expect(writeOutputFile(input, 'x', [join(dir, 'in')])).toEqual({
			ok: false,
			message: `--out ${input} is inside the input folder ${join(dir, 'in')}, so it is one of the inputs; writing it would destroy what is being read, so nothing was written.`
		});
		expect(readFileSync(input, 'utf8')).toBe('input');
		// A new file inside an input folder overwrites nothing: allowed.
		expect(writeOutputFile(join(dir, 'in', 'new.json'), 'x', [join(dir, 'in')])).toEqual({
			ok: true
		});
	});

	it('reports a missing folder without naming the temp file', () => {
		const dir = tempDir();
		const target = join(dir, 'missing', 'out.json');
		expect(writeOutputFile(target, 'x')).toEqual({
			ok: false,
			message: `cannot write ${target}: the folder ${join(dir, 'missing')} does not exist.`
		});
		expect(existsSync(join(dir, 'missing'))).toBe(false);
	});

	it('reports a folder it may not write to in words, leaving nothing behind', () => {
		if (process.getuid?.() === 0) {
			// root writes anywhere a mode allows: /sys refuses even root.
			expect(writeOutputFile('/sys/kernel/out.json', 'x')).toEqual({
				ok: false,
				message: 'cannot write /sys/kernel/out.json: permission denied.'
			});
			return;
		}
		const dir = tempDir();
		mkdirSync(join(dir, 'ro'), { mode: 0o555 });
		expect(writeOutputFile(join(dir, 'ro', 'out.json'), 'x')).toEqual({
			ok: false,
			message: `cannot write ${join(dir, 'ro', 'out.json')}: permission denied.`
		});
		expect(readdirSync(join(dir, 'ro'))).toEqual([]);
	});
});
