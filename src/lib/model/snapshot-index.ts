/**
 * Lookups over a snapshot, built once and shared by the engine, the graph and the UI.
 * Pure and read-only: it never changes the snapshot it indexes.
 */
import type {
	Account,
	Group,
	ManagedPolicy,
	OrgAccount,
	OrgPolicy,
	OrgUnit,
	Resource,
	Role,
	Snapshot,
	User
} from './snapshot';

/** A principal found by ARN, with the account holding it. */
export type IndexedPrincipal =
	| { kind: 'user'; entity: User; account: Account }
	| { kind: 'role'; entity: Role; account: Account };

/** Fast lookups over one snapshot. */
export interface SnapshotIndex {
	snapshot: Snapshot;
	accounts: Map<string, Account>;
	principals: Map<string, IndexedPrincipal>;
	/** Group by `<accountId>/<groupName>` (GAAD's GroupList holds names). */
	groupsByName: Map<string, Group>;
	groups: Map<string, Group>;
	/** Managed policies by ARN per account: `<accountId>|<arn>` (AWS-managed ones repeat per account). */
	policies: Map<string, ManagedPolicy>;
	/** Resources by ARN. */
	resources: Map<string, Resource>;
	/** S3 bucket name → account id (bucket ARNs carry no account). */
	bucketAccounts: Map<string, string>;
	orgUnits: Map<string, OrgUnit>;
	orgAccounts: Map<string, OrgAccount>;
	orgPolicies: Map<string, OrgPolicy>;
	/** Org policies attached directly to each target id (root, OU or account). */
	orgPoliciesByTarget: Map<string, OrgPolicy[]>;
}

/** Build the lookups for a snapshot. */
export function indexSnapshot(snapshot: Snapshot): SnapshotIndex {
	const index: SnapshotIndex = {
		snapshot,
		accounts: new Map(),
		principals: new Map(),
		groupsByName: new Map(),
		groups: new Map(),
		policies: new Map(),
		resources: new Map(),
		bucketAccounts: new Map(),
		orgUnits: new Map(),
		orgAccounts: new Map(),
		orgPolicies: new Map(),
		orgPoliciesByTarget: new Map()
	};
	for (const account of snapshot.accounts) {
		index.accounts.set(account.id, account);
		for (const user of account.users)
			index.principals.set(user.arn, { kind: 'user', entity: user, account });
		for (const role of account.roles)
			index.principals.set(role.arn, { kind: 'role', entity: role, account });
		for (const group of account.groups) {
			index.groups.set(group.arn, group);
			index.groupsByName.set(`${account.id}/${group.name}`, group);
		}
		for (const policy of account.policies)
			index.policies.set(`${account.id}|${policy.arn}`, policy);
		for (const resource of account.resources) {
			index.resources.set(resource.arn, resource);
			if (resource.kind === 's3-bucket') index.bucketAccounts.set(resource.name, account.id);
		}
	}
	const org = snapshot.organization;
	if (org) {
		for (const unit of org.units) index.orgUnits.set(unit.id, unit);
		for (const account of org.accounts) index.orgAccounts.set(account.id, account);
		for (const policy of org.policies) {
			index.orgPolicies.set(policy.id, policy);
			for (const target of policy.targets) {
				const list = index.orgPoliciesByTarget.get(target) ?? [];
				list.push(policy);
				index.orgPoliciesByTarget.set(target, list);
			}
		}
	}
	return index;
}

/** A managed policy of an account by ARN, or undefined when the reference dangles. */
export const policyIn = (
	index: SnapshotIndex,
	accountId: string,
	arn: string
): ManagedPolicy | undefined => index.policies.get(`${accountId}|${arn}`);

/**
 * The org path of an account from the root down: [root id, OU ids…, account id].
 * Empty when the account is not in the snapshot's organization.
 */
export function orgPathOf(index: SnapshotIndex, accountId: string): string[] {
	const account = index.orgAccounts.get(accountId);
	if (!account) return [];
	const chain: string[] = [accountId];
	let parent = account.parentId;
	const seen = new Set<string>();
	while (parent && !seen.has(parent)) {
		seen.add(parent);
		chain.unshift(parent);
		parent = index.orgUnits.get(parent)?.parentId ?? null;
	}
	return chain;
}
