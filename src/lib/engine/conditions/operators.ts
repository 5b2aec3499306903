/**
 * The condition operators of the IAM policy language: name parsing (ForAllValues:/ForAnyValue:
 * prefixes, IfExists suffix) and, per family, how one policy value is turned into a test of one
 * request value. Source: the condition operators page of the IAM User Guide.
 */
import { compilePattern } from '../match/pattern';
import { resolvedText, type Resolved } from '../policy/variables';
import { ipInBlock, parseBool, parseDate, parseIpBlock, parseNumber } from './values';

/** Operator families. */
export type Family =
	| 'string'
	| 'stringIgnoreCase'
	| 'stringLike'
	| 'numeric'
	| 'date'
	| 'bool'
	| 'binary'
	| 'ip'
	| 'arn'
	| 'null';

type Compare = 'eq' | 'lt' | 'lte' | 'gt' | 'gte';

/** What an operator does, once its prefix and suffix are removed. */
export interface OperatorInfo {
	family: Family;
	negated: boolean;
	compare: Compare;
	/** Whether policy variables are substituted in its values (string and ARN operators). */
	variables: boolean;
}

const op = (family: Family, negated = false, compare: Compare = 'eq'): OperatorInfo => ({
	family,
	negated,
	compare,
	variables:
		family === 'string' ||
		family === 'stringIgnoreCase' ||
		family === 'stringLike' ||
		family === 'arn'
});

const OPERATORS: Record<string, OperatorInfo> = {
	stringequals: op('string'),
	stringnotequals: op('string', true),
	stringequalsignorecase: op('stringIgnoreCase'),
	stringnotequalsignorecase: op('stringIgnoreCase', true),
	stringlike: op('stringLike'),
	stringnotlike: op('stringLike', true),
	numericequals: op('numeric'),
	numericnotequals: op('numeric', true),
	numericlessthan: op('numeric', false, 'lt'),
	numericlessthanequals: op('numeric', false, 'lte'),
	numericgreaterthan: op('numeric', false, 'gt'),
	numericgreaterthanequals: op('numeric', false, 'gte'),
	dateequals: op('date'),
	datenotequals: op('date', true),
	datelessthan: op('date', false, 'lt'),
	datelessthanequals: op('date', false, 'lte'),
	dategreaterthan: op('date', false, 'gt'),
	dategreaterthanequals: op('date', false, 'gte'),
	bool: op('bool'),
	binaryequals: op('binary'),
	ipaddress: op('ip'),
	notipaddress: op('ip', true),
	arnequals: op('arn'),
	arnlike: op('arn'),
	arnnotequals: op('arn', true),
	arnnotlike: op('arn', true),
	null: op('null')
};

/** A parsed operator name. */
export interface ParsedOperator {
	info: OperatorInfo | null;
	set: 'all' | 'any' | null;
	ifExists: boolean;
}

/** Parse `ForAllValues:StringLikeIfExists` and the like; info is null for an unknown operator. */
export function parseOperator(name: string): ParsedOperator {
	let base = name.trim();
	let set: ParsedOperator['set'] = null;
	const colon = base.indexOf(':');
	if (colon >= 0) {
		const prefix = base.slice(0, colon).toLowerCase();
		set = prefix === 'forallvalues' ? 'all' : prefix === 'foranyvalue' ? 'any' : null;
		if (set === null) return { info: null, set, ifExists: false };
		base = base.slice(colon + 1);
	}
	let lower = base.toLowerCase();
	const ifExists = lower.endsWith('ifexists') && lower !== 'ifexists';
	if (ifExists) lower = lower.slice(0, -'ifexists'.length);
	const info = OPERATORS[lower] ?? null;
	if (info?.family === 'null' && ifExists) return { info: null, set, ifExists };
	return { info, set, ifExists };
}

/** Tests one request value against one policy value. */
export type ValueTest = (requestValue: string) => boolean;

/** Memoised parsing of request values (the same few values recur across requests). */
function memo<T>(parse: (s: string) => T): (s: string) => T {
	const seen = new Map<string, T>();
	return (s) => {
		let v = seen.get(s);
		if (v === undefined && !seen.has(s)) {
			v = parse(s);
			if (seen.size > 10000) seen.clear();
			seen.set(s, v);
		}
		return v as T;
	};
}
const requestNumber = memo(parseNumber);
const requestDate = memo(parseDate);
const requestIp = memo(parseIpBlock);

const cmp = (c: Compare, a: number, b: number): boolean =>
	c === 'eq' ? a === b : c === 'lt' ? a < b : c === 'lte' ? a <= b : c === 'gt' ? a > b : a >= b;

/** Build the test for one (resolved) policy value; null when the policy value is malformed for the family. */
export function valueTest(info: OperatorInfo, value: Resolved): ValueTest | null {
	const text = resolvedText(value);
	switch (info.family) {
		case 'string':
		case 'binary':
			return (v) => v === text;
		case 'stringIgnoreCase': {
			const lower = text.toLowerCase();
			return (v) => v.toLowerCase() === lower;
		}
		case 'stringLike': {
			const p = compilePattern(value, 'plain');
			return (v) => p.test(v);
		}
		case 'arn': {
			const p = compilePattern(value, 'arnCondition');
			return (v) => p.test(v);
		}
		case 'numeric': {
			const n = parseNumber(text);
			if (n === null) return null;
			return (v) => {
				const x = requestNumber(v);
				return x !== null && cmp(info.compare, x, n);
			};
		}
		case 'date': {
			const d = parseDate(text);
			if (d === null) return null;
			return (v) => {
				const x = requestDate(v);
				return x !== null && cmp(info.compare, x, d);
			};
		}
		case 'bool': {
			const b = parseBool(text);
			if (b === null) return null;
			return (v) => parseBool(v) === b;
		}
		case 'ip': {
			const block = parseIpBlock(text);
			if (block === null) return null;
			return (v) => {
				const ip = requestIp(v);
				return ip !== null && ipInBlock(ip, block);
			};
		}
		case 'null': {
			const b = parseBool(text);
			if (b === null) return null;
			// the request "value" for Null is "true" when the key is absent
			return (v) => (v === 'true') === b;
		}
	}
}
