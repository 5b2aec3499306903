/**
 * The evaluator's request, decision and trace: plain data keyed to model ids (see model/ids.ts),
 * so the CLI prints it, the worker posts it and the graph lights it up without translation.
 * Contract shared by engine/, graph/ and the UI: fields may be added, not renamed or removed.
 */
import type { PolicyDocument } from '../model/policy-document';

/** A context value as a request supplies it. */
export type ContextValue = string | number | boolean | Array<string | number | boolean>;

/** One question: may `principal` do `action` on `resource`? */
export interface EvalRequest {
	/** User/role ARN, assumed-role session ARN (arn:aws:sts::…:assumed-role/R/s), `arn:aws:iam::<acct>:root`, a service principal (`s3.amazonaws.com`) or `*` (anonymous). */
	principal: string;
	action: string;
	resource: string;
	/** The resource's account when its ARN does not say (S3); looked up in the snapshot otherwise. */
	resourceAccount?: string;
	/** Request context keys (aws:SourceIp, aws:RequestedRegion, …); override what the snapshot fills in. */
	context?: Record<string, ContextValue>;
	/** Session policy passed when the session was created (applies to session principals only). */
	sessionPolicy?: PolicyDocument;
}

/** The IAM policy simulator's decision names. */
export type Decision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** The policy types of the CLI output. Role trust and KMS key policies are `resource`. */
export type PolicyType = 'identity' | 'resource' | 'scp' | 'rcp' | 'boundary' | 'session';

/** One deciding reason, in evaluation order (the CLI's `reasons` line items). */
export interface Reason {
	effect: 'Allow' | 'Deny' | 'ImplicitDeny';
	policyType: PolicyType;
	/** Policy ARN, SCP/RCP id (p-…), or inline policy name. */
	policy: string;
	/** Principal ARN, org node id (r-…, ou-…, account id) or resource ARN. */
	attachedTo: string;
	/** Sid, or the statement index from 0 as a string; "" for an ImplicitDeny with no statement. */
	statement: string;
	/** Model id of the policy (model/ids.ts), for the graph. */
	policyId?: string;
	/** Plain-words explanation of this reason. */
	message?: string;
}

/** How one condition (operator + key) was judged. */
export interface ConditionTrace {
	operator: string;
	key: string;
	/** Policy values after variable substitution. */
	values: string[];
	/** The request's values for the key; null when the key was absent. */
	contextValues: string[] | null;
	matched: boolean;
}

/** How one statement was judged. */
export interface StatementTrace {
	index: number;
	sid: string | null;
	effect: 'Allow' | 'Deny';
	/** Did Action/NotAction match? */
	action: boolean;
	/** Did Resource/NotResource match (true when the policy type has no Resource, e.g. trust)? */
	resource: boolean;
	/** Did Principal/NotPrincipal match (null when the policy type has no principal element)? */
	principal: boolean | null;
	conditions: ConditionTrace[];
	/** All of the above: the statement applies to the request. */
	matched: boolean;
}

/** How one policy was judged. */
export interface PolicyTrace {
	/** Model id of the policy (ARN, p-…, or a derived id from model/ids.ts). */
	policyId: string;
	/** Display name: policy name, inline name, SCP name. */
	name: string;
	policyType: PolicyType;
	/** Where it is attached: principal ARN, group ARN, org node id or resource ARN. */
	attachedTo: string;
	/** For identity policies reached through a group: the group ARN. */
	via?: string;
	statements: StatementTrace[];
	/** allow: some Allow matched and no Deny; deny: some Deny matched; none: nothing matched. */
	verdict: 'allow' | 'deny' | 'none';
}

/** One level of an SCP or RCP chain (root, an OU, the account). */
export interface OrgLevelTrace {
	nodeId: string;
	policies: PolicyTrace[];
	verdict: 'allow' | 'deny' | 'noAllow';
}

/** The layers AWS evaluates, as named in the trace. */
export type LayerName = 'rcp' | 'scp' | 'resource' | 'identity' | 'boundary' | 'session';

/** How one layer of the evaluation went. */
export interface LayerTrace {
	layer: LayerName;
	/**
	 * allow / deny / noAllow (the layer needed an Allow and had none),
	 * notApplicable (no such policy for this request), exempt (e.g. SCPs for the management account).
	 */
	verdict: 'allow' | 'deny' | 'noAllow' | 'notApplicable' | 'exempt';
	/** Why, in plain words (e.g. "management account: SCPs do not apply"). */
	note?: string;
	policies: PolicyTrace[];
	/** SCP/RCP only: each level of the org chain, root first. */
	levels?: OrgLevelTrace[];
}

/** The evaluator's full answer. */
export interface EvalResult {
	decision: Decision;
	/** The deciding reasons in evaluation order: the explicit denies, or the allows, or the gaps. */
	reasons: Reason[];
	/** Every layer, in AWS's evaluation order. */
	layers: LayerTrace[];
	/** The layer that failed to allow (the "gap"), when the decision is implicitDeny. */
	gap?: LayerName;
	/** Context keys as evaluated (snapshot-filled plus request-supplied). */
	context: Record<string, ContextValue>;
	/** Plain-words summary, e.g. "Denied: no SCP at ou-… allows s3:GetObject". */
	summary: string;
	/** Warnings (unknown principal, unresolved policy reference, …). */
	warnings: string[];
}
