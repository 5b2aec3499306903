/**
 * `iam-atlas report --snapshot <snapshot.json> --out <report.md|report.html>`: the review report
 * (findings with evidence, notes and decisions, the saved views' figures) written by the same code
 * as the app's export (lib/graph/report-document.ts); the format follows the extension. Written
 * atomically. The administrator/escalation section says it was not computed: the access-path
 * analysis is not part of this command yet.
 */
import { reportDocument, reportFormatOf } from '../../lib/graph/report-document';
import type { CliIo } from '../io';
import { readSnapshotArg } from '../read-snapshot';
import { writeAtomically } from '../write-atomically';

const USAGE = 'usage: iam-atlas report --snapshot <snapshot.json> --out <report.md|report.html>\n';

/** Run the report command; resolves to the exit code. */
export async function run(
	args: string[],
	io: CliIo,
	now: () => Date = () => new Date()
): Promise<number> {
	let snapshotPath: string | undefined;
	let out: string | undefined;
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		if (a === '--help' || a === '-h') {
			io.stdout(USAGE);
			return 0;
		} else if (a === '--snapshot' && args[i + 1] !== undefined) snapshotPath = args[++i];
		else if (a === '--out' && args[i + 1] !== undefined) out = args[++i];
		else {
			io.stderr(`iam-atlas report: unexpected argument '${a}'\n${USAGE}`);
			return 2;
		}
	}
	if (!snapshotPath || !out) {
		io.stderr(`iam-atlas report: --snapshot and --out are required\n${USAGE}`);
		return 2;
	}
	const format = reportFormatOf(out);
	if (!format) {
		io.stderr(`iam-atlas report: ${out}: the output must end in .md or .html\n${USAGE}`);
		return 2;
	}
	const snapshot = readSnapshotArg('report', snapshotPath, io);
	if (!snapshot) return 1;
	const text = reportDocument(snapshot, { format, generatedAt: now().toISOString() });
	try {
		writeAtomically(out, text);
	} catch (e) {
		io.stderr(`iam-atlas report: cannot write ${out}: ${(e as Error).message}\n`);
		return 1;
	}
	io.stderr(`iam-atlas report: wrote ${out} (${format === 'html' ? 'HTML' : 'Markdown'})\n`);
	return 0;
}
