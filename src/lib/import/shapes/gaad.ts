/**
 * GAAD (`aws iam get-account-authorization-details`) → users, groups, roles and managed
 * policies, split by the account in each entity's ARN (a file may hold several accounts).
 * Entities whose ARN carries no account (sanitised `arn:aws:iam::aws:user/…`) go to the
 * account folder the file sits in, or to the file's only account. AWS-managed policies are
 * listed in every account of the file. Dangling references are kept as they are.
 */
import type {
	Group,
	InlinePolicy,
	InstanceProfile,
	ManagedPolicy,
	PolicyVersion,
	Role,
	User
} from '../../model/snapshot';
import { accountOfArn, isAwsManagedPolicyArn } from '../../model/ids';
import { ReadContext, tagsOf } from './read-context';
import type { Gaad } from '../schemas/gaad.validate.js';
import type { IamGetRole } from '../schemas/iam-get-role.validate.js';

/** The IAM data of one account read from one file. */
export interface AccountPart {
	accountId: string;
	users: User[];
	groups: Group[];
	roles: Role[];
	policies: ManagedPolicy[];
	/** The lists the file carried (a filtered GAAD, `--filter Role`, carries only some). */
	lists: GaadList[];
}

/** The four lists of a GAAD, by their model names. */
export type GaadList = 'users' | 'groups' | 'roles' | 'policies';

/** One entry of a GAAD list, as gaad.schema.json (and its generated type) describes it. */
type Entry<L> = L extends readonly (infer E)[] ? E : never;
type RawUser = Entry<Gaad['UserDetailList']>;
type RawGroup = Entry<Gaad['GroupDetailList']>;
type GaadRole = Entry<Gaad['RoleDetailList']>;
/** A GAAD RoleDetail or get-role's Role (iam-get-role.schema.json): each carries some fields. */
type RawRole = Partial<GaadRole> & Partial<IamGetRole['Role']> & Pick<GaadRole, 'Arn' | 'RoleName'>;
type RawPolicy = Entry<Gaad['Policies']>;
type RawInline = { PolicyName: string; PolicyDocument: unknown };

function inline(ctx: ReadContext, list: RawInline[] | undefined, base: string): InlinePolicy[] {
	const out: InlinePolicy[] = [];
	if (!list) return out;
	for (let i = 0; i < list.length; i++) {
		const document = ctx.policy(list[i].PolicyDocument, `${base}/${i}/PolicyDocument`);
		if (document) out.push({ name: list[i].PolicyName, document });
	}
	return out;
}

const attached = (list: { PolicyArn: string }[] | undefined): string[] =>
	list ? list.map((a) => a.PolicyArn) : [];

function readUser(ctx: ReadContext, u: RawUser, p: string): User {
	return {
		arn: u.Arn,
		name: u.UserName,
		id: u.UserId ?? '',
		path: u.Path ?? '/',
		createDate: ctx.date(u.CreateDate, `${p}/CreateDate`),
		inlinePolicies: inline(ctx, u.UserPolicyList, `${p}/UserPolicyList`),
		attachedPolicies: attached(u.AttachedManagedPolicies),
		groups: u.GroupList ?? [],
		permissionsBoundary: u.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
		tags: tagsOf(u.Tags)
	};
}

function readGroup(ctx: ReadContext, g: RawGroup, p: string): Group {
	return {
		arn: g.Arn,
		name: g.GroupName,
		id: g.GroupId ?? '',
		path: g.Path ?? '/',
		createDate: ctx.date(g.CreateDate, `${p}/CreateDate`),
		inlinePolicies: inline(ctx, g.GroupPolicyList, `${p}/GroupPolicyList`),
		attachedPolicies: attached(g.AttachedManagedPolicies)
	};
}

/** A RoleDetail (GAAD) or Role (get-role) → Role. */
export function readRole(ctx: ReadContext, r: RawRole, p: string): Role {
	const profiles: InstanceProfile[] = (r.InstanceProfileList ?? []).map((ip) => ({
		arn: ip.Arn,
		name: ip.InstanceProfileName,
		id: ip.InstanceProfileId ?? '',
		path: ip.Path ?? '/'
	}));
	const used = r.RoleLastUsed;
	return {
		arn: r.Arn,
		name: r.RoleName,
		id: r.RoleId ?? '',
		path: r.Path ?? '/',
		createDate: ctx.date(r.CreateDate, `${p}/CreateDate`),
		inlinePolicies: inline(ctx, r.RolePolicyList, `${p}/RolePolicyList`),
		attachedPolicies: attached(r.AttachedManagedPolicies),
		trustPolicy:
			r.AssumeRolePolicyDocument === undefined
				? null
				: ctx.policy(r.AssumeRolePolicyDocument, `${p}/AssumeRolePolicyDocument`),
		permissionsBoundary: r.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
		tags: tagsOf(r.Tags),
		instanceProfiles: profiles,
		lastUsed: used
			? {
					date: ctx.date(used.LastUsedDate, `${p}/RoleLastUsed/LastUsedDate`),
					region: used.Region ?? null
				}
			: null,
		description: r.Description ?? null,
		maxSessionDuration: r.MaxSessionDuration ?? null
	};
}

