/**
 * Judge one compiled policy against a request: per statement, whether Action/NotAction,
 * Resource/NotResource, Principal/NotPrincipal and every condition match. Without a trace it
 * looks only at the statements whose action matches (cached per document and action) and stops
 * at the first part that fails; with one it records every part and the resolved values.
 */
import {
	conditionMatches,
	evaluateCondition,
	type ContextLookup
} from '../conditions/evaluate-condition';
import { matchAction } from '../match/actions';
import { globMatch, hasWildcard } from '../match/glob';
import { compilePattern, type Pattern } from '../match/pattern';
import type { ResolvedPrincipal } from '../request/principal';
import type { ConditionTrace, PolicyTrace, StatementTrace } from '../types';
import type { CompiledPolicy, CompiledResource, CompiledStatement } from './compiled';
import { ready } from './compile';
import { exemptByNotPrincipal, matchPrincipal, type PrincipalMatch } from './principal-match';
import {
	resolveTemplate,
	variableText,
	type Resolved,
	type Template,
	type TemplatePart
} from './variables';

/** What a judgement needs to know about the request. */
export interface RequestState {
	actionLower: string;
	resource: string;
	principal: ResolvedPrincipal;
	hasBoundary: boolean;
	ctx: ContextLookup;
	trace: boolean;
}

/** A statement that matched the request. */
export interface StatementHit {
	policy: CompiledPolicy;
	statement: CompiledStatement;
	/** For statements with a Principal: how it named the principal. */
	principalMatch: PrincipalMatch | null;
}

/** One policy's verdict with the statements that matched. */
export interface PolicyJudgement {
	policy: CompiledPolicy;
	verdict: 'allow' | 'deny' | 'none';
	allows: StatementHit[];
	denies: StatementHit[];
	trace?: PolicyTrace;
}

const NONE: StatementHit[] = [];

/** Does a compiled Resource pattern match the ARN (variables resolved from `ctx`)? */
export function matchResource(r: CompiledResource, arn: string, ctx: ContextLookup): boolean {
	if (r.any) return true;
	if (r.exact !== undefined) return r.exact === arn;
	if (r.pattern) return r.pattern.test(arn);
	if (r.never) return false;
	// a pattern with one variable: its matcher is kept per value of the variable
	const single = singleVariable(r.template);
	if (single === null) return matches(matcherOf(resolveTemplate(r.template, ctx)), arn);
	const value = variableText(single, ctx);
	if (value === null) return false;
	let byValue = singleVariableMatchers.get(r);
	if (!byValue) singleVariableMatchers.set(r, (byValue = new Map()));
	let m = byValue.get(value);
	if (m === undefined) {
		m = matcherOf(resolveTemplate(r.template, ctx));
		if (byValue.size > 1000) byValue.clear();
		byValue.set(value, m);
	}
	return matches(m, arn);
}

const singleVariableMatchers = new WeakMap<CompiledResource, Map<string, Pattern | null>>();

/** The template's only variable, or null when it has none or several. */
function singleVariable(t: Template): Extract<TemplatePart, { kind: 'var' }> | null {
	let found: Extract<TemplatePart, { kind: 'var' }> | null = null;
	for (const p of t.parts)
		if (p.kind === 'var') {
			if (found) return null;
			found = p;
		}
	return found;
}

/** A resolved pattern's matcher, or null when a variable is unresolved. */
const matcherOf = (resolved: Resolved | null): Pattern | null =>
	resolved && compilePattern(resolved, 'resource');

const matches = (m: Pattern | null, arn: string): boolean => m !== null && m.test(arn);

const wildOnly = (seg: string) => /^\**$/.test(seg);

/**
 * A request on "*" (an action with no resource type, e.g. s3:ListAllMyBuckets) is covered by a
 * Resource of "*" or by an ARN pattern of the action's service whose other parts are all wildcards
 * (the evaluation-logic page's example: Resource "arn:aws:s3:::*" allows listing all buckets).
 */
function coversEverything(r: CompiledResource, actionLower: string): boolean {
	if (r.any) return true;
	if (r.never) return false;
	const parts = r.template.raw.split(':');
	if (parts.length < 6 || parts[0] !== 'arn') return false;
	const service = actionLower.slice(0, actionLower.indexOf(':'));
	const serviceOk =
		parts[2] === service || (hasWildcard(parts[2]) && globMatch(parts[2].toLowerCase(), service));
	return (
		serviceOk &&
		wildOnly(parts[3]) &&
		wildOnly(parts[4]) &&
		parts.slice(5).join(':') !== '' &&
		wildOnly(parts.slice(5).join(':'))
	);
}

function resourceMatches(st: CompiledStatement, req: RequestState): boolean {
	if (st.resources === null) return true;
	let any = false;
	const everything = req.resource === '*';
	for (const r of st.resources) {
		// with NotAction only Resource "*" covers an action that needs "*" (NotAction page: NotAction
		// s3:DeleteBucket on arn:aws:s3:::* does not allow ListAllMyBuckets)
		const covers = everything
			? st.notAction
				? r.any === true
				: coversEverything(r, req.actionLower)
			: matchResource(r, req.resource, req.ctx);
		if (covers) {
			any = true;
			break;
		}
	}
	return any !== st.notResource;
}

