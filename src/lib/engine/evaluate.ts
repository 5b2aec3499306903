/**
 * The IAM policy evaluator: `createEvaluator(snapshot)` indexes and compiles once, then answers
 * requests synchronously and deterministically with AWS's decision and its reasons (see
 * docs/aws-semantics.md at the repository root, and the cases in ./cases). It never throws on odd
 * policies: what it cannot read it reports as warnings.
 */
import type { Snapshot } from '../model/snapshot';
import { indexSnapshot } from '../model/snapshot-index';
import { decide, type Layers } from './flow/decide';
import { judgeChain, judgeLayer, layerTrace, skippedLayer } from './flow/layers';
import { nodeDisplay } from './flow/policy-sets';
import { chainCache, principalEntry, type PrincipalEntry } from './flow/principal-entry';
import { requestLayers } from './flow/request-layers';
import { ready } from './policy/compile';
import type { CompiledPolicy, CompiledStatement } from './policy/compiled';
import { servicesOf } from './match/actions';
import { candidates, matchResource, type RequestState } from './policy/judge';
import type { ContextLookup } from './conditions/evaluate-condition';
import { ContextStack } from './request/context';
import { resolveResource, TRUST_ACTIONS, type ResolvedResource } from './request/resource';
import { outcomeReasons, summarize } from './trace/reasons';
import type { ContextValue, Decision, EvalRequest, EvalResult } from './types';

/** Options of one evaluation. */
export interface EvalOptions {
	/** Build the full trace (layers, statements, context). Default true; false returns decision, reasons and gap only. */
	trace?: boolean;
	/** Write the plain-words summary and reason messages. Defaults to `trace`. */
	summary?: boolean;
	/** Write each reason's message (with `summary`). Defaults to `summary`; false keeps the summary but leaves the reasons without messages (the CLI prints none). */
	messages?: boolean;
}

/** One row of a who-can answer. */
export interface WhoCanEntry {
	principal: string;
	decision: Decision;
}

/** An identity-policy statement whose Action/NotAction covers an action (Resource and Condition not judged). */
export interface StatementRef {
	/** The Reason's `policy`: managed policy ARN or inline policy name. */
	policy: string;
	/** Model id of the policy (model/ids.ts). */
	policyId: string;
	/** The user or role ARN; the group ARN for group policies. */
	attachedTo: string;
	/** Index of the statement in the document, from 0. */
	index: number;
	/** Sid, or the index as a string. */
	statement: string;
	effect: 'Allow' | 'Deny';
}

/** An evaluator bound to one snapshot. */
export interface Evaluator {
	/** Decide one request. */
	evaluate(req: EvalRequest, options?: EvalOptions): EvalResult;
	/** Decide one action on one resource for every user and role of the snapshot. */
	whoCan(action: string, resource: string, context?: Record<string, ContextValue>): WhoCanEntry[];
	/** Every user and role ARN of the snapshot. */
	principals(): string[];
	/**
	 * The principal's identity-policy statements whose Action/NotAction covers the action, in
	 * policy then statement order, Resource and Condition not judged: a sound pre-filter for the
	 * analyses (no Allow here → identity policies allow the action on nothing) and the statements
	 * what-can shows. Empty for the root user, services and unknown principals. With a resource
	 * ARN, only the statements whose Resource/NotResource may match it (a pattern with a variable
	 * may): no Allow left → identity policies do not allow the action on that resource.
	 */
	identityStatements(principal: string, action: string, resource?: string): StatementRef[];
	/**
	 * The services (lowercase) whose actions some identity-policy statement of the principal may
	 * cover by its Action, or null when one may cover any service (NotAction, `*`, a wildcard in
	 * the service part): an action of another service has no identity statement at all.
	 */
	identityServices(principal: string): Set<string> | null;
	/**
	 * Whether the principal's decision for the action is the same for every resource of one account
	 * that has no resource-based policy and the same request context: every statement of its
	 * identity policies, boundary and SCP/RCP chains that covers the action has `Resource: "*"`,
	 * no NotResource, and no condition on a resource key (aws:Resource*, iam:ResourceTag/*) or with
	 * a variable. Lets the analyses decide once for a whole account's users, groups and policies.
	 */
	resourceIndependent(principal: string, action: string): boolean;
	/**
	 * A key for the class of a resource: for one principal, action and request context (no session
	 * policy), two resources with the same non-null key get the same decision and reasons. The key
	 * is which statements of the principal's identity policies, boundary and SCP/RCP chains that
	 * cover the action have a Resource/NotResource matching the ARN (the evaluator's own matcher),
	 * with the resource's account and kind. null when the resource could be decided differently
	 * for another reason: it has a resource-based policy, is `*`, its account is unknown, or one of
	 * those statements has a Resource with a variable or a condition on a resource key or with a
	 * variable. Lets the analyses decide once per class instead of once per resource.
	 */
	resourceClass(
		principal: string,
		action: string,
		resource: string,
		resourceAccount?: string
	): string | null;
	/** Resolve and compile every principal now (e.g. in a worker right after loading), so the first who-can is as fast as the next. */
	prepare(): void;
}

