/**
 * AWS's decision from the judged layers, following the enforcement-code order of the IAM User
 * Guide: any explicit Deny → deny; RCPs; SCPs (an Allow at every level); then the resource-based
 * policy, identity policies, permissions boundary and session policy combined by the same-account
 * rules for the kind of principal the resource policy names, or the cross-account rule (both sides).
 */
import type { PrincipalMatch } from '../policy/principal-match';
import type { StatementHit } from '../policy/judge';
import type { ResolvedPrincipal } from '../request/principal';
import type { Decision, LayerName } from '../types';
import type { JudgedLayer } from './layers';

/** Everything the decision needs, layer by layer (in AWS's order). */
export interface Layers {
	rcp: JudgedLayer;
	scp: JudgedLayer;
	resource: JudgedLayer;
	identity: JudgedLayer;
	boundary: JudgedLayer;
	session: JudgedLayer;
}

/** What kind of resource-based policy applies. */
export type ResourcePolicyKind = 'resource' | 'trust' | 'kms' | null;

/** The situation around the layers. */
export interface Situation {
	principal: ResolvedPrincipal;
	sameAccount: boolean;
	resourceKind: ResourcePolicyKind;
}

/** The outcome: decision, the gap layer and the statements that decided. */
export interface Outcome {
	decision: Decision;
	gap?: LayerName;
	/** Deciding statements (denies, or the allows that granted). */
	hits: StatementHit[];
	/** For implicit denies: the layers without an Allow (the first is the gap). */
	missing: LayerName[];
	/** For the root user's implicit full access. */
	rootAccess?: boolean;
}

const ORDER: LayerName[] = ['rcp', 'scp', 'resource', 'identity', 'boundary', 'session'];
const passes = (l: JudgedLayer) => l.verdict === 'allow' || l.verdict === 'notApplicable' || l.verdict === 'exempt';

/** Decide. */
export function decide(layers: Layers, s: Situation): Outcome {
	const all = ORDER.map((n) => layers[n]);
	const denies = all.flatMap((l) => l.denies);
	if (denies.length) return { decision: 'explicitDeny', hits: denies, missing: [] };
	if (layers.scp.verdict === 'noAllow') return { decision: 'implicitDeny', gap: 'scp', hits: [], missing: ['scp'] };
	const scpAllows = layers.scp.allows;
	const grant = (used: JudgedLayer[], rootAccess = false): Outcome => ({
		decision: 'allowed',
		hits: [...scpAllows, ...used.flatMap((l) => l.allows)],
		missing: [],
		rootAccess
	});
	const deny = (missing: LayerName[]): Outcome => ({ decision: 'implicitDeny', gap: missing[0], hits: [], missing });
	const R = layers.resource;
	const matches = new Set<PrincipalMatch | null>(R.allows.map((h) => h.principalMatch));
	const rAllows = R.verdict === 'allow';
	const p = s.principal;

	if (p.kind === 'service' || p.kind === 'anonymous' || p.kind === 'federatedProvider') {
		return rAllows ? grant([R]) : deny(['resource']);
	}
	if (p.kind === 'root') {
		if (s.resourceKind === 'trust' || s.resourceKind === 'kms' || !s.sameAccount) return rAllows ? grant([R]) : deny(['resource']);
		return grant(rAllows ? [R] : [], true);
	}
	const I = layers.identity;
	const B = layers.boundary;
	const S = layers.session;
	const failing = (ls: JudgedLayer[]) => ls.filter((l) => !passes(l)).map((l) => l.layer);
	const used = (ls: JudgedLayer[]) => ls.filter((l) => l.verdict === 'allow');

	if (!s.sameAccount) {
		// cross-account: the resource's account must grant through a resource-based policy, and the principal's side must allow
		const miss = [...(rAllows ? [] : (['resource'] as LayerName[])), ...failing([I, B, S])];
		return miss.length ? deny(miss) : grant(used([R, I, B, S]));
	}
	if (s.resourceKind !== 'resource' && s.resourceKind !== null && !rAllows) return deny(['resource', ...failing([I, B, S])]);

	const isSession = p.kind === 'session' || p.kind === 'federatedUser' || p.kind === 'role';
	if (p.kind === 'user' && (matches.has('user') || matches.has('wildcard'))) {
		// a role trust policy naming the user directly still needs the user's boundary to allow (Update a role trust policy, notes)
		if (s.resourceKind !== 'trust') return grant([R]);
		return passes(B) ? grant(used([R, B])) : deny(['boundary']);
	}
	if (isSession && (matches.has('session') || (matches.has('wildcard') && p.kind !== 'role'))) return grant([R]);
	let roleGap: LayerName[] = [];
	if (isSession && (matches.has('role') || (matches.has('wildcard') && p.kind === 'role'))) {
		roleGap = failing([B, S]);
		if (!roleGap.length) return grant(used([R, B, S]));
	}
	const miss = failing([I, B, S]);
	if (!miss.length) return grant(used([R, I, B, S]));
	return deny(roleGap.length ? roleGap : miss);
}