/** How the statement's Principal/NotPrincipal applies: undefined when it does not, else the match kind (null for NotPrincipal). */
function principalOf(st: CompiledStatement, req: RequestState): PrincipalMatch | null | undefined {
	if (!st.principal) return undefined;
	if (!st.notPrincipal) return matchPrincipal(st.principal, req.principal) ?? undefined;
	// NotPrincipal is supported with Deny only
	if (st.effect !== 'Deny') return undefined;
	return exemptByNotPrincipal(st.principal, req.principal, req.hasBoundary) ? undefined : null;
}

function conditionsMatch(st: CompiledStatement, req: RequestState): boolean {
	for (const c of st.conditions) if (!conditionMatches(c, req.ctx)) return false;
	return true;
}

/** The statements of a policy whose Action/NotAction match the action (cached per document). */
export function candidates(policy: CompiledPolicy, actionLower: string): CompiledStatement[] {
	let list = policy.byAction.get(actionLower);
	if (list === undefined) {
		list = policy.statements.filter(
			(st) => st.action !== null && matchAction(st.action, actionLower) !== st.notAction
		);
		if (policy.byAction.size > 5000) policy.byAction.clear();
		policy.byAction.set(actionLower, list);
	}
	return list;
}

/**
 * The fast path's test of one candidate statement (its Action/NotAction already matched):
 * Resource, then Principal (resource policies and RCPs), then conditions. The hit, or null.
 */
export function hitOf(
	policy: CompiledPolicy,
	candidate: CompiledStatement,
	usesPrincipal: boolean,
	req: RequestState
): StatementHit | null {
	const st = candidate.pending === null ? candidate : ready(candidate);
	if (!resourceMatches(st, req)) return null;
	let match: PrincipalMatch | null = null;
	if (usesPrincipal) {
		const p = principalOf(st, req);
		if (p === undefined) return null;
		match = p;
	}
	if (st.conditions.length && !conditionsMatch(st, req)) return null;
	return { policy, statement: st, principalMatch: match };
}

function traceStatement(
	st: CompiledStatement,
	action: boolean,
	usesPrincipal: boolean,
	req: RequestState
): { applies: boolean; match: PrincipalMatch | null; trace: StatementTrace } {
	const resource = resourceMatches(st, req);
	const p = usesPrincipal ? principalOf(st, req) : null;
	const principalOk = p !== undefined;
	let conditionsOk = true;
	const conditions: ConditionTrace[] = [];
	for (const c of st.conditions) {
		const r = evaluateCondition(c, req.ctx, true);
		conditions.push(r.trace!);
		if (!r.matched) conditionsOk = false;
	}
	const applies = action && resource && principalOk && conditionsOk;
	const trace = {
		index: st.index,
		sid: st.sid,
		effect: st.effect,
		action,
		resource,
		principal: usesPrincipal ? principalOk : null,
		conditions,
		matched: applies
	};
	return { applies, match: p ?? null, trace };
}

/** Judge a policy against the request. */
export function judgePolicy(policy: CompiledPolicy, req: RequestState): PolicyJudgement {
	const usesPrincipal = policy.type === 'resource' || policy.type === 'rcp';
	let allows = NONE;
	let denies = NONE;
	if (!req.trace) {
		for (const candidate of candidates(policy, req.actionLower)) {
			const hit = hitOf(policy, candidate, usesPrincipal, req);
			if (hit === null) continue;
			if (hit.statement.effect === 'Deny') (denies === NONE ? (denies = []) : denies).push(hit);
			else (allows === NONE ? (allows = []) : allows).push(hit);
		}
		if (allows === NONE && denies === NONE)
			return (
				policy.nothing ??
				(policy.nothing = {
					policy,
					verdict: 'none',
					allows: NONE as never[],
					denies: NONE as never[]
				})
			);
		return {
			policy,
			verdict: denies.length ? 'deny' : allows.length ? 'allow' : 'none',
			allows,
			denies
		};
	}
	const statements: StatementTrace[] = [];
	// the statements whose Action/NotAction match, in statement order (cached per document and action)
	const matching = candidates(policy, req.actionLower);
	let next = 0;
	for (const st of policy.statements) {
		const action = matching[next] === st;
		if (action) next++;
		const r = traceStatement(ready(st), action, usesPrincipal, req);
		statements.push(r.trace);
		if (!r.applies) continue;
		const hit = { policy, statement: st, principalMatch: r.match };
		if (st.effect === 'Deny') (denies === NONE ? (denies = []) : denies).push(hit);
		else (allows === NONE ? (allows = []) : allows).push(hit);
	}
	const verdict = denies.length ? 'deny' : allows.length ? 'allow' : 'none';
	const trace: PolicyTrace = {
		policyId: policy.id,
		name: policy.name,
		policyType: policy.type,
		attachedTo: policy.attachedTo,
		statements,
		verdict
	};
	if (policy.via) trace.via = policy.via;
	return { policy, verdict, allows, denies, trace };
}
