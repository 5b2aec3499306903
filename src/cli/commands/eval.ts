/**
 * `iam-atlas eval --snapshot <snapshot.json> [<requests.jsonl>]`: one JSON decision line out per
 * request line in (stdin when no file; blank lines skipped), in order, streaming. A bad line gets an
 * `{"error":{code,message}}` line and the batch goes on. `--trace` adds the full trace
 * (reasonDetails, layers, context).
 */
import { createEvaluator, type Evaluator } from '../../lib/engine/evaluate';
import type { EvalRequest, EvalResult } from '../../lib/engine/types';
import { readLines, type CliIo } from '../io';
import { readSnapshotArg } from '../read-snapshot';

const USAGE = 'usage: iam-atlas eval --snapshot <snapshot.json> [--trace] [<requests.jsonl>]\n';

type LineError = { error: { code: string; message: string } };
const fail = (code: string, message: string): LineError => ({
	error: { code: `eval.request.${code}`, message }
});

/** Parse and check one request line. */
export function parseRequestLine(line: string, n: number): EvalRequest | LineError {
	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch (e) {
		return fail('invalid-json', `line ${n}: not valid JSON (${(e as Error).message})`);
	}
	if (!value || typeof value !== 'object' || Array.isArray(value))
		return fail(
			'not-an-object',
			`line ${n}: expected a JSON object with principal, action and resource`
		);
	const v = value as Record<string, unknown>;
	for (const field of ['principal', 'action', 'resource'] as const) {
		if (typeof v[field] !== 'string' || v[field] === '')
			return fail(
				'missing-field',
				`line ${n}: "${field}" is required and must be a non-empty string`
			);
	}
	if (v.resourceAccount !== undefined && typeof v.resourceAccount !== 'string')
		return fail('invalid-field', `line ${n}: "resourceAccount" must be a string`);
	if (
		v.context !== undefined &&
		(typeof v.context !== 'object' || v.context === null || Array.isArray(v.context))
	)
		return fail('invalid-field', `line ${n}: "context" must be an object of context keys`);
	if (typeof v.sessionPolicy === 'string') {
		// a policy document passed as JSON text, as the AWS CLI and STS take it
		try {
			v.sessionPolicy = JSON.parse(v.sessionPolicy);
		} catch {
			return fail('invalid-field', `line ${n}: "sessionPolicy" text is not valid JSON`);
		}
	}
	if (v.sessionPolicy !== undefined) {
		const sp = v.sessionPolicy as Record<string, unknown> | null;
		if (!sp || typeof sp !== 'object' || Array.isArray(sp) || sp.Statement === undefined)
			return fail(
				'invalid-field',
				`line ${n}: "sessionPolicy" must be a policy document with a Statement`
			);
	}
	return v as unknown as EvalRequest;
}

/** The output object of one decision. */
export function outputOf(r: EvalResult, trace: boolean): Record<string, unknown> {
	const out: Record<string, unknown> = {
		decision: r.decision,
		reasons: r.reasons.map(({ effect, policyType, policy, attachedTo, statement }) => ({
			effect,
			policyType,
			policy,
			attachedTo,
			statement
		})),
		summary: r.summary
	};
	if (r.gap) out.gap = r.gap;
	if (r.warnings.length) out.warnings = r.warnings;
	// reasons keep exactly the five contract fields; the trace adds the full ones (ids, messages) apart
	if (trace) Object.assign(out, { reasonDetails: r.reasons, layers: r.layers, context: r.context });
	return out;
}

/** Decide one line; never throws. */
export function evalLine(evaluator: Evaluator, line: string, n: number, trace: boolean): string {
	const req = parseRequestLine(line, n);
	if ('error' in req) return JSON.stringify(req);
	try {
		return JSON.stringify(outputOf(evaluator.evaluate(req, { trace, summary: true }), trace));
	} catch (e) {
		return JSON.stringify(
			fail('failed', `line ${n}: the evaluator failed (${(e as Error).message})`)
		);
	}
}

/** Run the eval command; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
	let snapshotPath: string | undefined;
	let requestsPath: string | undefined;
	let trace = false;
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		if (a === '--help' || a === '-h') {
			io.stdout(USAGE);
			return 0;
		} else if (a === '--snapshot' && args[i + 1]) snapshotPath = args[++i];
		else if (a === '--trace') trace = true;
		else if (!a.startsWith('-') && !requestsPath) requestsPath = a;
		else {
			io.stderr(`iam-atlas eval: unexpected argument '${a}'\n${USAGE}`);
			return 2;
		}
	}
	if (!snapshotPath) {
		io.stderr(`iam-atlas eval: --snapshot is required\n${USAGE}`);
		return 2;
	}
	const snapshot = readSnapshotArg('eval', snapshotPath, io);
	if (!snapshot) return 1;
	const evaluator = createEvaluator(snapshot);
	const lines = requestsPath ? readLines(requestsPath) : io.stdinLines();
	// Output is written in chunks, flushed once the lines read so far are answered, so a pipe
	// streams without a write per line.
	let pending: string[] = [];
	let scheduled = false;
	const flush = () => {
		scheduled = false;
		if (pending.length) io.stdout(pending.join(''));
		pending = [];
	};
	let n = 0;
	try {
		for await (const line of lines) {
			n++;
			// a blank line is not a request: no output line (a trailing empty line stays silent)
			if (line.trim() === '') continue;
			pending.push(evalLine(evaluator, line.replace(/\r$/, ''), n, trace) + '\n');
			if (pending.length >= 512) flush();
			else if (!scheduled) {
				scheduled = true;
				setImmediate(flush);
			}
		}
	} catch (e) {
		flush();
		io.stderr(`iam-atlas eval: cannot read ${requestsPath ?? 'stdin'}: ${(e as Error).message}\n`);
		return 1;
	}
	flush();
	return 0;
}
