/**
 * `iam-atlas report --snapshot <snapshot.json> --out <report.md|report.html>`: the review report
 * (findings with evidence, notes and decisions, the saved views' figures) written by the same code
 * as the app's export (lib/graph/report-document.ts); the format follows the extension. Written
 * through the one safe writer (write-output.ts). Administrators and escalation paths come from the
 * access-path analysis; `--no-access` skips it (the section then says it was not computed).
 */
import { reportDocument, reportFormatOf } from '../../lib/graph/report-document';
import type { CliIo } from '../io';
import { readSnapshotArg } from '../read-snapshot';
import { outputProblem, writeOutputFile } from '../write-output';
import { accessVerdicts } from '../../lib/analysis/findings/access-verdicts';
import { findFindings } from '../../lib/analysis/findings/find-findings';
import { adminPrincipalRule, escalationPathRule } from '../../lib/analysis/findings/plugged';
import { createEvaluator } from '../../lib/engine/evaluate';

const USAGE =
	'usage: iam-atlas report --snapshot <snapshot.json> --out <report.md|report.html> [--no-access]\n';

/** Run the report command; resolves to the exit code. */
export async function run(
	args: string[],
	io: CliIo,
	now: () => Date = () => new Date()
): Promise<number> {
	let snapshotPath: string | undefined;
	let out: string | undefined;
	let access = true;
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		if (a === '--help' || a === '-h') {
			io.stdout(USAGE);
			return 0;
		} else if (a === '--snapshot' && args[i + 1] !== undefined) snapshotPath = args[++i];
		else if (a === '--out' && args[i + 1] !== undefined) out = args[++i];
		else if (a === '--no-access') access = false;
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
	const problem = outputProblem(out, [snapshotPath]);
	if (problem) {
		io.stderr(`iam-atlas report: ${problem}\n`);
		return 1;
	}
	const snapshot = readSnapshotArg('report', snapshotPath, io);
	if (!snapshot) return 1;
	const evaluator = createEvaluator(snapshot);
	const verdicts = access ? accessVerdicts(snapshot, { evaluator }) : undefined;
	const findings = findFindings(snapshot, {
		evaluator,
		extraRules: verdicts ? [adminPrincipalRule(verdicts), escalationPathRule(verdicts)] : []
	});
	const text = reportDocument(snapshot, {
		format,
		generatedAt: now().toISOString(),
		findings,
		verdicts
	});
	const written = writeOutputFile(out, text, [snapshotPath]);
	if (!written.ok) {
		io.stderr(`iam-atlas report: ${written.message}\n`);
		return 1;
	}
	io.stderr(`iam-atlas report: wrote ${out} (${format === 'html' ? 'HTML' : 'Markdown'})\n`);
	return 0;
}
