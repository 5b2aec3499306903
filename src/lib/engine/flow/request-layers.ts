/**
 * The layers of one request that depend on more than the principal: the RCP chain of the
 * resource's account (with the documented exemptions), the session policy and the identity layer
 * (with the root user's implicit access). Built once per evaluator.
 */
import type { SnapshotIndex } from '../../model/snapshot-index';
import { RCP_SUPPORTED_SERVICES } from '../data/rcp-supported-services';
import { compilePolicy } from '../policy/compile';
import type { RequestState } from '../policy/judge';
import type { ResolvedResource } from '../request/resource';
import type { EvalRequest } from '../types';
import { judgeChain, judged, judgeLayer, skippedLayer, type JudgedLayer } from './layers';
import type { ChainLevel } from './policy-sets';
import type { PrincipalEntry } from './principal-entry';

const RCP_SERVICES = new Set(RCP_SUPPORTED_SERVICES);
const RCP_OUTSIDE = skippedLayer(
	'rcp',
	'notApplicable',
	'the resource is outside the organization'
);
const RCP_MANAGEMENT = skippedLayer(
	'rcp',
	'exempt',
	'management-account resources: RCPs do not apply'
);
const RCP_SLR = skippedLayer('rcp', 'exempt', 'service-linked role: RCPs do not apply');
const RCP_AWS_KEY = skippedLayer('rcp', 'exempt', 'AWS managed KMS key: RCPs do not apply');
const RCP_RETIRE = skippedLayer('rcp', 'exempt', 'kms:RetireGrant: RCPs do not apply');
const NOT_IAM = skippedLayer('identity', 'notApplicable', 'not an IAM principal');
const NO_SESSION = skippedLayer('session', 'notApplicable', 'no session policy');

/** The request-dependent layer builders of one evaluator. */
export function requestLayers(
	index: SnapshotIndex,
	chains: (account: string, type: 'SCP' | 'RCP') => ChainLevel[]
) {
	const org = index.snapshot.organization;
	const rcpSupport = new Map<string, JudgedLayer | null>();
	function rcpUnsupported(actionLower: string): JudgedLayer | null {
		let v = rcpSupport.get(actionLower);
		if (v === undefined) {
			const colon = actionLower.indexOf(':');
			const service = colon < 0 ? actionLower : actionLower.slice(0, colon);
			v = RCP_SERVICES.has(service)
				? null
				: skippedLayer('rcp', 'notApplicable', `RCPs do not support ${service}`);
			if (rcpSupport.size > 50000) rcpSupport.clear();
			rcpSupport.set(actionLower, v);
		}
		return v;
	}

	function rcpLayer(
		e: PrincipalEntry,
		r: ResolvedResource,
		account: string | null,
		actionLower: string,
		state: RequestState
	): JudgedLayer {
		if (!org || !account || !index.orgAccounts.has(account)) return RCP_OUTSIDE;
		if (org.managementAccountId === account) return RCP_MANAGEMENT;
		const unsupported = rcpUnsupported(actionLower);
		if (unsupported) return unsupported;
		if (e.p.serviceLinked) return RCP_SLR;
		if (r.awsManagedKey) return RCP_AWS_KEY;
		if (actionLower === 'kms:retiregrant') return RCP_RETIRE;
		return judgeChain('rcp', chains(account, 'RCP'), state);
	}

	function sessionLayer(
		req: EvalRequest,
		e: PrincipalEntry,
		state: RequestState,
		warnings: string[]
	): JudgedLayer {
		const p = e.p;
		if ((p.kind === 'session' || p.kind === 'federatedUser') && req.sessionPolicy) {
			const origin = {
				id: `${p.input}#session`,
				label: 'session-policy',
				name: 'session policy',
				type: 'session' as const,
				attachedTo: p.input
			};
			return judgeLayer('session', [compilePolicy(req.sessionPolicy, origin, index)], state);
		}
		if (p.kind === 'federatedUser')
			return judgeLayer(
				'session',
				[],
				state,
				'a GetFederationToken session without a session policy has no permissions'
			);
		if (req.sessionPolicy)
			warnings.push('a session policy applies only to session principals; it was ignored');
		return NO_SESSION;
	}

	function identityLayer(e: PrincipalEntry, state: RequestState): JudgedLayer {
		const kind = e.p.kind;
		if (kind === 'service' || kind === 'anonymous' || kind === 'federatedProvider') return NOT_IAM;
		// STS AssumeRole API: "You cannot use AWS account root user credentials to call AssumeRole"
		if (kind === 'root' && state.actionLower === 'sts:assumerole')
			return judgeLayer('identity', [], state, 'the account root user cannot call sts:AssumeRole');
		const flat =
			state.trace || e.identity.length < 2 ? null : e.identityCandidates(state.actionLower);
		const l = judgeLayer('identity', e.identity, state, undefined, flat);
		if (kind === 'root' && l.verdict !== 'deny')
			return judged(
				l.layer,
				'allow',
				'the account root user has full access to its own account',
				l.policies,
				l.judgements,
				l.allows,
				l.denies,
				l.levels,
				l.noAllow
			);
		return l;
	}

	return { rcpLayer, sessionLayer, identityLayer };
}
