/**
 * `iam-atlas diff <before.json> <after.json> [--json]`: what changed between two snapshots
 * (src/lib/analysis/diff) — structure, then access with its causes. With --json one JSON line
 * per change ({"kind","change","subject",…}); nothing when nothing changed; exit 0 either way.
 */
import { changeLine, changeText, diffSnapshots } from '../../lib/analysis/diff/diff';
import { loadNodeCatalog } from '../../lib/engine/catalog/node-catalog';
import type { CliIo } from '../io';
import { readSnapshotArg } from '../read-snapshot';

const USAGE = 'usage: iam-atlas diff <before.json> <after.json> [--json]\n';

/** Run the diff command; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
	if (args.includes('--help') || args.includes('-h')) {
		io.stdout(USAGE);
		return 0;
	}
	const json = args.includes('--json');
	const files = args.filter((a) => a !== '--json');
	const bad = files.find((a) => a.startsWith('--'));
	if (bad || files.length !== 2) {
		io.stderr(
			`iam-atlas diff: ${bad ? `unexpected argument '${bad}'` : 'two snapshot files are needed'}\n${USAGE}`
		);
		return 2;
	}
	const before = readSnapshotArg('diff', files[0], io);
	if (!before) return 1;
	const after = readSnapshotArg('diff', files[1], io);
	if (!after) return 1;
	const changes = diffSnapshots(before, after, { catalog: await loadNodeCatalog() });
	if (json) io.stdout(changes.map((c) => changeLine(c) + '\n').join(''));
	else io.stdout(changes.length ? changes.map(changeText).join('\n') + '\n' : 'no changes\n');
	return 0;
}