const NO_RESOURCE_POLICY = skippedLayer('resource', 'notApplicable', 'no resource-based policy');
const NO_BOUNDARY = skippedLayer('boundary', 'notApplicable', 'no permissions boundary');

/**
 * Create an evaluator for a snapshot (indexes and compiles lazily, caching per principal and resource).
 * Policy documents — the snapshot's and a request's session policy — are compiled once per object
 * and evaluator: treat them as immutable and pass a new object after an edit.
 */
export function createEvaluator(snapshot: Snapshot): Evaluator {
	const index = indexSnapshot(snapshot);
	const chains = chainCache(index);
	const entries = new Map<string, PrincipalEntry>();
	const resources = new Map<string, Map<string, ResolvedResource>>();
	const trustResources = new Map<string, Map<string, ResolvedResource>>();
	let resourceCount = 0;
	// one canonical lowercase string per action, so the per-document caches compare keys by identity
	const actionNames = new Map<string, string>();
	const lowerNames = new Map<string, string>();
	const canonicalAction = (action: string): string => {
		let lower = actionNames.get(action);
		if (lower === undefined) {
			if (actionNames.size > 50000) {
				actionNames.clear();
				lowerNames.clear();
			}
			const l = action.toLowerCase();
			lower = lowerNames.get(l) ?? l;
			lowerNames.set(l, lower);
			actionNames.set(action, lower);
		}
		return lower;
	};
	const describe = (id: string) =>
		index.orgUnits.has(id) || index.orgAccounts.has(id) ? nodeDisplay(index, id) : id;

	function entryOf(principal: string): PrincipalEntry {
		let e = entries.get(principal);
		if (!e) {
			e = principalEntry(index, principal, chains);
			entries.set(principal, e);
		}
		return e;
	}
	let lastArn = '';
	let lastAccount: string | undefined;
	let lastTrust = false;
	let last: ResolvedResource | null = null;
	function resourceOf(arn: string, account: string | undefined, trust: boolean): ResolvedResource {
		if (last !== null && lastArn === arn && lastAccount === account && lastTrust === trust)
			return last;
		// per kind (trust or not), per account ('' when not given), per ARN
		const byAccount = trust ? trustResources : resources;
		let byArn = byAccount.get(account || '');
		if (!byArn) byAccount.set(account || '', (byArn = new Map()));
		let r = byArn.get(arn);
		if (!r) {
			if (++resourceCount > 100000) {
				resources.clear();
				trustResources.clear();
				resourceCount = 0;
				byAccount.set(account || '', (byArn = new Map()));
			}
			r = resolveResource(index, arn, account, trust);
			byArn.set(arn, r);
		}
		lastArn = arn;
		lastAccount = account;
		lastTrust = trust;
		return (last = r);
	}

	const { rcpLayer, sessionLayer, identityLayer } = requestLayers(index, chains);

	function evaluate(req: EvalRequest, options: EvalOptions = {}): EvalResult {
		const trace = options.trace !== false;
		const explain = options.summary ?? trace;
		const actionLower = canonicalAction(String(req.action));
		const e = entryOf(String(req.principal));
		const p = e.p;
		const r = resourceOf(String(req.resource), req.resourceAccount, TRUST_ACTIONS.has(actionLower));
		const warnings = e.warnings.length || r.warnings.length ? [...e.warnings, ...r.warnings] : [];
		const ctx = new ContextStack(req.context, e, r);
		const state: RequestState = {
			actionLower,
			resource: String(req.resource),
			principal: p,
			hasBoundary: e.boundary !== null,
			ctx,
			trace
		};
		const iam = p.kind !== 'service' && p.kind !== 'anonymous' && p.kind !== 'federatedProvider';
		if (r.account === null && iam)
			warnings.push(
				`the account of ${req.resource} is unknown; assumed to be the principal's (${p.account})`
			);
		const sameAccount = r.account === null || r.account === p.account;
		const layers: Layers = {
			rcp: rcpLayer(e, r, r.account ?? (iam ? p.account : null), actionLower, state),
			scp: 'chain' in e.scp ? judgeChain('scp', e.scp.chain, state) : e.scp.layer,
			resource: r.policy ? judgeLayer('resource', r.policies, state) : NO_RESOURCE_POLICY,
			identity: identityLayer(e, state),
			boundary: e.boundary ? judgeLayer('boundary', e.boundaries, state) : NO_BOUNDARY,
			session: sessionLayer(req, e, state, warnings)
		};
		const outcome = decide(layers, { principal: p, sameAccount, resourceKind: r.kind });
		const messages = explain && options.messages !== false;
		const reasons = outcomeReasons(
			outcome,
			layers,
			req.action,
			p.input,
			messages ? describe : null
		);
		// an SCP gap's summary quotes its first reason's message
		const worded =
			explain && !messages && outcome.gap === 'scp'
				? outcomeReasons(outcome, layers, req.action, p.input, describe)
				: reasons;
		const summary = explain ? summarize(outcome, layers, worded, req.action, describe) : '';
		const result: EvalResult = {
			decision: outcome.decision,
			reasons,
			layers: [],
			context: {},
			summary,
			warnings
		};
		if (outcome.gap) result.gap = outcome.gap;
		if (trace) {
			const all = [
				layers.rcp,
				layers.scp,
				layers.resource,
				layers.identity,
				layers.boundary,
				layers.session
			];
			result.layers = all.map(layerTrace);
			result.context = ctx.record();
			for (const l of all)
				for (const j of l.judgements)
					for (const w of j.policy.warnings) warnings.push(`${j.policy.name}: ${w}`);
		}
		return result;
	}

	const principals = () =>
		snapshot.accounts.flatMap((a) => [...a.users.map((u) => u.arn), ...a.roles.map((r) => r.arn)]);
	return {
		evaluate,
		principals,
		prepare() {
			for (const p of principals()) entryOf(p);
		},
		resourceIndependent(principal, action) {
			const e = entryOf(principal);
			const a = canonicalAction(action);
			const sets: CompiledPolicy[][] = [e.identity, e.boundaries];
			if ('chain' in e.scp) for (const level of e.scp.chain) sets.push(level.policies);
			if (e.p.account) for (const level of chains(e.p.account, 'RCP')) sets.push(level.policies);
			for (const set of sets)
				for (const policy of set)
					for (const st of candidates(policy, a)) if (!anyResource(ready(st))) return false;
			return true;
		},
		resourceClass(principal, action, resource, resourceAccount) {
			if (resource === '*') return null;
			const e = entryOf(principal);
			const a = canonicalAction(action);
			const r = resourceOf(resource, resourceAccount, TRUST_ACTIONS.has(a));
			if (r.policy || r.account === null || r.awsManagedKey) return null;
			const sets: CompiledPolicy[][] = [e.identity, e.boundaries];
			if ('chain' in e.scp) for (const level of e.scp.chain) sets.push(level.policies);
			for (const level of chains(r.account, 'RCP')) sets.push(level.policies);
			let key = `${r.account}|${r.kind}|`;
			for (const set of sets)
				for (const policy of set)
					for (const c of candidates(policy, a)) {
						const m = classBit(ready(c), resource);
						if (m === null) return null;
						key += m;
					}
			return key;
		},
		identityServices(principal) {
			const out = new Set<string>();
			for (const policy of entryOf(principal).identity)
				for (const st of policy.statements) {
					if (st.action === null) continue;
					const services = st.notAction ? null : servicesOf(st.action);
					if (services === null) return null;
					for (const s of services) out.add(s);
				}
			return out;
		},
		identityStatements(principal, action, resource) {
			const e = entryOf(principal);
			const actionLower = canonicalAction(action);
			let out: StatementRef[] | null = null;
			for (const policy of e.identity)
				for (const st of candidates(policy, actionLower)) {
					if (resource !== undefined && resource !== '*' && !mayMatch(ready(st), resource))
						continue;
					(out ??= []).push({
						policy: policy.label,
						policyId: policy.id,
						attachedTo: policy.attachedTo,
						index: st.index,
						statement: st.label,
						effect: st.effect
					});
				}
			return out ?? [];
		},
		whoCan(action, resource, context) {
			return principals().map((principal) => ({
				principal,
				decision: evaluate(
					{ principal, action, resource, context },
					{ trace: false, summary: false }
				).decision
			}));
		}
	};
}

