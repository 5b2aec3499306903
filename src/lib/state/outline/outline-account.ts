/**
 * The outline inside one account: users, groups and roles with the policies attached to them,
 * the account's managed policies, and its resources. References that point at nothing in the
 * snapshot (a policy attached but not listed, a group name with no group) stay visible, flagged.
 */
import { policyIn } from '../../model/snapshot-index';
import type {
	Account,
	Group,
	IamEntity,
	ManagedPolicy,
	Resource,
	Role,
	User
} from '../../model/snapshot';
import { danglingKey } from './outline-dangling';
import {
	byName,
	folder,
	node,
	plural,
	present,
	type OutlineContext,
	type OutlineNode
} from './outline-node';

/** The children of an account node: folders for each kind of entity the account holds. */
export function accountChildren(
	index: OutlineContext,
	account: Account,
	parentId: string
): OutlineNode[] {
	const sorted = <T extends { name: string }>(list: T[]) =>
		[...list].sort(byName((t: T) => t.name));
	// Who each managed policy is attached to, built once when the policies folder opens.
	let byPolicy: Map<string, IamEntity[]> | null = null;
	const holders = () => (byPolicy ??= policyHolders(account));
	return present([
		folder(parentId, 'users', 'Users', sorted(account.users), (id, u) =>
			userNode(index, account, id, u)
		),
		folder(parentId, 'groups', 'Groups', sorted(account.groups), (id, g) =>
			groupNode(index, account, id, g)
		),
		folder(parentId, 'roles', 'Roles', sorted(account.roles), (id, r) =>
			roleNode(index, account, id, r)
		),
		folder(parentId, 'policies', 'Managed policies', sorted(account.policies), (id, p) =>
			managedPolicyNode(holders(), id, p)
		),
		folder(parentId, 'resources', 'Resources', sorted(account.resources), resourceNode)
	]);
}

/** One-line summary of an account's IAM contents. */
export function accountSummary(account: Account): string {
	return [
		plural(account.users.length, 'user'),
		plural(account.groups.length, 'group'),
		plural(account.roles.length, 'role'),
		plural(account.policies.length, 'policy').replace('policys', 'policies'),
		plural(account.resources.length, 'resource')
	].join(' · ');
}

function userNode(
	index: OutlineContext,
	account: Account,
	parentId: string,
	user: User
): OutlineNode {
	const groupRefs = user.groups.map((name) => {
		const dangling = index.dangling.has(danglingKey('group', user.arn, name));
		return node('', {
			key: `group:${name}`,
			kind: 'group',
			label: name,
			detail: 'member of',
			dangling: dangling ? `No group named “${name}” in account ${account.id}` : undefined
		});
	});
	return entityNode(index, account, parentId, user, 'user', groupRefs, user.permissionsBoundary);
}

function groupNode(
	index: OutlineContext,
	account: Account,
	parentId: string,
	group: Group
): OutlineNode {
	const members = account.users
		.filter((u) => u.groups.includes(group.name))
		.sort(byName((u: User) => u.name))
		.map((u) =>
			node('', { key: `member:${u.arn}`, kind: 'user', label: u.name, detail: 'member' })
		);
	return entityNode(index, account, parentId, group, 'group', members, null);
}

function roleNode(
	index: OutlineContext,
	account: Account,
	parentId: string,
	role: Role
): OutlineNode {
	const extra = role.trustPolicy
		? [
				node('', {
					key: 'trust',
					kind: 'policy',
					label: 'Trust policy',
					detail: trustSummary(role)
				})
			]
		: [];
	return entityNode(index, account, parentId, role, 'role', extra, role.permissionsBoundary);
}

