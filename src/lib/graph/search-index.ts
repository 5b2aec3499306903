/**
 * Search over everything in a snapshot (not only what is drawn): org units, accounts, groups,
 * users, roles, managed and inline policies, resources, SCPs/RCPs, by name, ARN or id. Matches are
 * ranked: exact, then prefix of the name, then substring of name or id.
 */
import { inlinePolicyId } from '../model/ids';
import { statementsOf, type PolicyDocument } from '../model/policy-document';
import { accountPrincipal, namedPrincipals } from './principal-ref';
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
	addNamedElsewhere(index, add);
	return out;
}

/**
 * Principals named in trust and resource policies that are not in the snapshot (another account's
 * role, an account root, a service, `*`) and concrete resource ARNs named in identity policies
 * that the snapshot does not hold: searchable too, so any of them can be traced.
 */
function addNamedElsewhere(
	index: SnapshotIndex,
	add: (id: string, kind: NodeKind, name: string, detail: string) => void
): void {
	const seen = new Set<string>();
	const known = (v: string) => {
		const account = accountPrincipal(v);
		return (
			index.principals.has(v) ||
			index.resources.has(v) ||
			seen.has(v) ||
			(account !== null && (index.accounts.has(account) || index.orgAccounts.has(account)))
		);
	};
	const principalsOf = (doc: PolicyDocument | null, where: string) => {
		for (const np of namedPrincipals(doc)) {
			if (known(np.value)) continue;
			seen.add(np.value);
			const name = np.value === '*' ? 'anyone (*)' : (np.value.split(/[/:]/).pop() ?? np.value);
			add(np.value, 'external', name || np.value, `${np.value} — named in ${where}`);
		}
	};
	const resourcesOf = (doc: PolicyDocument, where: string) => {
		for (const st of statementsOf(doc))
			for (const r of typeof st.Resource === 'string' ? [st.Resource] : (st.Resource ?? [])) {
				if (!r.startsWith('arn:') || /[*?$]/.test(r) || known(r)) continue;
				seen.add(r);
				add(r, 'resource', r.split(/[/:]/).pop() || r, `${r} — named in ${where}`);
			}
	};
	for (const a of index.snapshot.accounts) {
		for (const r of a.roles) principalsOf(r.trustPolicy, `the trust policy of ${r.name}`);
		for (const r of a.resources) principalsOf(r.policy, `the policy of ${r.name}`);
		for (const e of [...a.users, ...a.groups, ...a.roles])
			for (const p of e.inlinePolicies) resourcesOf(p.document, `${p.name} (${e.name})`);
		for (const p of a.policies) {
			const doc = p.versions.find((v) => v.isDefault)?.document;
			if (doc) resourcesOf(doc, p.name);
		}
	}
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

/** An entry for what the query itself names, when it is a principal or resource ARN (or `*`, an account id, a service): so any of them can be traced. */
export function typedEntry(query: string): SearchEntry | null {
	const q = query.trim();
	const principal =
		/^arn:aws[\w-]*:(iam|sts)::\d{12}:/.test(q) ||
		/^\d{12}$/.test(q) ||
		q === '*' ||
		/^[a-z0-9.-]+\.amazonaws\.com$/.test(q);
	const resource = !principal && /^arn:aws[\w-]*:[a-z0-9-]+:/.test(q);
	if (!principal && !resource) return null;
	const id = /^\d{12}$/.test(q) ? `arn:aws:iam::${q}:root` : q;
	return {
		id,
		kind: principal ? 'external' : 'resource',
		name: `Trace ${principal ? 'from' : 'to'} ${id}`,
		detail: principal ? 'the principal you typed' : 'the resource you typed',
		haystack: id.toLowerCase()
	};
}
