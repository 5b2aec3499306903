/**
 * Judge one compiled policy against a request: per statement, whether Action/NotAction,
 * Resource/NotResource, Principal/NotPrincipal and every condition match. Without a trace it
 * stops at the first part that fails; with one it records every part and the resolved values.
 */
import { evaluateCondition, type ContextLookup } from '../conditions/evaluate-condition';
import { arnPiecesSource, hasWildcard, matchAction } from '../match/glob';
import type { ResolvedPrincipal } from '../request/principal';
import type { ConditionTrace, PolicyTrace, StatementTrace } from '../types';
import type { CompiledPolicy, CompiledResource, CompiledStatement } from './compiled';
import { exemptByNotPrincipal, matchPrincipal, type PrincipalMatch } from './principal-match';
import { resolveTemplate, resolvedText } from './variables';

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

const dynamicRegex = new Map<string, RegExp>();

function matchResource(r: CompiledResource, arn: string, ctx: ContextLookup): boolean {
	if (r.any) return true;
	if (r.exact !== undefined) return r.exact === arn;
	if (r.regex) return r.regex.test(arn);
	const resolved = resolveTemplate(r.template, ctx);
	if (!resolved) return false;
	if (!resolved.some((p) => p.glob && hasWildcard(p.text))) return resolvedText(resolved) === arn;
	const source = arnPiecesSource(resolved);
	let re = dynamicRegex.get(source);
	if (!re) {
		if (dynamicRegex.size > 20000) dynamicRegex.clear();
		re = new RegExp(`^${source}$`, 's');
		dynamicRegex.set(source, re);
	}
	return re.test(arn);
}

function principalOf(st: CompiledStatement, req: RequestState): { ok: boolean; match: PrincipalMatch | null } {
	if (!st.principal) return { ok: false, match: null };
	if (!st.notPrincipal) {
		const match = matchPrincipal(st.principal, req.principal);
		return { ok: match !== null, match };
	}
	// NotPrincipal is supported with Deny only
	if (st.effect !== 'Deny') return { ok: false, match: null };
	return { ok: !exemptByNotPrincipal(st.principal, req.principal, req.hasBoundary), match: null };
}

/** Judge one statement; returns the principal match (or null) when it applies, undefined when it does not. */
function judgeStatement(st: CompiledStatement, usesPrincipal: boolean, req: RequestState): { applies: boolean; match: PrincipalMatch | null; trace?: StatementTrace } {
	const action = st.action !== null && matchAction(st.action, req.actionLower) !== st.notAction;
	if (!action && !req.trace) return { applies: false, match: null };
	const resource = st.resources === null ? true : st.resources.some((r) => matchResource(r, req.resource, req.ctx)) !== st.notResource;
	if (!resource && !req.trace) return { applies: false, match: null };
	const p = usesPrincipal ? principalOf(st, req) : null;
	if (p && !p.ok && !req.trace) return { applies: false, match: null };
	let conditionsOk = true;
	const conditions: ConditionTrace[] = [];
	for (const c of st.conditions) {
		const r = evaluateCondition(c, req.ctx, req.trace);
		if (r.trace) conditions.push(r.trace);
		if (!r.matched) {
			conditionsOk = false;
			if (!req.trace) break;
		}
	}
	const applies = action && resource && (p ? p.ok : true) && conditionsOk;
	const match = p?.match ?? null;
	if (!req.trace) return { applies, match };
	return {
		applies,
		match,
		trace: { index: st.index, sid: st.sid, effect: st.effect, action, resource, principal: p ? p.ok : null, conditions, matched: applies }
	};
}

/** Judge a policy against the request. */
export function judgePolicy(policy: CompiledPolicy, req: RequestState): PolicyJudgement {
	const usesPrincipal = policy.type === 'resource' || policy.type === 'rcp';
	const allows: StatementHit[] = [];
	const denies: StatementHit[] = [];
	const statements: StatementTrace[] = [];
	for (const st of policy.statements) {
		const r = judgeStatement(st, usesPrincipal, req);
		if (r.trace) statements.push(r.trace);
		if (!r.applies) continue;
		(st.effect === 'Deny' ? denies : allows).push({ policy, statement: st, principalMatch: r.match });
	}
	const verdict = denies.length ? 'deny' : allows.length ? 'allow' : 'none';
	const out: PolicyJudgement = { policy, verdict, allows, denies };
	if (req.trace) {
		out.trace = { policyId: policy.id, name: policy.name, policyType: policy.type, attachedTo: policy.attachedTo, statements, verdict };
		if (policy.via) out.trace.via = policy.via;
	}
	return out;
}
