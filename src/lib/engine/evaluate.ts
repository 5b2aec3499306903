/**
 * The IAM policy evaluator: `createEvaluator(snapshot)` indexes and compiles once, then answers
 * requests synchronously and deterministically with AWS's decision and its reasons (see
 * ../../../shared/docs/aws-semantics.md and the cases in ./cases). It never throws on odd
 * policies: what it cannot read it reports as warnings.
 */
import type { Snapshot } from '../model/snapshot';
import { indexSnapshot } from '../model/snapshot-index';
import { RCP_SUPPORTED_SERVICES } from './data/rcp-supported-services';
import { decide, type Layers } from './flow/decide';
import { judgeChain, judgeLayer, layerTrace, skippedLayer, type JudgedLayer } from './flow/layers';
import { nodeDisplay } from './flow/policy-sets';
import { chainCache, principalEntry, type PrincipalEntry } from './flow/principal-entry';
import { compilePolicy } from './policy/compile';
import type { RequestState } from './policy/judge';
import { contextLookup, contextRecord, requestContext } from './request/context';
import { boundaryOf } from './request/principal';
import { resolveResource, TRUST_ACTIONS, type ResolvedResource } from './request/resource';
import { outcomeReasons, summarize } from './trace/reasons';
import type { ContextValue, Decision, EvalRequest, EvalResult } from './types';

/** Options of one evaluation. */
export interface EvalOptions {
	/** Build the full trace (layers, statements, context). Default true; false returns decision, reasons, gap and summary only. */
	trace?: boolean;
}

/** One row of a who-can answer. */
export interface WhoCanEntry {
	principal: string;
	decision: Decision;
}

/** An evaluator bound to one snapshot. */
export interface Evaluator {
	/** Decide one request. */
	evaluate(req: EvalRequest, options?: EvalOptions): EvalResult;
	/** Decide one action on one resource for every user and role of the snapshot. */
	whoCan(action: string, resource: string, context?: Record<string, ContextValue>): WhoCanEntry[];
	/** Every user and role ARN of the snapshot. */
	principals(): string[];
}

const RCP_SERVICES = new Set(RCP_SUPPORTED_SERVICES);

