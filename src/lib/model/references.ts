/**
 * Dangling references: names and ARNs in a snapshot that point at nothing it holds. The
 * importer keeps them (a policy attached but not listed, a group name with no group) so the
 * UI can flag them as unresolved rather than silently drop them. Pure.
 */
import type { Snapshot } from './snapshot';

/** What kind of reference is unresolved. */
export type DanglingKind =
	'managed-policy' | 'group' | 'permissions-boundary' | 'org-target' | 'org-parent';

/** One unresolved reference: who refers (`from`, a model id) to what (`ref`), in which account. */
export interface DanglingReference {
	kind: DanglingKind;
	/** The account holding the referring entity (null for organization references). */
	accountId: string | null;
	/** Model id of the referring entity (user/group/role ARN, SCP/RCP id, org account id). */
	from: string;
	/** The ARN, group name or org id that resolves to nothing. */
	ref: string;
}

/** Every reference in the snapshot that resolves to nothing, in model order. */
export function findDanglingReferences(snapshot: Snapshot): DanglingReference[] {
	const out: DanglingReference[] = [];
	for (const account of snapshot.accounts) {
		const policies = new Set(account.policies.map((p) => p.arn));
		const groups = new Set(account.groups.map((g) => g.name));
		const check = (from: string, attached: string[], boundary: string | null) => {
			for (const ref of attached)
				if (!policies.has(ref))
					out.push({ kind: 'managed-policy', accountId: account.id, from, ref });
			if (boundary !== null && !policies.has(boundary))
				out.push({ kind: 'permissions-boundary', accountId: account.id, from, ref: boundary });
		};
		for (const u of account.users) {
			check(u.arn, u.attachedPolicies, u.permissionsBoundary);
			for (const name of u.groups)
				if (!groups.has(name))
					out.push({ kind: 'group', accountId: account.id, from: u.arn, ref: name });
		}
		for (const g of account.groups) check(g.arn, g.attachedPolicies, null);
		for (const r of account.roles) check(r.arn, r.attachedPolicies, r.permissionsBoundary);
	}
	const org = snapshot.organization;
	if (org) {
		const units = new Set(org.units.map((u) => u.id));
		const nodes = new Set([...units, ...org.accounts.map((a) => a.id)]);
		for (const p of org.policies)
			for (const t of p.targets)
				if (!nodes.has(t)) out.push({ kind: 'org-target', accountId: null, from: p.id, ref: t });
		for (const u of org.units)
			if (u.parentId !== null && !units.has(u.parentId))
				out.push({ kind: 'org-parent', accountId: null, from: u.id, ref: u.parentId });
		for (const a of org.accounts)
			if (a.parentId !== null && !units.has(a.parentId))
				out.push({ kind: 'org-parent', accountId: null, from: a.id, ref: a.parentId });
	}
	return out;
}
