/**
 * `iam-atlas findings --snapshot <snapshot.json> [--json] [--no-access]`: what a reviewer should
 * look at, including administrators and escalation paths (the access-path analysis; `--no-access`
 * skips it on very large organizations). With
 * `--json`, one `{"rule","severity","subject","title","evidence"}` JSON line per finding, most
 * severe first; without, readable text grouped by severity. Exit 0 whatever is found.
 */
import { accessRules } from '../../lib/analysis/findings/access-verdicts';
import { findFindings } from '../../lib/analysis/findings/find-findings';
import { createEvaluator } from '../../lib/engine/evaluate';
import { SEVERITIES, type Finding } from '../../lib/analysis/findings/types';
import type { CliIo } from '../io';
import { readSnapshotArg } from '../read-snapshot';

const USAGE = 'usage: iam-atlas findings --snapshot <snapshot.json> [--json] [--no-access]\n';

/** One finding as its JSON line. */
export const findingLine = (f: Finding): string =>
	JSON.stringify({
		rule: f.rule,
		severity: f.severity,
		subject: f.subject,
		title: f.title,
		evidence: f.evidence
	}) + '\n';

/** The readable report: a heading per severity with its count, one line per finding. */
export function findingsText(findings: Finding[]): string {
	if (findings.length === 0) return 'No findings.\n';
	const out: string[] = [];
	for (const severity of SEVERITIES) {
		const some = findings.filter((f) => f.severity === severity);
		if (some.length === 0) continue;
		out.push(`${severity.toUpperCase()} (${some.length})`);
		for (const f of some) out.push(`  [${f.rule}] ${f.title}`, `      ${f.subject}`);
		out.push('');
	}
	return out.join('\n');
}

/** Run the findings command; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
	let snapshotPath: string | undefined;
	let json = false;
	let access = true;
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		if (a === '--help' || a === '-h') {
			io.stdout(USAGE);
			return 0;
		} else if (a === '--json') json = true;
		else if (a === '--no-access') access = false;
		else if (a === '--snapshot' && args[i + 1] !== undefined) snapshotPath = args[++i];
		else {
			io.stderr(`iam-atlas findings: unexpected argument '${a}'\n${USAGE}`);
			return 2;
		}
	}
	if (!snapshotPath) {
		io.stderr(`iam-atlas findings: --snapshot is required\n${USAGE}`);
		return 2;
	}
	const snapshot = readSnapshotArg('findings', snapshotPath, io);
	if (!snapshot) return 1;
	const evaluator = createEvaluator(snapshot);
	const findings = findFindings(snapshot, {
		evaluator,
		extraRules: access ? accessRules(snapshot, { evaluator }) : []
	});
	io.stdout(json ? findings.map(findingLine).join('') : findingsText(findings));
	return 0;
}