/** Create an evaluator for a snapshot (indexes and compiles lazily, caching per principal and resource). */
export function createEvaluator(snapshot: Snapshot): Evaluator {
	const index = indexSnapshot(snapshot);
	const chains = chainCache(index);
	const entries = new Map<string, PrincipalEntry>();
	const resources = new Map<string, ResolvedResource>();
	const org = snapshot.organization;
	const describe = (id: string) => (index.orgUnits.has(id) || index.orgAccounts.has(id) ? nodeDisplay(index, id) : id);

	const entryOf = (principal: string) => {
		let e = entries.get(principal);
		if (!e) {
			e = principalEntry(index, principal, chains);
			entries.set(principal, e);
		}
		return e;
	};
	const resourceOf = (arn: string, account: string | undefined, trust: boolean) => {
		const key = `${arn}|${account ?? ''}|${trust ? 1 : 0}`;
		let r = resources.get(key);
		if (!r) {
			if (resources.size > 100000) resources.clear();
			r = resolveResource(index, arn, account, trust);
			resources.set(key, r);
		}
		return r;
	};

	function rcpLayer(e: PrincipalEntry, r: ResolvedResource, actionLower: string, state: RequestState): JudgedLayer {
		const service = actionLower.split(':')[0];
		if (!org || !r.account || !index.orgAccounts.has(r.account)) return skippedLayer('rcp', 'notApplicable', 'the resource is outside the organization');
		if (org.managementAccountId === r.account) return skippedLayer('rcp', 'exempt', 'management-account resources: RCPs do not apply');
		if (!RCP_SERVICES.has(service)) return skippedLayer('rcp', 'notApplicable', `RCPs do not support ${service}`);
		if (e.p.serviceLinked) return skippedLayer('rcp', 'exempt', 'service-linked role: RCPs do not apply');
		if (r.awsManagedKey) return skippedLayer('rcp', 'exempt', 'AWS managed KMS key: RCPs do not apply');
		if (actionLower === 'kms:retiregrant') return skippedLayer('rcp', 'exempt', 'kms:RetireGrant: RCPs do not apply');
		return judgeChain('rcp', chains(r.account, 'RCP'), state);
	}

	function evaluate(req: EvalRequest, options: EvalOptions = {}): EvalResult {
		const trace = options.trace !== false;
		const actionLower = String(req.action).toLowerCase();
		const e = entryOf(String(req.principal));
		const p = e.p;
		const r = resourceOf(String(req.resource), req.resourceAccount, TRUST_ACTIONS.has(actionLower));
		const warnings = [...e.warnings, ...r.warnings];
		const reqCtx = requestContext(req.context);
		const layersCtx = [reqCtx, e.context, r.context];
		const state: RequestState = { actionLower, resource: String(req.resource), principal: p, hasBoundary: boundaryOf(p) !== null, ctx: contextLookup(layersCtx), trace };
		const iam = p.kind !== 'service' && p.kind !== 'anonymous' && p.kind !== 'federatedProvider';
		const isSession = p.kind === 'session' || p.kind === 'federatedUser';
		if (r.account === null && iam) warnings.push(`the account of ${req.resource} is unknown; assumed to be the principal's (${p.account})`);
		const sameAccount = r.account === null || r.account === p.account;

		let session: JudgedLayer;
		if (isSession && req.sessionPolicy) {
			const origin = { id: `${p.input}#session`, label: 'session-policy', name: 'session policy', type: 'session' as const, attachedTo: p.input };
			session = judgeLayer('session', [compilePolicy(req.sessionPolicy, origin)], state);
		} else if (p.kind === 'federatedUser') {
			session = { ...judgeLayer('session', [], state), note: 'a GetFederationToken session without a session policy has no permissions' };
		} else {
			if (req.sessionPolicy) warnings.push('a session policy applies only to session principals; it was ignored');
			session = skippedLayer('session', 'notApplicable', 'no session policy');
		}
		const layers: Layers = {
			rcp: rcpLayer(e, r, actionLower, state),
			scp: 'chain' in e.scp ? judgeChain('scp', e.scp.chain, state) : skippedLayer('scp', e.scp.skip, e.scp.note),
			resource: r.policy ? judgeLayer('resource', [r.policy], state) : skippedLayer('resource', 'notApplicable', 'no resource-based policy'),
			identity:
				p.kind === 'root'
					? { ...judgeLayer('identity', e.identity, state), verdict: 'allow', note: 'the account root user has full access to its own account' }
					: iam
						? judgeLayer('identity', e.identity, state)
						: skippedLayer('identity', 'notApplicable', 'not an IAM principal'),
			boundary: e.boundary ? judgeLayer('boundary', [e.boundary], state) : skippedLayer('boundary', 'notApplicable', 'no permissions boundary'),
			session
		};
		const outcome = decide(layers, { principal: p, sameAccount, resourceKind: r.kind });
		const reasons = outcomeReasons(outcome, layers, req.action, p.input, describe);
		const summary = summarize(outcome, layers, reasons, req.action, describe);
		const result: EvalResult = { decision: outcome.decision, reasons, layers: [], context: {}, summary, warnings };
		if (outcome.gap) result.gap = outcome.gap;
		if (trace) {
			const all = [layers.rcp, layers.scp, layers.resource, layers.identity, layers.boundary, layers.session];
			result.layers = all.map(layerTrace);
			result.context = contextRecord(layersCtx);
			for (const l of all) for (const j of l.judgements) warnings.push(...j.policy.warnings);
		}
		return result;
	}

	const principals = () => snapshot.accounts.flatMap((a) => [...a.users.map((u) => u.arn), ...a.roles.map((r) => r.arn)]);
	return {
		evaluate,
		principals,
		whoCan(action, resource, context) {
			return principals().map((principal) => ({ principal, decision: evaluate({ principal, action, resource, context }, { trace: false }).decision }));
		}
	};
}
