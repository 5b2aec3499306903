/** Counts of what a snapshot holds, for import tests and the CLI summary. */
import type { Snapshot } from '../../model/snapshot';
import { findDanglingReferences } from '../../model/references';

/** How many of each thing a snapshot holds. */
export interface SnapshotTally {
	accounts: number;
	users: number;
	groups: number;
	roles: number;
	/** Managed policies, counted per account (AWS-managed ones repeat per account). */
	policies: number;
	awsManaged: number;
	customerManaged: number;
	/** Distinct managed-policy ARNs across accounts. */
	distinctPolicies: number;
	inlineUser: number;
	inlineGroup: number;
	inlineRole: number;
	/** Managed policies with at least one non-default version (distinct ARNs). */
	nonDefaultVersions: number;
	resources: number;
	resourcesWithPolicy: number;
	scps: number;
	rcps: number;
	orgUnits: number;
	orgAccounts: number;
	/** Distinct attached managed-policy ARNs that resolve to nothing. */
	danglingPolicyArns: number;
}

/** Count what a snapshot holds. */
export function countSnapshot(s: Snapshot): SnapshotTally {
	const t: SnapshotTally = {
		accounts: s.accounts.length,
		users: 0,
		groups: 0,
		roles: 0,
		policies: 0,
		awsManaged: 0,
		customerManaged: 0,
		distinctPolicies: 0,
		inlineUser: 0,
		inlineGroup: 0,
		inlineRole: 0,
		nonDefaultVersions: 0,
		resources: 0,
		resourcesWithPolicy: 0,
		scps: s.organization?.policies.filter((p) => p.type === 'SCP').length ?? 0,
		rcps: s.organization?.policies.filter((p) => p.type === 'RCP').length ?? 0,
		orgUnits: s.organization?.units.length ?? 0,
		orgAccounts: s.organization?.accounts.length ?? 0,
		danglingPolicyArns: new Set(
			findDanglingReferences(s)
				.filter((d) => d.kind === 'managed-policy')
				.map((d) => d.ref)
		).size
	};
	const distinct = new Map<string, boolean>();
	const nonDefault = new Set<string>();
	for (const a of s.accounts) {
		t.users += a.users.length;
		t.groups += a.groups.length;
		t.roles += a.roles.length;
		t.policies += a.policies.length;
		for (const u of a.users) t.inlineUser += u.inlinePolicies.length;
		for (const g of a.groups) t.inlineGroup += g.inlinePolicies.length;
		for (const r of a.roles) t.inlineRole += r.inlinePolicies.length;
		for (const p of a.policies) {
			distinct.set(p.arn, p.awsManaged);
			if (p.versions.some((v) => !v.isDefault)) nonDefault.add(p.arn);
		}
		t.resources += a.resources.length;
		t.resourcesWithPolicy += a.resources.filter((r) => r.policy !== null).length;
	}
	t.distinctPolicies = distinct.size;
	t.awsManaged = [...distinct.values()].filter(Boolean).length;
	t.customerManaged = distinct.size - t.awsManaged;
	t.nonDefaultVersions = nonDefault.size;
	return t;
}
