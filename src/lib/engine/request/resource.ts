/**
 * What is acted on: the request's resource resolved against the snapshot — its account, its tags,
 * and the resource-based policy that applies (a role's trust policy for sts:AssumeRole*, a KMS key
 * policy, which must allow, or a bucket/queue/… policy; an S3 object takes its bucket's policy).
 */
import { accountOfArn, resourcePolicyId, trustPolicyId } from '../../model/ids';
import type { PolicyDocument } from '../../model/policy-document';
import type { Resource, Role } from '../../model/snapshot';
import type { SnapshotIndex } from '../../model/snapshot-index';
import { compilePolicy } from '../policy/compile';
import type { CompiledPolicy } from '../policy/compiled';
import type { ResourcePolicyKind } from '../flow/decide';
import { resourceContext, type ContextMap } from './context';

/** The actions a role trust policy governs. */
export const TRUST_ACTIONS = new Set([
	'sts:assumerole',
	'sts:assumerolewithsaml',
	'sts:assumerolewithwebidentity',
	'sts:tagsession',
	'sts:setsourceidentity',
	'sts:setcontext'
]);

/** A request resource, resolved. */
export interface ResolvedResource {
	arn: string;
	/** null when neither the request, the snapshot nor the ARN tells. */
	account: string | null;
	kind: ResourcePolicyKind;
	policy: CompiledPolicy | null;
	/** [policy], or empty. */
	policies: CompiledPolicy[];
	awsManagedKey: boolean;
	readonly context: ContextMap;
	warnings: string[];
}

const BUCKET = /^arn:([^:]+):s3:::([^/]+)/;

/** The default key policy KMS gives a key (it delegates to the account, so IAM policies count). */
const defaultKeyPolicy = (account: string): PolicyDocument => ({
	Version: '2012-10-17',
	Statement: [
		{
			Sid: 'Enable IAM User Permissions',
			Effect: 'Allow',
			Principal: { AWS: `arn:aws:iam::${account}:root` },
			Action: 'kms:*',
			Resource: '*'
		}
	]
});
const defaultKeyPolicies = new Map<string, PolicyDocument>();

/** Resolve the resource of a request. */
export function resolveResource(
	index: SnapshotIndex,
	arn: string,
	resourceAccount: string | undefined,
	trustAction: boolean
): ResolvedResource {
	const warnings: string[] = [];
	const b = BUCKET.exec(arn);
	const bucket = b ? b[2] : null;
	let resource: Resource | undefined = index.resources.get(arn);
	if (!resource && b) resource = index.resources.get(`arn:${b[1]}:s3:::${b[2]}`);
	// a qualified Lambda ARN (version or alias) is governed by the function's policy
	const fn = !resource ? /^(arn:[^:]+:lambda:[^:]*:\d{12}:function:[^:]+):[^:]+$/.exec(arn) : null;
	if (fn) resource = index.resources.get(fn[1]);
	const found = index.principals.get(arn);
	const account =
		resourceAccount ??
		resource?.accountId ??
		found?.account.id ??
		accountOfArn(arn) ??
		(bucket ? (index.bucketAccounts.get(bucket) ?? null) : null);
	const tags = resource?.tags ?? found?.entity.tags ?? null;
	const { kind, policy, awsManagedKey } = policyOf(
		index,
		arn,
		resource,
		found?.kind === 'role' ? found.entity : undefined,
		account,
		trustAction,
		warnings
	);
	return new Resolved(arn, account, kind, policy, awsManagedKey, warnings, () =>
		resourceContext(index, account, tags, !resource && !!found)
	);
}

// A class, so that the lazy context getter lives on the prototype: an object literal with its own
// getter gets an object shape of its own, which made every read of a resolved resource slow.
class Resolved implements ResolvedResource {
	#context: ContextMap | null = null;
	readonly policies: CompiledPolicy[];
	constructor(
		readonly arn: string,
		readonly account: string | null,
		readonly kind: ResourcePolicyKind,
		readonly policy: CompiledPolicy | null,
		readonly awsManagedKey: boolean,
		readonly warnings: string[],
		private readonly contextOf: () => ContextMap
	) {
		this.policies = policy ? [policy] : [];
	}
	/** Built on first use: most evaluations never read a context key. */
	get context(): ContextMap {
		return (this.#context ??= this.contextOf());
	}
}

function policyOf(
	index: SnapshotIndex,
	arn: string,
	resource: Resource | undefined,
	role: Role | undefined,
	account: string | null,
	trustAction: boolean,
	warnings: string[]
): { kind: ResourcePolicyKind; policy: CompiledPolicy | null; awsManagedKey: boolean } {
	if (trustAction && /^arn:[^:]+:iam::\d{12}:role\//.test(arn)) {
		if (!role)
			warnings.push(
				`role ${arn} is not in the snapshot: its trust policy is unknown, so it allows no one`
			);
		const policy = compilePolicy(
			role?.trustPolicy,
			{
				id: trustPolicyId(arn),
				label: trustPolicyId(arn),
				name: 'trust policy',
				type: 'resource',
				attachedTo: arn
			},
			index
		);
		return { kind: 'trust', policy, awsManagedKey: false };
	}
	const isKey =
		resource?.kind === 'kms-key' || (!resource && /^arn:[^:]+:kms:[^:]*:\d{12}:key\//.test(arn));
	if (isKey) {
		let doc = resource?.policy ?? null;
		if (!doc && account) {
			warnings.push(
				`the key policy of ${arn} is not in the snapshot; assuming KMS's default key policy (it delegates to account ${account})`
			);
			doc = defaultKeyPolicies.get(account) ?? defaultKeyPolicy(account);
			defaultKeyPolicies.set(account, doc);
		}
		const id = resourcePolicyId(resource?.arn ?? arn);
		const policy = compilePolicy(
			doc,
			{
				id,
				label: id,
				name: 'key policy',
				type: 'resource',
				attachedTo: resource?.arn ?? arn
			},
			index
		);
		return { kind: 'kms', policy, awsManagedKey: resource?.awsManaged === true };
	}
	if (resource?.policy) {
		const id = resourcePolicyId(resource.arn);
		const policy = compilePolicy(
			resource.policy,
			{
				id,
				label: id,
				name: `${resource.kind} policy`,
				type: 'resource',
				attachedTo: resource.arn
			},
			index
		);
		return { kind: 'resource', policy, awsManagedKey: false };
	}
	return { kind: null, policy: null, awsManagedKey: false };
}
