/**
 * The deciding reasons and the plain-words summary of a decision: the explicit denies, or the
 * allows that granted, or for an implicit deny the layers that had no Allow (for SCPs, each level
 * of the chain that lacked one), each keyed to model ids.
 */
import type { Outcome, Layers } from '../flow/decide';
import type { StatementHit } from '../policy/judge';
import type { CompiledPolicy } from '../policy/compiled';
import type { LayerName, PolicyType, Reason } from '../types';

const TYPE_WORDS: Record<PolicyType, string> = {
	identity: 'identity policy',
	resource: 'resource-based policy',
	scp: 'SCP',
	rcp: 'RCP',
	boundary: 'permissions boundary',
	session: 'session policy'
};
const LAYER_WORDS: Record<LayerName, string> = {
	rcp: 'RCP',
	scp: 'SCP',
	resource: 'resource-based policy',
	identity: 'identity policy',
	boundary: 'permissions boundary',
	session: 'session policy'
};

/** Words for where a policy is attached (org nodes by name, others by ARN). */
export type Describe = (attachedTo: string) => string;

function resourcePolicyWords(p: CompiledPolicy): string {
	return p.id.endsWith('#trust')
		? 'trust policy'
		: p.attachedTo.includes(':kms:')
			? 'key policy'
			: 'resource-based policy';
}

function policyWords(h: StatementHit, describe: Describe): string {
	const p = h.policy;
	if (p.type === 'resource')
		return `the ${resourcePolicyWords(p)} of ${describe(p.attachedTo)}, statement ${h.statement.label}`;
	const name = p.label === p.name ? p.name : `${p.name} (${p.label})`;
	return `${TYPE_WORDS[p.type]} ${name} attached to ${describe(p.attachedTo)}, statement ${h.statement.label}`;
}

/** A Reason from a matched statement (with a message when `describe` is given). */
export function hitReason(h: StatementHit, describe: Describe | null): Reason {
	const { policy, statement } = h;
	const r: Reason = {
		effect: statement.effect,
		policyType: policy.type,
		policy: policy.label,
		attachedTo: policy.attachedTo,
		statement: statement.label,
		policyId: policy.id
	};
	if (describe)
		r.message = `${statement.effect === 'Deny' ? 'Denied by' : 'Allowed by'} ${policyWords(h, describe)}`;
	return r;
}

function gapReason(
	type: PolicyType,
	attachedTo: string,
	policy: CompiledPolicy | null,
	what: string | null
): Reason {
	const r: Reason = {
		effect: 'ImplicitDeny',
		policyType: type,
		policy: policy ? policy.label : '',
		attachedTo,
		statement: ''
	};
	if (policy) r.policyId = policy.id;
	if (what !== null) r.message = what;
	return r;
}

function gapReasons(
	layer: LayerName,
	layers: Layers,
	action: string,
	principal: string,
	explain: boolean
): Reason[] {
	const l = layers[layer];
	const out: Reason[] = [];
	if (l.noAllow) {
		for (const level of l.noAllow) {
			const what = explain ? `No SCP attached to ${level.display} allows ${action}` : null;
			if (!level.policies.length) out.push(gapReason(layer, level.nodeId, null, what));
			for (const p of level.policies) out.push(gapReason(layer, level.nodeId, p, what));
		}
		return out;
	}
	const what = explain ? `No ${LAYER_WORDS[layer]} allows ${action}` : null;
	if (!l.policies.length) out.push(gapReason(layer, principal, null, what));
	for (const p of l.policies) out.push(gapReason(layer, p.attachedTo, p, what));
	return out;
}

/** The reasons of an outcome, in evaluation order (messages only when `describe` is given). */
export function outcomeReasons(
	o: Outcome,
	layers: Layers,
	action: string,
	principal: string,
	describe: Describe | null
): Reason[] {
	if (o.decision !== 'implicitDeny') {
		const reasons: Reason[] = [];
		for (const h of o.hits) reasons.push(hitReason(h, describe));
		if (o.rootAccess) {
			reasons.push({
				effect: 'Allow',
				policyType: 'identity',
				policy: '',
				attachedTo: principal,
				statement: '',
				message: 'The account root user has full access to its own account'
			});
		}
		return reasons;
	}
	if (o.missing.length === 1)
		return gapReasons(o.missing[0], layers, action, principal, describe !== null);
	const reasons: Reason[] = [];
	for (const layer of o.missing)
		for (const r of gapReasons(layer, layers, action, principal, describe !== null))
			reasons.push(r);
	return reasons;
}

/** A one-line summary of the outcome. */
export function summarize(
	o: Outcome,
	layers: Layers,
	reasons: Reason[],
	action: string,
	describe: Describe
): string {
	if (o.decision === 'explicitDeny') {
		const more = o.hits.length > 1 ? ` (and ${o.hits.length - 1} more)` : '';
		return `${policyWords(o.hits[0], describe).replace(/^/, 'Denied by ')}${more}`;
	}
	if (o.decision === 'allowed') {
		if (o.rootAccess) return `Allowed: the account root user has full access to its own account`;
		const grant =
			o.hits.find((h) => h.policy.type === 'resource') ??
			o.hits.find((h) => h.policy.type === 'identity') ??
			o.hits[0];
		return grant ? `Allowed by ${policyWords(grant, describe)}` : `Allowed`;
	}
	const gap = o.gap!;
	const first = reasons[0];
	if (gap === 'scp' && first) return `Implicitly denied: ${first.message}`;
	const rp = layers.resource.policies[0];
	if (gap === 'resource' && rp)
		return `Implicitly denied: the ${resourcePolicyWords(rp)} of ${describe(rp.attachedTo)} does not allow ${action} for this principal`;
	if (gap === 'resource')
		return `Implicitly denied: no resource-based policy grants ${action} (needed across accounts and for callers without IAM policies)`;
	const where = layers[gap].policies.length ? '' : ' (none applies)';
	return `Implicitly denied: no ${LAYER_WORDS[gap]} allows ${action}${where}`;
}
