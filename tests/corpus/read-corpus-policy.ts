/**
 * Reads one corpus policy (file text or an already-parsed document) through the import
 * engineer's policy validation (src/lib/import/validate.ts: decode + ajv policy-document schema)
 * when that module is present, otherwise through a structural check of the same rules' core.
 */
import type { PolicyDocument } from '../../src/lib/model/policy-document';

/** A read policy, or the reason it was refused. */
export type CorpusPolicy = { ok: true; doc: PolicyDocument } | { ok: false; message: string };

type ReadPolicy = (
	raw: unknown,
	shape: string,
	file: string,
	pointer: string,
	errors: Array<{ message: string }>
) => PolicyDocument | null;

let importValidation: Promise<ReadPolicy | null> | null = null;

/** Structural fallback: JSON text → object with Statement(s) each having an Effect and an Action/NotAction. */
function structural(raw: unknown): CorpusPolicy {
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch (e) {
			return { ok: false, message: `The policy text is not valid JSON (${(e as Error).message}).` };
		}
	}
	const doc = value as PolicyDocument;
	const statements =
		doc && typeof doc === 'object'
			? Array.isArray(doc.Statement)
				? doc.Statement
				: [doc.Statement]
			: [];
	const bad = statements.findIndex(
		(s) => !s || (s.Effect !== 'Allow' && s.Effect !== 'Deny') || (!s.Action && !s.NotAction)
	);
	if (statements.length === 0 || bad !== -1)
		return { ok: false, message: `Statement ${bad} is not a policy statement.` };
	return { ok: true, doc };
}

/** Parses and validates one policy. */
export async function readCorpusPolicy(raw: unknown, file: string): Promise<CorpusPolicy> {
	importValidation ??= import('../../src/lib/import/validate').then(
		(m) => m.readPolicy as unknown as ReadPolicy,
		() => null
	);
	const readPolicy = await importValidation;
	if (!readPolicy) return structural(raw);
	const errors: Array<{ message: string }> = [];
	const doc = readPolicy(raw, 'policy', file, '', errors);
	return doc ? { ok: true, doc } : { ok: false, message: errors.map((e) => e.message).join(' ') };
}
