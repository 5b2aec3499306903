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

/** The outcome: decision, the gap layer and the statements that decided (every outcome has all the properties, in this order). */
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

const NO_HITS: StatementHit[] = [];
const NO_LAYERS: LayerName[] = [];
const passes = (l: JudgedLayer) =>
	l.verdict === 'allow' || l.verdict === 'notApplicable' || l.verdict === 'exempt';
function failing(ls: JudgedLayer[]): LayerName[] {
	let out = NO_LAYERS;
	for (const l of ls) if (!passes(l)) (out === NO_LAYERS ? (out = []) : out).push(l.layer);
	return out;
}
function used(ls: JudgedLayer[]): JudgedLayer[] {
	const out: JudgedLayer[] = [];
	for (const l of ls) if (l.verdict === 'allow') out.push(l);
	return out;
}

function grant(layers: Layers, usedLayers: JudgedLayer[], rootAccess = false): Outcome {
	const hits = [...layers.scp.allows];
	for (const l of usedLayers) for (const h of l.allows) hits.push(h);
	return { decision: 'allowed', gap: undefined, hits, missing: NO_LAYERS, rootAccess };
}

const deny = (missing: LayerName[]): Outcome => ({
	decision: 'implicitDeny',
	gap: missing[0],
	hits: NO_HITS,
	missing,
	rootAccess: false
});

function explicitDenies(layers: Layers): StatementHit[] {
	const { rcp, scp, resource, identity, boundary, session } = layers;
	if (
		!rcp.denies.length &&
		!scp.denies.length &&
		!resource.denies.length &&
		!identity.denies.length &&
		!boundary.denies.length &&
		!session.denies.length
	)
		return NO_HITS;
	return [
		...rcp.denies,
		...scp.denies,
		...resource.denies,
		...identity.denies,
		...boundary.denies,
		...session.denies
	];
}

function hasMatch(R: JudgedLayer, kind: PrincipalMatch): boolean {
	for (const h of R.allows) if (h.principalMatch === kind) return true;
	return false;
}

/** Decide. */
export function decide(layers: Layers, s: Situation): Outcome {
	const denies = explicitDenies(layers);
	if (denies.length)
		return {
			decision: 'explicitDeny',
			gap: undefined,
			hits: denies,
			missing: NO_LAYERS,
			rootAccess: false
		};
	if (layers.scp.verdict === 'noAllow') return deny(['scp']);
	const R = layers.resource;
	const rAllows = R.verdict === 'allow';
	const p = s.principal;

	if (p.kind === 'service' || p.kind === 'anonymous' || p.kind === 'federatedProvider') {
		return rAllows ? grant(layers, [R]) : deny(['resource']);
	}
	if (p.kind === 'root') {
		// the identity layer has no Allow only where the root user may not act at all (AssumeRole)
		if (layers.identity.verdict === 'noAllow') return deny(['identity']);
		if (s.resourceKind === 'trust' || s.resourceKind === 'kms' || !s.sameAccount)
			return rAllows ? grant(layers, [R]) : deny(['resource']);
		return grant(layers, rAllows ? [R] : [], true);
	}
	const I = layers.identity;
	const B = layers.boundary;
	const S = layers.session;

	if (!s.sameAccount) {
		// cross-account: the resource's account must grant through a resource-based policy, and the principal's side must allow
		const miss = [...(rAllows ? [] : (['resource'] as LayerName[])), ...failing([I, B, S])];
		return miss.length ? deny(miss) : grant(layers, used([R, I, B, S]));
	}
	if (s.resourceKind !== 'resource' && s.resourceKind !== null && !rAllows)
		return deny(['resource', ...failing([I, B, S])]);

	const wildcard = rAllows && hasMatch(R, 'wildcard');
	const isSession = p.kind === 'session' || p.kind === 'federatedUser' || p.kind === 'role';
	if (p.kind === 'user' && rAllows && (hasMatch(R, 'user') || wildcard)) {
		// a role trust policy naming the user directly still needs the user's boundary to allow (Update a role trust policy, notes)
		if (s.resourceKind !== 'trust') return grant(layers, [R]);
		return passes(B) ? grant(layers, used([R, B])) : deny(['boundary']);
	}
	// a bare role ARN stands for a session of the role without a session policy
	if (isSession && rAllows && (hasMatch(R, 'session') || wildcard)) return grant(layers, [R]);
	let roleGap = NO_LAYERS;
	if (isSession && rAllows && hasMatch(R, 'role')) {
		roleGap = failing([B, S]);
		if (!roleGap.length) return grant(layers, used([R, B, S]));
	}
	const miss = failing([I, B, S]);
	if (!miss.length) return grant(layers, used([R, I, B, S]));
	return deny(roleGap.length ? roleGap : miss);
}
