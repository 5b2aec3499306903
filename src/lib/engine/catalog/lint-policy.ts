/**
 * Flags the actions and condition keys of a policy document that AWS's catalog does not know,
 * each with the JSON pointer (RFC 6901) of where it is written, so the UI can mark the spot.
 * Checks names only; whether the statement makes sense is the evaluator's and the importer's job.
 */
import { statementsOf, type PolicyDocument } from '../../model/policy-document';
import type { ActionCatalog } from './action-catalog';

/** One unknown name in a policy. */
export interface CatalogFinding {
	code: 'catalog.action.unknown' | 'catalog.condition-key.unknown';
	/** The name as written. */
	value: string;
	/** JSON pointer into the document, e.g. "/Statement/0/Action/2". */
	pointer: string;
	message: string;
}

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Each statement with its pointer ("/Statement" for a single object, "/Statement/i" for an array). */
function statementsWithPointers(doc: PolicyDocument): Array<[Record<string, unknown>, string]> {
	const list = statementsOf(doc) as unknown[];
	const single = !Array.isArray(doc.Statement);
	return list
		.map((s, i): [unknown, string] => [s, single ? '/Statement' : `/Statement/${i}`])
		.filter(
			(e): e is [Record<string, unknown>, string] => typeof e[0] === 'object' && e[0] !== null
		);
}

/** Action entries as [name, pointer], for Action and NotAction, string or array. */
function actionEntries(st: Record<string, unknown>, at: string): Array<[string, string]> {
	const out: Array<[string, string]> = [];
	for (const field of ['Action', 'NotAction']) {
		const v = st[field];
		if (typeof v === 'string') out.push([v, `${at}/${field}`]);
		else if (Array.isArray(v))
			v.forEach((a, i) => typeof a === 'string' && out.push([a, `${at}/${field}/${i}`]));
	}
	return out;
}

/** Condition keys as [key, pointer]. */
function conditionEntries(st: Record<string, unknown>, at: string): Array<[string, string]> {
	const out: Array<[string, string]> = [];
	const cond = st.Condition;
	if (typeof cond !== 'object' || cond === null) return out;
	for (const [op, block] of Object.entries(cond)) {
		if (typeof block !== 'object' || block === null) continue;
		for (const key of Object.keys(block))
			out.push([key, `${at}/Condition/${escapePointer(op)}/${escapePointer(key)}`]);
	}
	return out;
}

/** The service prefixes a catalog must have loaded to lint this document. */
export function servicesOfPolicy(catalog: ActionCatalog, doc: PolicyDocument): string[] {
	const out = new Set<string>();
	for (const [st, at] of statementsWithPointers(doc)) {
		for (const [a] of actionEntries(st, at))
			for (const p of catalog.servicesOfActionPattern(a)) out.add(p);
		for (const [k] of conditionEntries(st, at))
			for (const p of catalog.servicesOfConditionKey(k)) out.add(p);
	}
	return [...out];
}

/** The unknown actions and condition keys of a document, in document order (services must be ensured). */
export function lintPolicy(catalog: ActionCatalog, doc: PolicyDocument): CatalogFinding[] {
	const findings: CatalogFinding[] = [];
	for (const [st, at] of statementsWithPointers(doc)) {
		for (const [a, pointer] of actionEntries(st, at)) {
			if (!catalog.isRecognisedActionEntry(a))
				findings.push({
					code: 'catalog.action.unknown',
					value: a,
					pointer,
					message: `"${a}" matches no action in AWS's service authorization reference.`
				});
		}
		for (const [k, pointer] of conditionEntries(st, at)) {
			if (!catalog.isKnownConditionKey(k))
				findings.push({
					code: 'catalog.condition-key.unknown',
					value: k,
					pointer,
					message: `Condition key "${k}" is not a known global or service condition key.`
				});
		}
	}
	return findings;
}
