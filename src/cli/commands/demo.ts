/**
 * `iam-atlas demo --out <snapshot.json> [--name <name>]`: imports the built-in demo bank through the
 * same importer as any collection and writes it as a native snapshot file (write-output.ts:
 * atomic, regular files only).
 */
import { readDemoFilesFromDisk } from '../../lib/demo/demo-files-node';
import { describeError } from '../../lib/import/errors';
import { importFiles } from '../../lib/import/import-files';
import { serializeSnapshot } from '../../lib/import/snapshot-file';
import type { CliIo } from '../io';
import { writeOutputFile } from '../write-output';

const USAGE = 'usage: iam-atlas demo --out <snapshot.json> [--name <name>]\n';

/** The snapshot name the demo gets unless --name says otherwise. */
export const DEMO_NAME = 'Meridian Bank (demo)';

/** Run the demo command; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
	let out: string | undefined;
	let name = DEMO_NAME;
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		if (a === '--help' || a === '-h') {
			io.stdout(USAGE);
			return 0;
		} else if ((a === '--out' || a === '-o') && args[i + 1]) out = args[++i];
		else if (a === '--name' && args[i + 1]) name = args[++i];
		else {
			io.stderr(`iam-atlas demo: unexpected argument '${a}'\n${USAGE}`);
			return 2;
		}
	}
	if (!out) {
		io.stderr(`iam-atlas demo: --out is required\n${USAGE}`);
		return 2;
	}
	const outcome = importFiles(readDemoFilesFromDisk(), { name });
	if (!outcome.ok) {
		for (const e of outcome.errors) io.stderr(`iam-atlas demo: ${describeError(e)}\n`);
		return 1;
	}
	const s = outcome.snapshot;
	const written = writeOutputFile(out, serializeSnapshot(s));
	if (!written.ok) {
		io.stderr(`iam-atlas demo: ${written.message}\n`);
		return 1;
	}
	const principals = s.accounts.reduce((n, a) => n + a.users.length + a.roles.length, 0);
	io.stdout(
		`wrote ${out}: ${name} — ${s.accounts.length} accounts, ${principals} principals, ${s.organization?.policies.length ?? 0} SCPs/RCPs\n`
	);
	return 0;
}