const RESOURCE_KEY = /^(aws:resource|iam:resourcetag\/)/;

const NO_CONTEXT: ContextLookup = { get: () => undefined } as unknown as ContextLookup;

/** Whether a statement's Resource/NotResource may match the ARN (a pattern with a variable may). */
function mayMatch(st: CompiledStatement, arn: string): boolean {
	if (st.resources === null) return true;
	let hit = false;
	for (const r of st.resources) {
		if (!r.any && r.exact === undefined && !r.pattern && !r.never) return true;
		if (!hit && matchResource(r, arn, NO_CONTEXT)) hit = true;
	}
	return hit !== st.notResource;
}

/** '1'/'0': whether a statement's Resource/NotResource matches the ARN; null when that or its conditions could depend on the resource otherwise. */
function classBit(st: CompiledStatement, arn: string): '0' | '1' | null {
	for (const c of st.conditions) if (c.tests === null || RESOURCE_KEY.test(c.keyLower)) return null;
	if (st.resources === null) return '1';
	let hit = false;
	for (const r of st.resources) {
		if (!r.any && r.exact === undefined && !r.pattern && !r.never) return null;
		if (!hit && matchResource(r, arn, NO_CONTEXT)) hit = true;
	}
	return hit !== st.notResource ? '1' : '0';
}

/** A statement that matches every resource alike: Resource "*", and conditions on request or principal keys only. */
function anyResource(st: CompiledStatement): boolean {
	if (st.notResource || st.resources === null || !st.resources.every((r) => r.any === true))
		return false;
	for (const c of st.conditions)
		if (c.tests === null || RESOURCE_KEY.test(c.keyLower)) return false;
	return true;
}