function readPolicy(ctx: ReadContext, m: RawPolicy, p: string): ManagedPolicy {
	const versions: PolicyVersion[] = [];
	const list = m.PolicyVersionList ?? [];
	for (let i = 0; i < list.length; i++) {
		const v = list[i];
		const document = ctx.policy(v.Document, `${p}/PolicyVersionList/${i}/Document`);
		if (document)
			versions.push({
				versionId: v.VersionId,
				isDefault: v.IsDefaultVersion ?? v.VersionId === m.DefaultVersionId,
				createDate: ctx.date(v.CreateDate, `${p}/PolicyVersionList/${i}/CreateDate`),
				document
			});
	}
	return {
		arn: m.Arn,
		name: m.PolicyName,
		id: m.PolicyId ?? null,
		path: m.Path ?? '/',
		awsManaged: isAwsManagedPolicyArn(m.Arn),
		defaultVersionId: m.DefaultVersionId ?? null,
		description: m.Description ?? null,
		createDate: ctx.date(m.CreateDate, `${p}/CreateDate`),
		updateDate: ctx.date(m.UpdateDate, `${p}/UpdateDate`),
		attachmentCount: m.AttachmentCount ?? null,
		permissionsBoundaryUsageCount: m.PermissionsBoundaryUsageCount ?? null,
		isAttachable: m.IsAttachable ?? null,
		versions
	};
}

/** Read a validated GAAD into one part per account. */
export function readGaad(
	ctx: ReadContext,
	gaad: Gaad,
	folderAccount: string | null
): AccountPart[] {
	const seen = new Set<string>();
	const users = gaad.UserDetailList ?? [];
	const groups = gaad.GroupDetailList ?? [];
	const roles = gaad.RoleDetailList ?? [];
	const policies = gaad.Policies ?? [];
	for (const list of [users, groups, roles, policies])
		for (const e of list) {
			const a = accountOfArn(e.Arn);
			if (a) seen.add(a);
		}
	const fallback = folderAccount ?? (seen.size === 1 ? [...seen][0] : null);
	const carried: GaadList[] = (['users', 'groups', 'roles', 'policies'] as const).filter(
		(_, i) =>
			gaad[(['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'] as const)[i]] !==
			undefined
	);
	const parts = new Map<string, AccountPart>();
	const part = (id: string) => {
		let p = parts.get(id);
		if (!p)
			parts.set(
				id,
				(p = { accountId: id, users: [], groups: [], roles: [], policies: [], lists: carried })
			);
		return p;
	};
	for (const a of seen) part(a);
	if (folderAccount && seen.size > 0 && !seen.has(folderAccount))
		ctx.warn(
			'account-folder-mismatch',
			`This file sits in the folder of account ${folderAccount}, but its ARNs name ${[...seen].join(', ')}; the ARNs were followed.`,
			''
		);
	const owner = (arn: string, pointer: string): AccountPart | null => {
		const id = accountOfArn(arn) ?? fallback;
		if (id) return part(id);
		ctx.error(
			'no-account',
			`Cannot tell which account "${arn}" belongs to: its ARN has no account id and the file holds several accounts. Put the file in an <account-id>/ folder.`,
			pointer
		);
		return null;
	};
	for (let i = 0; i < users.length; i++)
		owner(users[i].Arn, `/UserDetailList/${i}/Arn`)?.users.push(
			readUser(ctx, users[i], `/UserDetailList/${i}`)
		);
	for (let i = 0; i < groups.length; i++)
		owner(groups[i].Arn, `/GroupDetailList/${i}/Arn`)?.groups.push(
			readGroup(ctx, groups[i], `/GroupDetailList/${i}`)
		);
	for (let i = 0; i < roles.length; i++)
		owner(roles[i].Arn, `/RoleDetailList/${i}/Arn`)?.roles.push(
			readRole(ctx, roles[i], `/RoleDetailList/${i}`)
		);
	const awsManaged: ManagedPolicy[] = [];
	for (let i = 0; i < policies.length; i++) {
		const policy = readPolicy(ctx, policies[i], `/Policies/${i}`);
		if (!policy.awsManaged) owner(policy.arn, `/Policies/${i}/Arn`)?.policies.push(policy);
		else awsManaged.push(policy);
	}
	// AWS-managed policies belong to no account: list them in every account of the file.
	if (awsManaged.length > 0 && parts.size === 0 && fallback) part(fallback);
	if (awsManaged.length > 0 && parts.size === 0)
		ctx.error(
			'no-account',
			'Cannot tell which account this file describes: no ARN in it carries an account id.',
			'/Policies'
		);
	for (const p of parts.values()) p.policies.push(...awsManaged);
	return [...parts.values()];
}
