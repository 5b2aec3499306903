/** Reading the `--snapshot <file>` a command was given, with the CLI's error lines. */
import { readFileSync } from 'node:fs';
import { parseSnapshotFile } from '../lib/import/snapshot-file';
import type { Snapshot } from '../lib/model/snapshot';
import type { CliIo } from './io';

/** Read and validate a native snapshot file; on failure writes `iam-atlas <command>: …` to stderr and returns null. */
export function readSnapshotArg(command: string, path: string, io: CliIo): Snapshot | null {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (e) {
		io.stderr(`iam-atlas ${command}: cannot read ${path}: ${(e as Error).message}\n`);
		return null;
	}
	const parsed = parseSnapshotFile(text, path);
	if (!parsed.ok) {
		const where = parsed.error.where?.pointer ? ` at ${parsed.error.where.pointer}` : '';
		io.stderr(
			`iam-atlas ${command}: ${path}${where}: ${parsed.error.message} [${parsed.error.code}]\n`
		);
		return null;
	}
	return parsed.value;
}
