/**
 * Judge one condition (operator + key) against the request context, following the IAM User Guide:
 * absent or empty keys (positive → false, negated → true, …IfExists → true, ForAllValues → true,
 * ForAnyValue → false), OR across policy values, NOR for negated operators, set operators over
 * multi-valued keys, and Null testing presence.
 */
import type { CompiledCondition } from '../policy/compiled';
import { resolveTemplate, resolvedText, type VariableLookup } from '../policy/variables';
import type { ConditionTrace } from '../types';
import { valueTest, type ValueTest } from './operators';

/** The request context as the engine reads it: lowercase key → string values (undefined when absent). */
export type ContextLookup = VariableLookup;

/** Does the condition hold? (The fast path: no trace, no allocation when its values hold no variable.) */
export function conditionMatches(c: CompiledCondition, ctx: ContextLookup): boolean {
	if (!c.parsed.info) return false;
	if (c.tests) return judge(c, ctx.get(c.keyLower), c.tests);
	return evaluateCondition(c, ctx, false).matched;
}

/** Judge a condition; with `trace`, also report resolved policy values and the request's values. */
export function evaluateCondition(
	c: CompiledCondition,
	ctx: ContextLookup,
	trace: boolean
): { matched: boolean; trace?: ConditionTrace } {
	const info = c.parsed.info;
	const raw = ctx.get(c.keyLower);
	if (info && c.tests !== null) {
		// static values: the pre-built tests, shown as written
		const matched = judge(c, raw, c.tests);
		if (!trace) return { matched };
		const values: string[] = [];
		for (const v of c.values) values.push(v.template.raw);
		return {
			matched,
			trace: { operator: c.operator, key: c.key, values, contextValues: raw ?? null, matched }
		};
	}
	const shown: string[] = [];
	const tests: (ValueTest | null)[] = [];
	if (info) {
		for (const v of c.values) {
			if (v.test !== undefined) {
				tests.push(v.test);
				if (trace) shown.push(v.template.raw);
				continue;
			}
			const r = resolveTemplate(v.template, ctx);
			if (r === null) {
				tests.push(null);
				if (trace) shown.push(`${v.template.raw} (unresolved)`);
			} else {
				tests.push(valueTest(info, r));
				if (trace) shown.push(resolvedText(r));
			}
		}
	}
	const matched = info ? judge(c, raw, tests) : false;
	if (!trace) return { matched };
	return {
		matched,
		trace: {
			operator: c.operator,
			key: c.key,
			values: info ? shown : c.values.map((v) => v.template.raw),
			contextValues: raw ?? null,
			matched
		}
	};
}

function anyMatch(tests: (ValueTest | null)[], v: string): boolean {
	for (const t of tests) if (t !== null && t(v)) return true;
	return false;
}

function isEmpty(raw: string[] | undefined): boolean {
	if (raw === undefined) return true;
	for (const v of raw) if (v !== '') return false;
	return true;
}

const listsEmpty = (c: CompiledCondition): boolean =>
	(c.parsed.info?.family === 'string' ||
		c.parsed.info?.family === 'stringIgnoreCase' ||
		c.parsed.info?.family === 'stringLike') &&
	c.values.some((v) => v.template.raw === '');

function judge(
	c: CompiledCondition,
	raw: string[] | undefined,
	tests: (ValueTest | null)[]
): boolean {
	const info = c.parsed.info!;
	if (info.family === 'null') {
		// Null tests presence: a key present with an empty value still counts as present
		return anyMatch(tests, raw === undefined || raw.length === 0 ? 'true' : 'false');
	}
	const { set, ifExists } = c.parsed;
	if (isEmpty(raw)) {
		// a policy value of exactly "" matches a key present with an empty value (condition operators
		// page: StringLike s3:prefix ["", "home/", …] lets the bucket root be listed)
		if (raw !== undefined && raw.length > 0 && set === null && listsEmpty(c)) return !info.negated;
		if (ifExists) return true;
		if (set === 'all') return true;
		if (set === 'any') return false;
		return info.negated;
	}
	// a value whose variable cannot be resolved is null: it equals nothing, so negated operators match it (variables page, "no value")
	const negated = info.negated;
	// per request value: does it pass (positive: matches some policy value; negated: matches none)?
	let all = true;
	let some = false;
	for (const v of raw!) {
		const passes = anyMatch(tests, v) !== negated;
		all &&= passes;
		some ||= passes;
	}
	if (set === 'all') return all;
	if (set === 'any') return some;
	return negated ? all : some;
}