/** A user, group or role with its (lazily built) references: extra rows, policies, boundary. */
function entityNode(
	index: OutlineContext,
	account: Account,
	parentId: string,
	entity: IamEntity,
	kind: 'user' | 'group' | 'role',
	extra: OutlineNode[],
	boundary: string | null
): OutlineNode {
	const id = `${parentId}>${entity.arn}`;
	const build = (): OutlineNode[] => {
		const attached = entity.attachedPolicies.map((arn) =>
			policyRef(index, account, entity.arn, arn, 'attached')
		);
		const inline = entity.inlinePolicies.map((p) =>
			node('', { key: `inline:${p.name}`, kind: 'policy', label: p.name, detail: 'inline policy' })
		);
		const bound = boundary
			? [policyRef(index, account, entity.arn, boundary, 'permissions boundary')]
			: [];
		// Children get their ids from this node so they are unique in the tree.
		return [...extra, ...attached, ...inline, ...bound].map((c) => ({ ...c, id: `${id}>${c.id}` }));
	};
	const childCount =
		extra.length +
		entity.attachedPolicies.length +
		entity.inlinePolicies.length +
		(boundary ? 1 : 0);
	// Counted from the keys, without building the rows.
	const dangling =
		extra.filter((c) => c.dangling).length +
		entity.attachedPolicies.filter((arn) =>
			index.dangling.has(danglingKey('managed-policy', entity.arn, arn))
		).length +
		(boundary && index.dangling.has(danglingKey('permissions-boundary', entity.arn, boundary))
			? 1
			: 0);
	return {
		id,
		kind,
		label: entity.name,
		detail: entity.arn,
		count: childCount,
		badges: dangling ? [plural(dangling, 'dangling reference')] : undefined,
		childCount,
		children: build
	};
}

/** A reference to a managed policy by ARN, flagged when the account does not list it. */
function policyRef(
	index: OutlineContext,
	account: Account,
	from: string,
	arn: string,
	how: string
): OutlineNode {
	const policy = policyIn(index, account.id, arn);
	const kind = how === 'attached' ? 'managed-policy' : 'permissions-boundary';
	const dangling = index.dangling.has(danglingKey(kind, from, arn));
	return node('', {
		key: `${how}:${arn}`,
		kind: 'policy',
		label: policy?.name ?? arn.split('/').pop() ?? arn,
		detail: how,
		badges: policy?.awsManaged ? ['AWS managed'] : undefined,
		dangling: dangling
			? `Policy ${arn} is ${how} but not listed in account ${account.id}`
			: undefined
	});
}

function managedPolicyNode(
	byPolicy: Map<string, IamEntity[]>,
	parentId: string,
	policy: ManagedPolicy
): OutlineNode {
	const holders = byPolicy.get(policy.arn) ?? [];
	const id = `${parentId}>${policy.arn}`;
	return {
		id,
		kind: 'policy',
		label: policy.name,
		detail: policy.arn,
		count: holders.length,
		badges: [
			...(policy.awsManaged ? ['AWS managed'] : []),
			...(policy.defaultVersionId
				? [`default ${policy.defaultVersionId} of ${policy.versions.length}`]
				: [])
		],
		childCount: holders.length,
		children: () =>
			holders.map((h) =>
				node(id, {
					key: `holder:${h.arn}`,
					kind: kindOfArn(h.arn),
					label: h.name,
					detail: 'attached to'
				})
			)
	};
}

/** The users, groups and roles each managed policy ARN is attached to, in that order. */
function policyHolders(account: Account): Map<string, IamEntity[]> {
	const map = new Map<string, IamEntity[]>();
	for (const entity of [...account.users, ...account.groups, ...account.roles])
		for (const arn of new Set(entity.attachedPolicies)) {
			const list = map.get(arn) ?? [];
			list.push(entity);
			map.set(arn, list);
		}
	return map;
}

function resourceNode(parentId: string, resource: Resource): OutlineNode {
	return node(parentId, {
		key: resource.arn,
		kind: 'resource',
		label: resource.name,
		detail: `${resource.kind}${resource.region ? ` · ${resource.region}` : ''}`,
		badges: resource.policy ? ['resource policy'] : undefined
	});
}

function kindOfArn(arn: string): 'user' | 'group' | 'role' {
	if (arn.includes(':group/')) return 'group';
	if (arn.includes(':role/')) return 'role';
	return 'user';
}

function trustSummary(role: Role): string {
	const statements = role.trustPolicy ? [role.trustPolicy.Statement].flat() : [];
	const who = statements.flatMap((s) => {
		const p = s.Principal;
		if (!p) return [];
		if (p === '*') return ['anyone (*)'];
		return Object.values(p).flat();
	});
	return who.length
		? `trusts ${who.slice(0, 3).join(', ')}${who.length > 3 ? ` +${who.length - 3}` : ''}`
		: 'trust policy';
}
