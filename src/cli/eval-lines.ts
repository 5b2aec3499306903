/**
 * One request line of `iam-atlas eval` in, one JSON output line out: strict checking of the
 * request (principal, action, resource, context value types, the session policy's document) and
 * hand-built JSON for the fixed decision fields. Every output line starts with `"line": n`; a
 * blank line and every bad line still get theirs, so output lines up with input. Used by the
 * command and by its worker threads.
 */
import type { Evaluator } from '../lib/engine/evaluate';
import type { KeyTypeOf } from '../lib/engine/request/check-request';
import {
	actionResourceProblem,
	contextProblem,
	principalProblem
} from '../lib/engine/request/check-request';
import type { EvalRequest, EvalResult } from '../lib/engine/types';
import type { AtlasError } from '../lib/model/result';
import { readPolicy } from '../lib/import/validate';

/** A per-line error as the output carries it. */
export type LineError = { error: { code: string; message: string } };
const fail = (code: string, n: number, message: string): LineError => ({
	error: { code: `eval.request.${code}`, message: `line ${n}: ${message}` }
});

const FIELDS = ['principal', 'action', 'resource', 'resourceAccount', 'context', 'sessionPolicy'];
const KNOWN = new Set(FIELDS);

/** Check a session policy given as an object or as JSON (or URL-encoded JSON) text. */
function sessionPolicyOf(raw: unknown, n: number): EvalRequest['sessionPolicy'] | LineError {
	const errors: AtlasError[] = [];
	const doc = readPolicy(raw, 'eval', `line ${n}`, '', errors);
	if (doc) return doc;
	const e = errors[0];
	const at = e.where?.pointer ? ` at ${e.where.pointer}` : '';
	const message = e.message.charAt(0).toLowerCase() + e.message.slice(1);
	return fail('invalid-session-policy', n, `"sessionPolicy"${at}: ${message}`);
}

/** Parse and check one request line (n is its 1-based number). */
export function parseRequestLine(
	line: string,
	n: number,
	typeOf: KeyTypeOf = () => undefined
): EvalRequest | LineError {
	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch (e) {
		return fail('invalid-json', n, `not valid JSON (${(e as Error).message})`);
	}
	if (!value || typeof value !== 'object' || Array.isArray(value))
		return fail('not-an-object', n, 'expected a JSON object with principal, action and resource');
	const v = value as Record<string, unknown>;
	for (const key in v)
		if (!KNOWN.has(key))
			return fail(
				'unknown-field',
				n,
				`unknown field ${JSON.stringify(key)} (a request has ${FIELDS.join(', ')})`
			);
	for (const field of ['principal', 'action', 'resource'] as const) {
		if (typeof v[field] !== 'string' || v[field] === '')
			return fail('missing-field', n, `"${field}" is required and must be a non-empty string`);
	}
	const principal = v.principal as string;
	const problem =
		principalProblem(principal) ?? actionResourceProblem(v.action as string, v.resource as string);
	if (problem) return fail(problem.code, n, problem.message);
	if (
		v.resourceAccount !== undefined &&
		(typeof v.resourceAccount !== 'string' || !/^\d{12}$/.test(v.resourceAccount))
	)
		return fail('invalid-field', n, '"resourceAccount" must be a 12-digit account id');
	if (v.context !== undefined) {
		if (typeof v.context !== 'object' || v.context === null || Array.isArray(v.context))
			return fail('invalid-field', n, '"context" must be an object of context keys');
		const bad = contextProblem(v.context as Record<string, unknown>, typeOf);
		if (bad) return fail(bad.code, n, bad.message);
	}
	if (v.sessionPolicy !== undefined) {
		const doc = sessionPolicyOf(v.sessionPolicy, n);
		if (doc && 'error' in doc) return doc as LineError;
		v.sessionPolicy = doc;
	}
	return v as unknown as EvalRequest;
}

const str = JSON.stringify;
/** A string as JSON: quoted directly when nothing in it needs escaping (policy names, ARNs, Sids). */
function q(s: string): string {
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 32 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return str(s);
	}
	return '"' + s + '"';
}

/**
 * The output line after `{"line":n,` for a decision: decision, reasons (exactly the five
 * contract fields), summary, then gap and warnings when present; `--trace` adds reasonDetails,
 * layers and context.
 */
export function decisionJson(r: EvalResult, trace: boolean): string {
	let reasons = '';
	for (const x of r.reasons) {
		if (reasons) reasons += ',';
		reasons += `{"effect":"${x.effect}","policyType":"${x.policyType}","policy":${q(x.policy)},"attachedTo":${q(x.attachedTo)},"statement":${q(x.statement)}}`;
	}
	let out = `"decision":"${r.decision}","reasons":[${reasons}],"summary":${str(r.summary)}`;
	if (r.gap) out += `,"gap":${str(r.gap)}`;
	if (r.warnings.length) out += `,"warnings":${str(r.warnings)}`;
	if (trace)
		out += `,"reasonDetails":${str(r.reasons)},"layers":${str(r.layers)},"context":${str(r.context)}`;
	return out + '}';
}

/** Answers request lines with one evaluator. */
export class LineAnswerer {
	readonly #evaluator: Evaluator;
	readonly #trace: boolean;
	readonly #typeOf: KeyTypeOf;

	constructor(evaluator: Evaluator, trace: boolean, typeOf: KeyTypeOf) {
		this.#evaluator = evaluator;
		this.#trace = trace;
		this.#typeOf = typeOf;
	}

	/** The output line (no newline) for input line number n; never throws. */
	answer(line: string, n: number): string {
		const head = `{"line":${n},`;
		if (line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim() === ''))
			return head + '"skipped":"blank line"}';
		const req = parseRequestLine(line, n, this.#typeOf);
		if ('error' in req) return head + `"error":${str(req.error)}}`;
		// no cache of answers by line text: measured, keeping 20,000 answers cost more in garbage
		// collection (~1.5 s CPU per 100,000 lines) than repeated lines would save
		try {
			return (
				head +
				decisionJson(
					this.#evaluator.evaluate(req, {
						trace: this.#trace,
						summary: true,
						messages: this.#trace
					}),
					this.#trace
				)
			);
		} catch (e) {
			const error = fail('failed', n, `the evaluator failed (${(e as Error).message})`).error;
			return head + `"error":${str(error)}}`;
		}
	}
}
