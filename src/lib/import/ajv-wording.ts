/**
 * The one place ajv validation errors are put into words, for every importer that validates with
 * the standalone validators of ADR 0003: a short reason clause for the AWS CLI shapes
 * (`ajvReason`, used by validate.ts) and a whole sentence with its JSON pointer for snapshots
 * (`explainAjvErrors`). It reads the offending value from the validated data itself, so the
 * validators need not be compiled with `verbose`.
 */

/** The parts of an ajv ErrorObject this module reads (structurally compatible with ajv's type). */
export interface AjvErrorLike {
	instancePath: string;
	keyword: string;
	params: Record<string, unknown>;
	message?: string;
}

/** A validation problem in plain words, with the JSON pointer of the value it is about. */
export interface PlainError {
	pointer: string;
	message: string;
}

/** Patterns the schemas use, named in words. */
const PATTERN_WORDS: Record<string, string> = {
	'^[0-9]{12}$': 'a 12-digit AWS account id'
};

const escapeSegment = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');
const unescapeSegment = (seg: string): string => seg.replace(/~1/g, '/').replace(/~0/g, '~');

/** The value at a JSON pointer in `data`, or undefined. */
export function valueAt(data: unknown, pointer: string): unknown {
	if (pointer === '') return data;
	let node: unknown = data;
	for (const seg of pointer.slice(1).split('/').map(unescapeSegment)) {
		if (node === null || typeof node !== 'object' || !Object.hasOwn(node, seg)) return undefined;
		node = (node as Record<string, unknown>)[seg];
	}
	return node;
}

/** "a string", "a list", … for a JSON Schema type name. */
function typeWords(type: string): string {
	const words: Record<string, string> = {
		string: 'a string',
		number: 'a number',
		integer: 'a whole number',
		boolean: 'true or false',
		object: 'an object',
		array: 'a list',
		null: 'null'
	};
	return words[type] ?? type;
}

/** What a JSON value is, in words: `the number 3`, `a list`, `null`, … */
export function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'string')
		return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
	if (typeof value === 'number') return `the number ${value}`;
	if (typeof value === 'boolean') return `${value}`;
	if (typeof value === 'object') return 'an object';
	return 'nothing';
}

/** The last segment of a pointer as a field name, for messages. */
function fieldName(pointer: string): string {
	const seg = unescapeSegment(pointer.slice(pointer.lastIndexOf('/') + 1));
	return pointer === '' ? 'The document' : /^\d+$/.test(seg) ? `Item ${seg}` : `"${seg}"`;
}

const list = (values: unknown[]): string => values.map((v) => JSON.stringify(v)).join(', ');

/** One ajv error in words. `data` is the document that was validated. */
export function describeAjvError(error: AjvErrorLike, data: unknown): PlainError {
	const at = error.instancePath;
	const value = valueAt(data, at);
	const found = describeValue(value);
	const p = error.params;
	switch (error.keyword) {
		case 'required': {
			const key = String(p.missingProperty);
			return {
				pointer: `${at}/${escapeSegment(key)}`,
				message: `"${key}" is missing: every such object needs it.`
			};
		}
		case 'additionalProperties': {
			const key = String(p.additionalProperty);
			return {
				pointer: `${at}/${escapeSegment(key)}`,
				message: `"${key}" is not a known field here; this format does not allow it.`
			};
		}
		case 'type': {
			const types = String(p.type).split(',');
			return {
				pointer: at,
				message: `${fieldName(at)} should be ${types.map(typeWords).join(' or ')}, but it is ${found}.`
			};
		}
		case 'enum':
			return {
				pointer: at,
				message: `${fieldName(at)} should be one of ${list(p.allowedValues as unknown[])}, but it is ${found}.`
			};
		case 'const':
			return {
				pointer: at,
				message: `${fieldName(at)} should be ${JSON.stringify(p.allowedValue)}, but it is ${found}.`
			};
		case 'pattern': {
			const words = PATTERN_WORDS[String(p.pattern)] ?? `text matching ${String(p.pattern)}`;
			return { pointer: at, message: `${fieldName(at)} should be ${words}, but it is ${found}.` };
		}
		case 'minimum':
		case 'maximum':
		case 'exclusiveMinimum':
		case 'exclusiveMaximum':
			return {
				pointer: at,
				message: `${fieldName(at)} should be ${String(p.comparison)} ${String(p.limit)}, but it is ${found}.`
			};
		case 'minItems':
			return {
				pointer: at,
				message: `${fieldName(at)} should hold at least ${String(p.limit)} item(s).`
			};
		case 'minLength':
			return { pointer: at, message: `${fieldName(at)} should not be empty.` };
		case 'anyOf':
		case 'oneOf':
			return {
				pointer: at,
				message: `${fieldName(at)} does not have any of the accepted shapes (it is ${found}).`
			};
		default:
			return {
				pointer: at,
				message: `${fieldName(at)} is not valid: ${error.message ?? error.keyword}.`
			};
	}
}

