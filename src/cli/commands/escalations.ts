/**
 * `iam-atlas escalations --snapshot <snapshot.json> [--principal <ARN>]... [--json]`: who is or can
 * become an administrator and how (src/lib/analysis/escalation). With --json, one JSON line per
 * IAM user and role (or per --principal): {"principal","status","paths":[{"reaches","steps":[…]}]};
 * without, a readable block per principal that is or can become an administrator.
 */
import {
	createEscalation,
	type EscalationStep,
	type PrincipalEscalation
} from '../../lib/analysis/escalation/escalation';
import { technique } from '../../lib/analysis/escalation/techniques';
import type { CliIo } from '../io';
import { parseOptions } from '../options';
import { readSnapshotArg } from '../read-snapshot';

const USAGE =
	'usage: iam-atlas escalations --snapshot <snapshot.json> [--principal <ARN>]... [--json]\n';

/** The JSON line of one principal (the held-out format, word for word). */
export function escalationLine(r: PrincipalEscalation): string {
	return JSON.stringify({
		principal: r.principal,
		status: r.status,
		paths: r.paths.map((p) => ({
			reaches: p.reaches,
			steps: p.steps.map((s) => ({
				technique: s.technique,
				actions: s.actions,
				target: s.target,
				needs: s.needs
			}))
		}))
	});
}

const statementName = (s: EscalationStep) =>
	[
		...new Set(
			s.reasons
				.filter((r) => r.effect === 'Allow' && r.policyType !== 'scp')
				.map((r) => `${r.policy}${r.statement ? ` [${r.statement}]` : ''} on ${r.attachedTo}`)
		)
	].join('; ');

/** The readable block of one principal. */
export function escalationText(r: PrincipalEscalation): string {
	if (r.status === 'admin') return `${r.principal}\n  administrator\n`;
	const lines = [
		`${r.principal}\n  ${r.status === 'escalates' ? 'can become an administrator' : 'can become an administrator if what the snapshot cannot show holds'}`
	];
	r.paths.forEach((p, i) => {
		lines.push(`  path ${i + 1}: gains the administrator permissions of ${p.reaches}`);
		p.steps.forEach((s, j) => {
			const t = technique(s.technique);
			lines.push(
				`    ${j + 1}. ${s.technique} (${t.name}): ${s.actions.join(' + ')} on ${s.target}`
			);
			const by = statementName(s);
			if (by) lines.push(`       allowed by ${by}`);
			for (const n of s.needs) lines.push(`       needs: ${n}`);
		});
	});
	return lines.join('\n') + '\n';
}

/** Run the escalations command; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
	const parsed = parseOptions(
		'escalations',
		args,
		{ values: ['snapshot'], lists: ['principal'], flags: ['json'], required: ['snapshot'] },
		USAGE,
		io
	);
	if (typeof parsed === 'number') return parsed;
	const principals = parsed.lists.principal;
	const json = parsed.flags.json;
	const snapshot = readSnapshotArg('escalations', parsed.values.snapshot!, io);
	if (!snapshot) return 1;
	const esc = createEscalation(snapshot);
	const results = principals.length ? principals.map((p) => esc.forPrincipal(p)) : esc.all();
	if (json) io.stdout(results.map((r) => escalationLine(r) + '\n').join(''));
	else {
		const shown = results.filter((r) => r.status !== 'none');
		io.stdout(
			shown.length
				? shown.map(escalationText).join('\n')
				: 'no principal is or can become an administrator\n'
		);
	}
	return 0;
}
