/**
 * Checks a request given from outside (a CLI line, a pasted request) before the evaluator trusts
 * it: a principal the engine can resolve, a concrete action, an ARN or "*" resource, and context
 * values of the type their condition key documents (types come from the caller's lookup, e.g.
 * the action catalog's data; unknown keys only need string, number or boolean values). The session
 * policy's document is checked by the import validator, not here. Pure: no catalog I/O.
 */
import { parseBool, parseDate, parseIpBlock, parseNumber } from '../conditions/values';

/** Condition-key types as AWS documents them (Service Authorization Reference). */
export type ConditionKeyType =
	| 'String'
	| 'ARN'
	| 'Bool'
	| 'Numeric'
	| 'Date'
	| 'IPAddress'
	| 'ArrayOfString'
	| 'ArrayOfARN'
	| 'ArrayOfBool'
	| 'ArrayOfNumeric';

/** The documented type of a condition key, or undefined when the key is unknown. */
export type KeyTypeOf = (key: string) => ConditionKeyType | undefined;

/** A problem with one part of a request: a code suffix and a plain-words reason. */
export interface RequestProblem {
	code: 'invalid-principal' | 'invalid-action' | 'invalid-resource' | 'invalid-context';
	message: string;
}

// the principal forms resolvePrincipal (./principal.ts) knows; anything else it would treat as
// an anonymous or service caller without a word
const PRINCIPAL_ARN =
	/^arn:[a-z][a-z0-9-]*:(iam::\d{12}:(root|user\/.+|role\/.+|saml-provider\/.+|oidc-provider\/.+)|sts::\d{12}:(assumed-role\/[^/]+\/.+|federated-user\/.+))$/;
// a service principal (s3.amazonaws.com, logs.eu-west-1.amazonaws.com) or a web identity
// provider (accounts.google.com): a DNS name of at least two labels
const DNS_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;
const ACTION = /^[a-z0-9-]+:[a-z0-9_-]+$/i;
const ARN = /^arn:[^:]+:[^:]*:[^:]*:[^:]*:./;

/** Why a principal string is not one the engine accepts, or null when it is. */
export function principalProblem(principal: string): RequestProblem | null {
	if (principal === '*' || /^\d{12}$/.test(principal)) return null;
	if (principal.startsWith('arn:')) {
		if (PRINCIPAL_ARN.test(principal)) return null;
		return {
			code: 'invalid-principal',
			message: `"principal" ${JSON.stringify(principal)} is not a principal ARN (an IAM user, role or root, an STS assumed-role or federated-user session, or a SAML/OIDC provider)`
		};
	}
	if (DNS_NAME.test(principal)) return null;
	return {
		code: 'invalid-principal',
		message: `"principal" ${JSON.stringify(principal)} is not an ARN, a 12-digit account id, a service principal (s3.amazonaws.com) or "*"`
	};
}

/** Why an action or resource string is not usable, or null. */
export function actionResourceProblem(action: string, resource: string): RequestProblem | null {
	if (!ACTION.test(action))
		return {
			code: 'invalid-action',
			message: `"action" ${JSON.stringify(action)} is not service:Action (e.g. s3:GetObject; no wildcards)`
		};
	if (resource !== '*' && !ARN.test(resource))
		return {
			code: 'invalid-resource',
			message: `"resource" ${JSON.stringify(resource)} is not an ARN or "*"`
		};
	return null;
}

type Scalar = string | number | boolean;
const isScalar = (v: unknown): v is Scalar =>
	typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean';
const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : String(v));

/** Why one value does not fit a single-value type, or null. */
function scalarProblem(type: string, v: unknown): string | null {
	switch (type) {
		case 'String':
			return typeof v === 'string' ? null : `${show(v)} is not a string`;
		case 'ARN':
			return typeof v === 'string' && ARN.test(v) ? null : `${show(v)} is not an ARN`;
		case 'Bool':
			return typeof v === 'boolean' || (typeof v === 'string' && parseBool(v) !== null)
				? null
				: `${show(v)} is not true or false`;
		case 'Numeric':
			return (typeof v === 'number' && Number.isFinite(v)) ||
				(typeof v === 'string' && parseNumber(v) !== null)
				? null
				: `${show(v)} is not a number`;
		case 'Date':
			return (typeof v === 'number' && Number.isFinite(v) && v >= 0) ||
				(typeof v === 'string' && parseDate(v) !== null)
				? null
				: `${show(v)} is not a date (ISO 8601 or epoch seconds)`;
		case 'IPAddress':
			return typeof v === 'string' && !v.includes('/') && parseIpBlock(v) !== null
				? null
				: `${show(v)} is not an IP address`;
		default:
			return isScalar(v) ? null : `${show(v)} is not a string, number or boolean`;
	}
}

// requests repeat the same few context values: remember each (type, text) verdict
const verdicts = new Map<string, string | null>();
function stringProblem(type: string, v: string): string | null {
	const key = type + '\u0000' + v;
	let reason = verdicts.get(key);
	if (reason === undefined) {
		reason = scalarProblem(type, v);
		if (verdicts.size >= 10000) verdicts.clear();
		verdicts.set(key, reason);
	}
	return reason;
}

const article = (type: string) => (/^[AEIOU]/.test(type) ? 'an' : 'a');

/** Why a request's context does not fit its keys' types, or null. */
export function contextProblem(
	context: Record<string, unknown>,
	typeOf: KeyTypeOf
): RequestProblem | null {
	for (const key of Object.keys(context)) {
		const value = context[key];
		const type = typeOf(key);
		const problem = (reason: string): RequestProblem => ({
			code: 'invalid-context',
			message: `context key "${key}"${type ? ` (${article(type)} ${type} key)` : ''}: ${reason}`
		});
		if (value === null || typeof value === 'object') {
			if (!Array.isArray(value))
				return problem(
					value === null
						? 'null is not a value (leave the key out instead)'
						: 'an object is not a value (give a string, number, boolean or a list of them)'
				);
			if (type && !type.startsWith('ArrayOf'))
				return problem('is single-valued: give one value, not a list');
			const base = type?.slice('ArrayOf'.length);
			for (const item of value) {
				const reason = scalarProblem(base ?? '', item);
				if (reason) return problem(`the list item ${reason}`);
			}
			continue;
		}
		const scalarType = type?.replace(/^ArrayOf/, '') ?? '';
		const reason =
			typeof value === 'string'
				? stringProblem(scalarType, value)
				: scalarProblem(scalarType, value);
		if (reason) return problem(reason);
	}
	return null;
}
