/** How many of each thing a snapshot holds: shown in the snapshot list and the import summary. */
import type { Snapshot } from './snapshot';

/** Counts over a whole snapshot. */
export interface SnapshotCounts {
	accounts: number;
	users: number;
	groups: number;
	roles: number;
	/** Managed policies summed over accounts (an AWS-managed policy listed by two accounts counts twice). */
	policies: number;
	resources: number;
	scps: number;
	rcps: number;
}

/** Count the accounts, principals, policies, resources, SCPs and RCPs of a snapshot. */
export function countSnapshot(s: Snapshot): SnapshotCounts {
	const counts: SnapshotCounts = {
		accounts: s.accounts.length,
		users: 0,
		groups: 0,
		roles: 0,
		policies: 0,
		resources: 0,
		scps: 0,
		rcps: 0
	};
	for (const a of s.accounts) {
		counts.users += a.users.length;
		counts.groups += a.groups.length;
		counts.roles += a.roles.length;
		counts.policies += a.policies.length;
		counts.resources += a.resources.length;
	}
	for (const p of s.organization?.policies ?? []) {
		if (p.type === 'SCP') counts.scps++;
		else counts.rcps++;
	}
	return counts;
}
