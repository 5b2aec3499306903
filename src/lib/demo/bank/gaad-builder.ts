/**
 * Builds one account's `aws iam get-account-authorization-details` output, in the exact shape
 * AWS CLI v2 prints it, from short specs. Ids, dates, attachment counts and the ARNs of attached
 * policies are filled in here so that the account files stay short and consistent.
 */
import type { PolicyDocument } from '../../model/policy-document';
import { iamArn } from './constants';
import { cliDate, uniqueId } from './stable-values';

/** An inline policy. */
export interface InlineSpec {
	name: string;
	document: PolicyDocument;
}

/** Fields every principal spec shares. Attached policies are given by ARN. */
interface EntitySpec {
	name: string;
	path?: string;
	inline?: InlineSpec[];
	attached?: string[];
}

/** A user. */
export interface UserSpec extends EntitySpec {
	groups?: string[];
	boundary?: string;
	tags?: Record<string, string>;
}

/** A group. */
export type GroupSpec = EntitySpec;

/** A role. */
export interface RoleSpec extends EntitySpec {
	trust: PolicyDocument;
	boundary?: string;
	tags?: Record<string, string>;
	/** Give the role an instance profile of the same name. */
	instanceProfile?: boolean;
	lastUsed?: { date: string; region: string };
}

/** A managed policy: customer-managed unless `aws` is set. Versions oldest first; the last is the default. */
export interface PolicySpec {
	name: string;
	path?: string;
	description?: string;
	versions: PolicyDocument[];
	/** AWS managed: its real version id (e.g. "v12"). */
	aws?: { versionId: string };
}

/** The four lists of GAAD. */
export interface AccountIam {
	users?: UserSpec[];
	groups?: GroupSpec[];
	roles?: RoleSpec[];
	policies?: PolicySpec[];
}

/** ARN of a customer-managed policy in an account, or of an AWS managed one (account 'aws'). */
export const policyArn = (account: string, name: string, path = '/'): string =>
	`arn:aws:iam::${account}:policy${path}${name}`;

const nameOfArn = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);
const tagList = (tags: Record<string, string> | undefined) =>
	Object.entries(tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
const attachedList = (arns: string[] | undefined) =>
	(arns ?? []).map((arn) => ({ PolicyName: nameOfArn(arn), PolicyArn: arn }));
const inlineList = (inline: InlineSpec[] | undefined) =>
	(inline ?? []).map((p) => ({ PolicyName: p.name, PolicyDocument: p.document }));
const boundaryOf = (arn: string | undefined) =>
	arn
		? {
				PermissionsBoundary: {
					PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
					PermissionsBoundaryArn: arn
				}
			}
		: {};

/** Build the GAAD output of one account. */
export function buildGaad(account: string, iam: AccountIam): Record<string, unknown> {
	const users = iam.users ?? [];
	const groups = iam.groups ?? [];
	const roles = iam.roles ?? [];
	const seed = (kind: string, name: string) => `${account}/${kind}/${name}`;
	const UserDetailList = users.map((u) => ({
		Path: u.path ?? '/',
		UserName: u.name,
		UserId: uniqueId('AIDA', seed('user', u.name)),
		Arn: iamArn(account, `user${u.path ?? '/'}${u.name}`),
		CreateDate: cliDate(seed('user', u.name)),
		...(u.inline?.length ? { UserPolicyList: inlineList(u.inline) } : {}),
		GroupList: u.groups ?? [],
		AttachedManagedPolicies: attachedList(u.attached),
		...boundaryOf(u.boundary),
		Tags: tagList(u.tags)
	}));
	const GroupDetailList = groups.map((g) => ({
		Path: g.path ?? '/',
		GroupName: g.name,
		GroupId: uniqueId('AGPA', seed('group', g.name)),
		Arn: iamArn(account, `group${g.path ?? '/'}${g.name}`),
		CreateDate: cliDate(seed('group', g.name), '2021-03-01', 120),
		GroupPolicyList: inlineList(g.inline),
		AttachedManagedPolicies: attachedList(g.attached)
	}));
	const RoleDetailList = roles.map((r) => roleDetail(account, r));
	const Policies = (iam.policies ?? []).map((p) => policyDetail(account, p, iam));
	return { UserDetailList, GroupDetailList, RoleDetailList, Policies };
}

function roleDetail(account: string, r: RoleSpec) {
	const path = r.path ?? '/';
	const created = cliDate(`${account}/role/${r.name}`);
	const role = {
		Path: path,
		RoleName: r.name,
		RoleId: uniqueId('AROA', `${account}/role/${r.name}`),
		Arn: iamArn(account, `role${path}${r.name}`),
		CreateDate: created,
		AssumeRolePolicyDocument: r.trust
	};
	const profiles = r.instanceProfile
		? [
				{
					Path: path,
					InstanceProfileName: r.name,
					InstanceProfileId: uniqueId('AIPA', `${account}/profile/${r.name}`),
					Arn: iamArn(account, `instance-profile${path}${r.name}`),
					CreateDate: created,
					Roles: [role]
				}
			]
		: [];
	return {
		...role,
		InstanceProfileList: profiles,
		RolePolicyList: inlineList(r.inline),
		AttachedManagedPolicies: attachedList(r.attached),
		...boundaryOf(r.boundary),
		Tags: tagList(r.tags),
		RoleLastUsed: r.lastUsed ? { LastUsedDate: r.lastUsed.date, Region: r.lastUsed.region } : {}
	};
}

function policyDetail(account: string, p: PolicySpec, iam: AccountIam) {
	const path = p.path ?? '/';
	const arn = p.aws ? policyArn('aws', p.name, path) : policyArn(account, p.name, path);
	const principals = [...(iam.users ?? []), ...(iam.groups ?? []), ...(iam.roles ?? [])];
	const attachments = principals.filter((e) => e.attached?.includes(arn)).length;
	const boundaryUses = [...(iam.users ?? []), ...(iam.roles ?? [])].filter(
		(e) => e.boundary === arn
	).length;
	const created = cliDate(`${arn}/created`, p.aws ? '2015-02-06' : '2021-04-01', p.aws ? 400 : 200);
	const versionDates = p.versions.map((_, i) =>
		i === 0 ? created : cliDate(`${arn}/v${i + 1}`, '2022-09-01', 500)
	);
	const lastVersion = p.aws ? Number(p.aws.versionId.slice(1)) : p.versions.length;
	const versions = p.versions.map((document, i) => ({
		Document: document,
		VersionId: `v${lastVersion - (p.versions.length - 1 - i)}`,
		IsDefaultVersion: i === p.versions.length - 1,
		CreateDate: versionDates[i]
	}));
	return {
		PolicyName: p.name,
		PolicyId: uniqueId('ANPA', arn),
		Arn: arn,
		Path: path,
		DefaultVersionId: versions[versions.length - 1].VersionId,
		AttachmentCount: attachments,
		PermissionsBoundaryUsageCount: boundaryUses,
		IsAttachable: true,
		...(p.description ? { Description: p.description } : {}),
		CreateDate: created,
		UpdateDate: versionDates[versionDates.length - 1],
		PolicyVersionList: [...versions].reverse()
	};
}