const depth = (e: AjvErrorLike): number =>
	e.instancePath === '' ? 0 : e.instancePath.split('/').length;

/**
 * The most useful single message from an ajv error list. Branches of `anyOf` each report their
 * own failure; the deepest one is nearest the real problem, and several `type` failures at the
 * same place merge into one "should be X or Y".
 */
export function explainAjvErrors(errors: readonly AjvErrorLike[], data: unknown): PlainError {
	if (errors.length === 0)
		return { pointer: '', message: 'The document does not match the expected format.' };
	const max = Math.max(...errors.map(depth));
	const deepest = errors.filter(
		(e) => depth(e) === max && e.keyword !== 'anyOf' && e.keyword !== 'oneOf'
	);
	if (deepest.length === 0) return describeAjvError(errors[0], data);
	const samePlace = deepest.filter((e) => e.instancePath === deepest[0].instancePath);
	const isShape = (e: AjvErrorLike) =>
		e.keyword === 'type' || e.keyword === 'const' || e.keyword === 'enum';
	// A branch that had the right shape but a wrong detail explains more than "should be null".
	const detail = samePlace.find((e) => !isShape(e));
	if (detail) return describeAjvError(detail, data);
	if (samePlace.length > 1) {
		const wanted = [
			...new Set(
				samePlace.flatMap((e) =>
					e.keyword === 'type'
						? String(e.params.type).split(',').map(typeWords)
						: e.keyword === 'const'
							? [JSON.stringify(e.params.allowedValue)]
							: (e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v))
				)
			)
		];
		const at = samePlace[0].instancePath;
		return {
			pointer: at,
			message: `${fieldName(at)} should be ${wanted.join(' or ')}, but it is ${describeValue(valueAt(data, at))}.`
		};
	}
	return describeAjvError(samePlace[0], data);
}

/** A short plain-words reason for one ajv error ("the field \"Arn\" is missing"). */
export function ajvReason(e: AjvErrorLike): string {
	const p = e.params;
	switch (e.keyword) {
		case 'required':
			return p.missingProperty === 'Action'
				? 'the statement has neither "Action" nor "NotAction"'
				: `the field "${String(p.missingProperty)}" is missing`;
		case 'type':
			return `expected ${String(p.type).replace(',', ' or ')} here`;
		case 'enum':
			return `expected one of ${list(p.allowedValues as unknown[])}`;
		case 'const':
			return `expected ${JSON.stringify(p.allowedValue)}`;
		case 'additionalProperties':
			return `unexpected field "${String(p.additionalProperty)}"`;
		case 'pattern':
			return /\\d\{4\}-/.test(String(p.pattern))
				? 'not a date in a recognised format'
				: `this value does not have the expected form`;
		case 'minLength':
			return 'must not be empty';
		case 'minProperties':
			return 'must not be an empty object';
		case 'anyOf':
			return 'does not match any of the accepted forms';
		default:
			return e.message ?? e.keyword;
	}
}
