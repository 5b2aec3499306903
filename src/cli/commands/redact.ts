/**
 * `iam-atlas redact <snapshot.json> --out <shared.json> [--map <mapping.json>] [--tag-values]`:
 * the snapshot with account ids, names, e-mails and user/role/group names pseudonymised
 * (src/lib/analysis/redact). The mapping goes only to --map, never into the export; both files
 * are written through the CLI's safe atomic writer.
 */
import { redactSnapshot } from '../../lib/analysis/redact/redact';
import type { CliIo } from '../io';
import { parseOptions } from '../options';
import { readSnapshotArg } from '../read-snapshot';
import { writeOutputFile } from '../write-output';

const USAGE =
	'usage: iam-atlas redact <snapshot.json> --out <shared.json> [--map <mapping.json>] [--tag-values]\n';

/** Run the redact command; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
	const input = args[0] && !args[0].startsWith('-') ? args[0] : undefined;
	const parsed = parseOptions(
		'redact',
		input ? args.slice(1) : args,
		{ values: ['out', 'map'], flags: ['tag-values'], required: ['out'] },
		USAGE,
		io
	);
	if (typeof parsed === 'number') return parsed;
	if (!input) {
		io.stderr(`iam-atlas redact: the snapshot file to redact is required\n${USAGE}`);
		return 2;
	}
	const out = parsed.values.out!;
	const mapPath = parsed.values.map;
	if (mapPath && mapPath === out) {
		io.stderr(`iam-atlas redact: --map and --out must be different files\n${USAGE}`);
		return 2;
	}
	const snapshot = readSnapshotArg('redact', input, io);
	if (!snapshot) return 1;
	const { snapshot: redacted, map } = redactSnapshot(snapshot, {
		tagValues: parsed.flags['tag-values']
	});
	const written = writeOutputFile(out, JSON.stringify(redacted, null, 2) + '\n', [input]);
	if (!written.ok) {
		io.stderr(`iam-atlas redact: ${written.message}\n`);
		return 1;
	}
	if (mapPath) {
		const m = writeOutputFile(mapPath, JSON.stringify(map, null, 2) + '\n', [input, out]);
		if (!m.ok) {
			io.stderr(`iam-atlas redact: ${m.message}\n`);
			return 1;
		}
	}
	io.stdout(
		`wrote ${out}: ${Object.keys(map.accountIds).length} account ids, ${Object.keys(map.names).length} names, ${Object.keys(map.emails).length} e-mail addresses redacted${mapPath ? `; mapping in ${mapPath} (keep it private)` : ''}\n`
	);
	return 0;
}
