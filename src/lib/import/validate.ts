/**
 * Runs the generated ajv standalone validators (ADR 0003) and turns their first error into an
 * AtlasError with the JSON pointer and a plain-words reason (worded by ajv-wording.ts). Also decodes and checks policy
 * documents wherever they sit inside a file.
 */
import type { AtlasError } from '../model/result';
import type { PolicyDocument } from '../model/policy-document';
import { importError } from './errors';
import { decodePolicyValue } from './decode/policy-text';
import validatePolicyDocument from './schemas/policy-document.validate.js';
import { ajvReason, valueAt, type AjvErrorLike } from './ajv-wording';

/** A generated validator: true when valid, otherwise `errors` says why. */
export type Validator = ((data: unknown) => boolean) & { errors?: AjvErrorLike[] | null };

const STATEMENT_FIELDS = new Set([
	'Sid',
	'Effect',
	'Principal',
	'NotPrincipal',
	'Action',
	'NotAction',
	'Resource',
	'NotResource',
	'Condition'
]);

/** A statement missing Action usually has a misspelt one ("Actions"): name the stranger instead. */
function unknownStatementField(e: AjvErrorLike, value: unknown): string | undefined {
	if (e.keyword !== 'required' || e.params.missingProperty !== 'Action') return undefined;
	const statement = valueAt(value, e.instancePath);
	const stranger = Object.keys((statement ?? {}) as object).find((k) => !STATEMENT_FIELDS.has(k));
	return stranger === undefined
		? undefined
		: `unexpected field "${stranger}" (a statement needs "Action" or "NotAction")`;
}

/** Validate `value`; on failure an error `import.<shape>.invalid` pointing into the file. */
export function check(
	validate: Validator,
	value: unknown,
	shape: string,
	what: string,
	file: string,
	base = ''
): AtlasError | null {
	if (validate(value)) return null;
	const errors = validate.errors ?? [];
	// anyOf reports every branch's errors; the deepest pointer is the most useful one, and at equal
	// depth an unexpected field ("Actions") explains more than the missing one it stands for.
	const rank = (x: AjvErrorLike) =>
		x.instancePath.split('/').length * 2 + (x.keyword === 'additionalProperties' ? 1 : 0);
	const e = errors.reduce((a, b) => (rank(b) > rank(a) ? b : a), errors[0]);
	if (!e)
		return importError(shape, 'invalid', `This is not a valid ${what}.`, { file, pointer: base });
	const reason = unknownStatementField(e, value) ?? ajvReason(e);
	return importError(shape, 'invalid', `This is not a valid ${what}: ${reason}.`, {
		file,
		pointer: base + e.instancePath
	});
}

/** Decode a policy document (object, JSON string or URL-encoded string) and check it is a policy. */
export function readPolicy(
	raw: unknown,
	shape: string,
	file: string,
	pointer: string,
	errors: AtlasError[]
): PolicyDocument | null {
	const decoded = decodePolicyValue(raw);
	if (!decoded.ok) {
		errors.push(
			importError(shape, 'bad-policy', `The policy document cannot be read: ${decoded.reason}.`, {
				file,
				pointer
			})
		);
		return null;
	}
	const problem = check(
		validatePolicyDocument as Validator,
		decoded.value,
		shape,
		'policy document',
		file,
		pointer
	);
	if (problem) {
		errors.push({ ...problem, code: `import.${shape}.bad-policy` });
		return null;
	}
	return decoded.value as PolicyDocument;
}
