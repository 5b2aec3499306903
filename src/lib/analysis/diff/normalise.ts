/**
 * Canonical forms of policy documents for a semantic comparison: the same policy written with a
 * single Statement object or a list, an Action string or a one-element list, elements in another
 * order, an encoded (JSON string or URL-encoded) document, gives the same canonical statements.
 * Order-insensitive where AWS is: statements of a document, values of Action/NotAction/Resource/
 * NotResource, Principal maps and their values, condition operators, keys and value lists.
 * Action names and condition keys compare case-insensitively (AWS matches them so); resource ARNs,
 * principals and condition values keep their case.
 */
import type { JsonValue, PolicyDocument, PolicyStatement } from '../../model/policy-document';

/** A document that arrived encoded (JSON string, URL-encoded JSON) decoded; other values as they are. */
export function decodeDocument(doc: unknown): unknown {
	if (typeof doc !== 'string') return doc;
	for (const text of [doc, safeDecode(doc)]) {
		if (text === null) continue;
		try {
			return JSON.parse(text) as unknown;
		} catch {
			/* try the next form */
		}
	}
	return doc;
}

function safeDecode(text: string): string | null {
	try {
		return decodeURIComponent(text.replace(/\+/g, ' '));
	} catch {
		return null;
	}
}

const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const sortedSet = (values: string[]) => [...new Set(values)].sort();

function canonValue(v: unknown): string {
	if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'undefined';
	if (Array.isArray(v)) return `[${v.map(canonValue).join(',')}]`;
	const o = v as Record<string, unknown>;
	return `{${Object.keys(o)
		.sort()
		.map((k) => `${JSON.stringify(k)}:${canonValue(o[k])}`)
		.join(',')}}`;
}

function canonPrincipal(p: unknown): unknown {
	if (p === undefined) return undefined;
	if (typeof p === 'string') return p;
	if (p === null || typeof p !== 'object' || Array.isArray(p)) return canonValue(p);
	const o = p as Record<string, unknown>;
	const out: Record<string, string[]> = {};
	for (const k of Object.keys(o).sort()) out[k] = sortedSet(list(o[k]).map(String));
	return out;
}

function canonCondition(c: unknown): unknown {
	if (c === undefined) return undefined;
	if (c === null || typeof c !== 'object' || Array.isArray(c)) return canonValue(c);
	const out: Record<string, Record<string, string[]>> = {};
	const ops = c as Record<string, unknown>;
	for (const op of Object.keys(ops).sort((a, b) =>
		a.toLowerCase().localeCompare(b.toLowerCase())
	)) {
		const block = ops[op];
		const keys: Record<string, string[]> = {};
		if (block && typeof block === 'object' && !Array.isArray(block)) {
			const b = block as Record<string, JsonValue>;
			for (const k of Object.keys(b).sort())
				keys[k.toLowerCase()] = sortedSet(list(b[k]).map((x) => canonValue(x)));
		}
		out[op.toLowerCase()] = keys;
	}
	return out;
}

/** One statement's canonical text (equal for statements AWS treats alike, as far as order and form go). */
export function canonStatement(s: PolicyStatement): string {
	const st = s as unknown as Record<string, unknown>;
	const out: Record<string, unknown> = {};
	for (const k of Object.keys(st).sort()) {
		const v = st[k];
		if (k === 'Action' || k === 'NotAction')
			out[k] = sortedSet(list(v).map((a) => String(a).toLowerCase()));
		else if (k === 'Resource' || k === 'NotResource') out[k] = sortedSet(list(v).map(String));
		else if (k === 'Principal' || k === 'NotPrincipal') out[k] = canonPrincipal(v);
		else if (k === 'Condition') out[k] = canonCondition(v);
		else out[k] = v;
	}
	return canonValue(out);
}

/** The canonical statements of a document (sorted, duplicates kept), or null for no document. */
export function canonDocument(doc: PolicyDocument | string | null | undefined): string[] | null {
	if (doc === null || doc === undefined) return null;
	const decoded = decodeDocument(doc);
	if (!decoded || typeof decoded !== 'object' || Array.isArray(decoded))
		return [canonValue(decoded)];
	const d = decoded as Record<string, unknown>;
	const statements = list(d.Statement).map((s) =>
		s && typeof s === 'object' && !Array.isArray(s)
			? canonStatement(s as PolicyStatement)
			: canonValue(s)
	);
	// Version changes how variables are read, so it belongs to the meaning; Id does not.
	const version = typeof d.Version === 'string' ? d.Version : '2008-10-17';
	return [`#version ${version}`, ...statements.sort()];
}

/** Statements only in `before` and only in `after` (multiset difference of canonical forms). */
export function statementDiff(
	before: string[] | null,
	after: string[] | null
): { removed: string[]; added: string[] } {
	const counts = new Map<string, number>();
	for (const s of before ?? []) counts.set(s, (counts.get(s) ?? 0) + 1);
	const added: string[] = [];
	for (const s of after ?? []) {
		const n = counts.get(s) ?? 0;
		if (n > 0) counts.set(s, n - 1);
		else added.push(s);
	}
	const removed: string[] = [];
	for (const [s, n] of counts) for (let i = 0; i < n; i++) removed.push(s);
	return { removed, added };
}

/** The same instant (dates in any ISO 8601 form), or both absent. */
export function sameInstant(a: string | null | undefined, b: string | null | undefined): boolean {
	if (!a || !b) return !a && !b;
	const x = Date.parse(a);
	const y = Date.parse(b);
	return Number.isNaN(x) || Number.isNaN(y) ? a === b : x === y;
}
