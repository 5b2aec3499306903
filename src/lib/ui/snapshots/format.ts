/** Wording for the snapshot list: dates and counts as people read them. */
import type { SnapshotCounts } from '$lib/model/snapshot-counts';

/** "26 Nov 2026, 09:53" in the viewer's locale and time zone; the raw value if it is not a date. */
export function formatWhen(iso: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return iso;
	return date.toLocaleString(undefined, {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit'
	});
}

/** "10 accounts · 25 users · 1 SCP …", leaving out the kinds the snapshot has none of. */
export function formatCounts(c: SnapshotCounts): string {
	const parts: [number, string, string][] = [
		[c.accounts, 'account', 'accounts'],
		[c.users, 'user', 'users'],
		[c.groups, 'group', 'groups'],
		[c.roles, 'role', 'roles'],
		[c.policies, 'policy', 'policies'],
		[c.resources, 'resource', 'resources'],
		[c.scps, 'SCP', 'SCPs'],
		[c.rcps, 'RCP', 'RCPs']
	];
	const shown = parts
		.filter(([n]) => n > 0)
		.map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
	return shown.length ? shown.join(' · ') : 'empty';
}
