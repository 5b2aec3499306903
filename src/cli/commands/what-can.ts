/**
 * `iam-atlas what-can --snapshot <snapshot.json> --principal <ARN> [--service <prefix>] [--json]`:
 * what a user, role, role session or root can do (src/lib/analysis/what-can), per service and
 * access level, with the resources, the conditions and what denies, boundaries or SCPs take away.
 * --json prints the whole answer as one JSON object.
 */
import { createWhatCan, type WhatCanResult } from '../../lib/analysis/what-can/what-can';
import { ACCESS_LEVELS } from '../../lib/engine/catalog';
import { loadNodeCatalog } from '../../lib/engine/catalog/node-catalog';
import type { CliIo } from '../io';
import { parseOptions } from '../options';
import { readSnapshotArg } from '../read-snapshot';

const USAGE =
	'usage: iam-atlas what-can --snapshot <snapshot.json> --principal <ARN> [--service <prefix>] [--json]\n';

/** The readable form: one block per service, levels counted, actions listed with where they are allowed. */
export function whatCanText(r: WhatCanResult): string {
	if (!r.services.length) return `${r.principal}\n  no allowed action\n`;
	const lines = [r.principal];
	for (const s of r.services) {
		const levels = ACCESS_LEVELS.filter((l) => s.levels[l]).map((l) => `${l} ${s.levels[l]}`);
		const taken = s.takenAway ? `; ${s.takenAway} taken away` : '';
		lines.push(`  ${s.service}: ${levels.join(', ') || 'nothing allowed'}${taken}`);
		for (const a of s.actions) {
			const on = a.resources.filter((x) => x.allowed).map((x) => x.resource);
			const off = a.resources.filter((x) => !x.allowed);
			const by = [
				...new Set(off.flatMap((x) => x.takenBy.map((t) => `${t.policyType} ${t.policy}`)))
			];
			lines.push(
				`    ${a.allowed ? '+' : '-'} ${a.action} [${a.level ?? '?'}]` +
					(on.length ? ` on ${on.join(', ')}` : '') +
					(a.conditions.length ? ` if ${JSON.stringify(a.conditions)}` : '') +
					(by.length ? `; denied elsewhere by ${by.join(', ')}` : '')
			);
		}
	}
	return lines.join('\n') + '\n';
}

/** Run the what-can command; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
	const parsed = parseOptions(
		'what-can',
		args,
		{
			values: ['snapshot', 'principal', 'service'],
			flags: ['json'],
			required: ['snapshot', 'principal']
		},
		USAGE,
		io
	);
	if (typeof parsed === 'number') return parsed;
	const { snapshot: path, principal, service } = parsed.values;
	const snapshot = readSnapshotArg('what-can', path!, io);
	if (!snapshot) return 1;
	const wc = createWhatCan(snapshot, await loadNodeCatalog());
	const result = wc.forPrincipal(principal!, { service });
	io.stdout(parsed.flags.json ? JSON.stringify(result) + '\n' : whatCanText(result));
	return 0;
}
