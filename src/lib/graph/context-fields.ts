/**
 * The request-context fields the trace offers besides the defaults: the condition keys AWS
 * documents for the chosen action (from the catalog) and the keys the policies that decided the
 * result test, each with its type — from AWS's table of global keys, else from the operator a
 * policy tests it with (Bool → Boolean, IpAddress → IP address, Date… → Date, Numeric… → Numeric,
 * Arn… → ARN), else String. Pure.
 */
import type { EvalResult } from '../engine/types';

/** The types AWS documents for condition values. */
export type ContextKeyType =
	'String' | 'Bool' | 'Date' | 'Numeric' | 'IPAddress' | 'ARN' | 'ArrayOfString';

/** Types of the global condition keys (docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html). */
const GLOBAL_TYPES: Record<string, ContextKeyType> = {
	'aws:securetransport': 'Bool',
	'aws:multifactorauthpresent': 'Bool',
	'aws:viaawsservice': 'Bool',
	'aws:principalisawsservice': 'Bool',
	'aws:ec2instancesourceprivateipv4': 'IPAddress',
	'aws:sourceip': 'IPAddress',
	'aws:vpcsourceip': 'IPAddress',
	'aws:currenttime': 'Date',
	'aws:tokenissuetime': 'Date',
	'aws:epochtime': 'Numeric',
	'aws:multifactorauthage': 'Numeric',
	'aws:principalarn': 'ARN',
	'aws:sourcearn': 'ARN',
	'aws:calledvia': 'ArrayOfString',
	'aws:tagkeys': 'ArrayOfString',
	'aws:principalorgpaths': 'ArrayOfString',
	'aws:resourceorgpaths': 'ArrayOfString'
};

/** A key's type from the operator a policy tests it with, or null. */
export function typeFromOperator(operator: string): ContextKeyType | null {
	const op = operator.replace(/^For(AllValues|AnyValue):/i, '').replace(/IfExists$/, '');
	if (op === 'Bool') return 'Bool';
	if (op.startsWith('Date')) return 'Date';
	if (op.startsWith('Numeric')) return 'Numeric';
	if (op.endsWith('IpAddress')) return 'IPAddress';
	if (op.startsWith('Arn')) return 'ARN';
	return null;
}

/** A key's type: the documented global type, else `fallback`, else String. */
export function contextKeyType(
	key: string,
	fallback: ContextKeyType | null = null
): ContextKeyType {
	return GLOBAL_TYPES[key.toLowerCase()] ?? fallback ?? 'String';
}

/** One offered field. */
export interface ContextField {
	key: string;
	type: ContextKeyType;
	/** Why it is offered, in words. */
	from: string;
}

/** The fields to offer: keys the deciding policies test, then the action's documented keys; minus keys already set. */
export function offeredContextFields(
	action: string | null,
	actionKeys: string[],
	result: EvalResult | null,
	present: Iterable<string>
): ContextField[] {
	const have = new Set([...present].map((k) => k.toLowerCase()));
	const out = new Map<string, ContextField>();
	const add = (key: string, type: ContextKeyType, from: string) => {
		const k = key.toLowerCase();
		if (!have.has(k) && !out.has(k) && !key.includes('${')) out.set(k, { key, type, from });
	};
	for (const layer of result?.layers ?? [])
		for (const p of [...layer.policies, ...(layer.levels ?? []).flatMap((l) => l.policies)])
			for (const s of p.statements)
				for (const c of s.conditions ?? [])
					add(
						c.key,
						contextKeyType(c.key, typeFromOperator(c.operator)),
						`tested by ${p.name || p.policyId}`
					);
	for (const key of actionKeys) add(key, contextKeyType(key), `documented for ${action}`);
	return [...out.values()];
}
