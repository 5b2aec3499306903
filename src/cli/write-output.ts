/**
 * The one way a CLI command writes a file (`--out`): atomically (a new temp file beside the
 * target, then rename), and only to a regular file or a new path. It refuses — before writing
 * anything — a path that exists and is not a regular file (a symbolic link, FIFO, device such as
 * /dev/full, folder or socket: renaming over them would replace them with a regular file), and a
 * path that is one of the command's inputs (same file by real path or inode, or a file inside a
 * folder given as input). Failures are reported in words naming the target, never the temp file.
 * Every command that writes a file uses this (import, demo, and the ones to come).
 */
import {
	closeSync,
	fsyncSync,
	lstatSync,
	openSync,
	realpathSync,
	renameSync,
	statSync,
	unlinkSync,
	writeSync,
	type Stats
} from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';

/** Written, or refused with a message naming the target and the reason. */
export type WriteOutcome = { ok: true } | { ok: false; message: string };

/** What a non-regular file is, in words. */
function kindOf(s: Stats): string | null {
	if (s.isFile()) return null;
	if (s.isSymbolicLink()) return 'a symbolic link';
	if (s.isDirectory()) return 'a folder';
	if (s.isFIFO()) return 'a named pipe (FIFO)';
	if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
	if (s.isSocket()) return 'a socket';
	return 'not a regular file';
}

const lstatOrNull = (path: string): Stats | null => {
	try {
		return lstatSync(path);
	} catch {
		return null;
	}
};

/** Why `out` may not be written, or null when it may (see the header). */
export function outputProblem(out: string, inputs: readonly string[] = []): string | null {
	const target = resolve(out);
	const existing = lstatOrNull(target);
	if (existing) {
		const kind = kindOf(existing);
		if (kind)
			return `${out} is ${kind}; --out writes only to a regular file or a new path, so nothing was written.`;
	}
	const folder = dirname(target);
	const folderStat = (() => {
		try {
			return statSync(folder);
		} catch {
			return null;
		}
	})();
	if (!folderStat) return `cannot write ${out}: the folder ${dirname(out)} does not exist.`;
	if (!folderStat.isDirectory()) return `cannot write ${out}: ${dirname(out)} is not a folder.`;
	if (existing) {
		const real = realpathSync(target);
		for (const input of inputs) {
			let inputReal: string;
			let inputStat: Stats;
			try {
				inputReal = realpathSync(resolve(input));
				inputStat = statSync(inputReal);
			} catch {
				continue; // a missing input is reported by the command that reads it
			}
			const same =
				real === inputReal || (inputStat.dev === existing.dev && inputStat.ino === existing.ino);
			if (same)
				return `--out ${out} is one of the inputs (${input}); writing it would destroy what is being read, so nothing was written.`;
			if (
				inputStat.isDirectory() &&
				real.startsWith(inputReal.endsWith(sep) ? inputReal : inputReal + sep)
			)
				return `--out ${out} is inside the input folder ${input}, so it is one of the inputs; writing it would destroy what is being read, so nothing was written.`;
		}
	}
	return null;
}

/** An fs error in words, with the target's name where Node would name the temp file. */
function describeFsError(e: unknown, out: string, temp: string): string {
	const error = e as NodeJS.ErrnoException;
	const words: Record<string, string> = {
		EACCES: 'permission denied',
		EPERM: 'operation not permitted',
		ENOSPC: 'no space left on the device',
		EDQUOT: 'disk quota exceeded',
		EROFS: 'the file system is read-only',
		EISDIR: 'it is a folder',
		ENOENT: 'that folder does not let files be created in it',
		EEXIST: 'a file appeared in its place while writing'
	};
	const reason = (error.code && words[error.code]) ?? String(error.message).split(temp).join(out);
	return `cannot write ${out}: ${reason}.`;
}

/** Write `text` to `out` atomically, after the checks of `outputProblem`; nothing is left behind on failure. */
export function writeOutputFile(
	out: string,
	text: string | Uint8Array,
	inputs: readonly string[] = []
): WriteOutcome {
	const problem = outputProblem(out, inputs);
	if (problem) return { ok: false, message: problem };
	const target = resolve(out);
	const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
	let created = false;
	try {
		// 'wx': fail rather than follow anything already at the temp name.
		const fd = openSync(temp, 'wx', 0o644);
		created = true;
		try {
			const bytes = typeof text === 'string' ? Buffer.from(text) : text;
			for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		renameSync(temp, target);
		return { ok: true };
	} catch (e) {
		if (created)
			try {
				unlinkSync(temp);
			} catch {
				/* already gone */
			}
		return { ok: false, message: describeFsError(e, out, temp) };
	}
}
