/**
 * The outline of a snapshot as a tree: organization root → OUs → accounts, with the SCPs and
 * RCPs attached at each level, then each account's contents (outline-account.ts). Accounts the
 * organization does not place, or a snapshot with no organization at all, get their own top
 * level. Pure: the UI only renders what this returns.
 */
import { findDanglingReferences } from '../../model/references';
import { indexSnapshot } from '../../model/snapshot-index';
import type { Account, OrgAccount, OrgPolicy, OrgUnit, Snapshot } from '../../model/snapshot';
import { accountChildren, accountSummary } from './outline-account';
import { danglingFolder, danglingKey } from './outline-dangling';
import {
	byName,
	folder,
	node,
	plural,
	present,
	type OutlineContext,
	type OutlineNode
} from './outline-node';

/** The top-level nodes of a snapshot's outline. */
export function buildOutline(snapshot: Snapshot): OutlineNode[] {
	const refs = findDanglingReferences(snapshot);
	const index: OutlineContext = {
		...indexSnapshot(snapshot),
		dangling: new Set(refs.map((r) => danglingKey(r.kind, r.from, r.ref)))
	};
	const org = snapshot.organization;
	if (!org)
		return present([
			...snapshot.accounts
				.map((a) => accountNode(index, 'accounts', a.id))
				.sort(byName((n) => n.label)),
			danglingFolder(refs)
		]);
	const placed = new Set(
		org.accounts.filter((a) => a.parentId && index.orgUnits.has(a.parentId)).map((a) => a.id)
	);
	const unplaced = [
		...new Set([...org.accounts.map((a) => a.id), ...snapshot.accounts.map((a) => a.id)])
	].filter((id) => !placed.has(id));
	const root = index.orgUnits.get(org.rootId);
	return present([
		root ? unitNode(index, 'org', root) : null,
		folder('top', 'unplaced', 'Accounts outside the organization tree', unplaced, (id, accountId) =>
			accountNode(index, id, accountId)
		),
		danglingFolder(refs)
	]);
}

/** The root or an OU: its SCPs/RCPs, child OUs, then accounts. */
function unitNode(index: OutlineContext, parentId: string, unit: OrgUnit): OutlineNode {
	const id = `${parentId}>${unit.id}`;
	const org = index.snapshot.organization!;
	const childUnits = org.units
		.filter((u) => u.parentId === unit.id)
		.sort(byName((u: OrgUnit) => u.name));
	const childAccounts = org.accounts
		.filter((a) => a.parentId === unit.id)
		.sort(byName((a: OrgAccount) => a.name));
	const policies = index.orgPoliciesByTarget.get(unit.id) ?? [];
	const below = accountsBelow(index, unit.id);
	return {
		id,
		kind: unit.kind,
		label: unit.kind === 'root' ? `Root` : unit.name,
		detail: unit.id,
		count: below,
		countLabel: plural(below, 'account'),
		badges: policyBadges(policies),
		childCount: childUnits.length + childAccounts.length + (policies.length ? 1 : 0),
		children: () =>
			present([
				...childUnits.map((u) => unitNode(index, id, u)),
				...childAccounts.map((a) => accountNode(index, id, a.id)),
				policyFolder(id, policies)
			])
	};
}

/** An account: its directly attached org policies, then its IAM contents (when imported). */
function accountNode(index: OutlineContext, parentId: string, accountId: string): OutlineNode {
	const id = `${parentId}>${accountId}`;
	const orgAccount = index.orgAccounts.get(accountId);
	const account: Account | undefined = index.accounts.get(accountId);
	const policies = index.orgPoliciesByTarget.get(accountId) ?? [];
	const isManagement = index.snapshot.organization?.managementAccountId === accountId;
	// Counted without building: the folders (and their sorting) wait until the account is opened.
	const folders = account
		? [account.users, account.groups, account.roles, account.policies, account.resources].filter(
				(l) => l.length > 0
			).length
		: 0;
	const badges = [...(isManagement ? ['management'] : []), ...policyBadges(policies)];
	if (orgAccount?.state && orgAccount.state !== 'ACTIVE')
		badges.push(orgAccount.state.toLowerCase());
	const label = orgAccount?.name ?? account?.name ?? accountId;
	const summary = account ? accountSummary(account) : 'no IAM data imported';
	return {
		id,
		kind: 'account',
		label,
		detail: label === accountId ? summary : `${accountId} · ${summary}`,
		badges,
		childCount: folders + (policies.length ? 1 : 0),
		children: () =>
			present([...(account ? accountChildren(index, account, id) : []), policyFolder(id, policies)])
	};
}

/** "Org policies" folder for SCPs and RCPs attached directly to a target. */
function policyFolder(parentId: string, policies: OrgPolicy[]): OutlineNode | null {
	const sorted = [...policies].sort(
		(a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name)
	);
	return folder(parentId, 'org-policies', 'Attached SCPs and RCPs', sorted, (id, p) =>
		node(id, {
			key: p.id,
			kind: 'org-policy',
			label: p.name,
			detail: `${p.type} · ${p.id}`,
			badges: p.awsManaged ? ['AWS managed'] : undefined
		})
	);
}

function policyBadges(policies: OrgPolicy[]): string[] {
	const scps = policies.filter((p) => p.type === 'SCP').length;
	const rcps = policies.length - scps;
	return [
		...(scps ? [`${scps} SCP${scps > 1 ? 's' : ''}`] : []),
		...(rcps ? [`${rcps} RCP${rcps > 1 ? 's' : ''}`] : [])
	];
}

function accountsBelow(index: OutlineContext, unitId: string): number {
	const org = index.snapshot.organization!;
	const units = new Set([unitId]);
	// Units are listed parents-first only by convention, so iterate to a fixed point.
	for (let grew = true; grew;) {
		grew = false;
		for (const u of org.units)
			if (u.parentId && units.has(u.parentId) && !units.has(u.id)) {
				units.add(u.id);
				grew = true;
			}
	}
	return org.accounts.filter((a) => a.parentId && units.has(a.parentId)).length;
}
