/**
 * `iam-atlas who-can --snapshot <snapshot.json> --action <a> --resource <arn> [--context '<json>']`:
 * one `{"principal","decision"}` JSON line per user and role of the snapshot, allowed first, then
 * explicit and implicit denies, each sorted by principal ARN. With `--via-roles`, principals allowed
 * only through a chain of roles they can assume are allowed with `"via":[role ARNs]`.
 */
import { whoCanViaRoles } from '../../lib/analysis/assume/who-can-via-roles';
import { createEvaluator } from '../../lib/engine/evaluate';
import type { ContextValue } from '../../lib/engine/types';
import { sortWhoCan } from '../../lib/graph/who-can-groups';
import type { CliIo } from '../io';
import { readSnapshotArg } from '../read-snapshot';

const USAGE =
	"usage: iam-atlas who-can --snapshot <snapshot.json> --action <action> --resource <arn> [--context '<json object>'] [--via-roles]\n";

/** Parse `--context` text: a JSON object of context keys to strings, booleans, numbers or arrays of them. */
export function parseContextArg(text: string): Record<string, ContextValue> | string {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (e) {
		return `--context is not valid JSON (${(e as Error).message})`;
	}
	if (!value || typeof value !== 'object' || Array.isArray(value))
		return '--context must be a JSON object of context keys';
	return value as Record<string, ContextValue>;
}

/** Run the who-can command; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
	const opts: Record<'snapshot' | 'action' | 'resource' | 'context', string | undefined> = {
		snapshot: undefined,
		action: undefined,
		resource: undefined,
		context: undefined
	};
	let viaRoles = false;
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		const key = a.slice(2) as keyof typeof opts;
		if (a === '--help' || a === '-h') {
			io.stdout(USAGE);
			return 0;
		} else if (a === '--via-roles') viaRoles = true;
		else if (a.startsWith('--') && key in opts && args[i + 1] !== undefined) opts[key] = args[++i];
		else {
			io.stderr(`iam-atlas who-can: unexpected argument '${a}'\n${USAGE}`);
			return 2;
		}
	}
	for (const required of ['snapshot', 'action', 'resource'] as const)
		if (!opts[required]) {
			io.stderr(`iam-atlas who-can: --${required} is required\n${USAGE}`);
			return 2;
		}
	const context = opts.context === undefined ? {} : parseContextArg(opts.context);
	if (typeof context === 'string') {
		io.stderr(`iam-atlas who-can: ${context}\n`);
		return 2;
	}
	const snapshot = readSnapshotArg('who-can', opts.snapshot!, io);
	if (!snapshot) return 1;
	const evaluator = createEvaluator(snapshot);
	const rows = viaRoles
		? whoCanViaRoles(evaluator, snapshot, opts.action!, opts.resource!, context)
		: evaluator.whoCan(opts.action!, opts.resource!, context);
	io.stdout(
		sortWhoCan(rows)
			.map((row) => {
				const { principal, decision } = row;
				const via = 'via' in row ? row.via : undefined;
				return JSON.stringify(via ? { principal, decision, via } : { principal, decision }) + '\n';
			})
			.join('')
	);
	return 0;
}
