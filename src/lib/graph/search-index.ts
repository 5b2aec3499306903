/**
 * Search over everything in a snapshot (not only what is drawn): org units, accounts, groups,
 * users, roles, managed and inline policies, resources, SCPs/RCPs, by name, ARN or id. Matches are
 * ranked: exact, then prefix of the name, then substring of name or id.
 */
import { inlinePolicyId } from '../model/ids';
import type { SnapshotIndex } from '../model/snapshot-index';
import type { NodeKind } from './kinds';
import { attachmentId } from './kinds';

/** One searchable thing. */
export interface SearchEntry {
	/** The graph node id to reveal and select. */
	id: string;
	kind: NodeKind;
	name: string;
	/** ARN or id, shown under the name. */
	detail: string;
	/** Lower-cased name and detail. */
	haystack: string;
}

/** Build the entries of a snapshot (one pass; about 20,000 principals take a few ms). */
export function buildSearchIndex(index: SnapshotIndex): SearchEntry[] {
	const out: SearchEntry[] = [];
	const add = (id: string, kind: NodeKind, name: string, detail: string) =>
		out.push({ id, kind, name, detail, haystack: `${name}\u0000${detail}`.toLowerCase() });
	const org = index.snapshot.organization;
	if (org) {
		for (const u of org.units) add(u.id, u.kind, u.name, u.id);
		for (const a of org.accounts) add(a.id, 'account', a.name, a.id);
		for (const p of org.policies)
			for (const t of p.targets.slice(0, 1))
				add(attachmentId(p.id, t), p.type === 'SCP' ? 'scp' : 'rcp', p.name, p.id);
	}
	const seenPolicies = new Set<string>();
	for (const a of index.snapshot.accounts) {
		if (!index.orgAccounts.has(a.id)) add(a.id, 'account', a.name ?? a.id, a.id);
		for (const g of a.groups) add(g.arn, 'group', g.name, g.arn);
		for (const u of a.users) add(u.arn, 'user', u.name, u.arn);
		for (const r of a.roles) add(r.arn, 'role', r.name, r.arn);
		for (const e of [...a.users, ...a.groups, ...a.roles])
			for (const p of e.inlinePolicies)
				add(inlinePolicyId(e.arn, p.name), 'inline', p.name, `inline in ${e.name}`);
		for (const p of a.policies)
			if (!seenPolicies.has(p.arn)) {
				seenPolicies.add(p.arn);
				add(p.arn, 'policy', p.name, p.arn);
			}
		for (const r of a.resources) add(r.arn, 'resource', r.name, r.arn);
	}
	return out;
}

/** The best `limit` entries for a query (case-insensitive). */
export function searchEntries(entries: SearchEntry[], query: string, limit = 12): SearchEntry[] {
	const q = query.trim().toLowerCase();
	if (!q) return [];
	const scored: { e: SearchEntry; score: number }[] = [];
	for (const e of entries) {
		const at = e.haystack.indexOf(q);
		if (at < 0) continue;
		const name = e.name.toLowerCase();
		const score =
			name === q || e.detail.toLowerCase() === q
				? 0
				: name.startsWith(q)
					? 1
					: at < name.length
						? 2
						: 3;
		scored.push({ e, score });
	}
	scored.sort(
		(a, b) =>
			a.score - b.score || a.e.name.length - b.e.name.length || a.e.name.localeCompare(b.e.name)
	);
	return scored.slice(0, limit).map((s) => s.e);
}
