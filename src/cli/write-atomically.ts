/** Writing an output file so a reader never sees half of it. */
import { closeSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Write a file atomically: a temp file next to it, then rename; nothing is left behind on failure. */
export function writeAtomically(path: string, text: string): void {
	const temp = join(dirname(resolve(path)), `.${basename(path)}.${process.pid}.tmp`);
	try {
		const fd = openSync(temp, 'w');
		try {
			writeSync(fd, text);
		} finally {
			closeSync(fd);
		}
		renameSync(temp, path);
	} catch (e) {
		try {
			unlinkSync(temp);
		} catch {
			/* the temp file was never created */
		}
		throw e;
	}
}
