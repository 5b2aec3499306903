import { describe, expect, it } from 'vitest';
import {
	makeAccount,
	makeGroup,
	makeManagedPolicy,
	makeOrg,
	makeOrgAccount,
	makeOrgPolicy,
	makeOrgUnit,
	makeResource,
	makeRole,
	makeSnapshot,
	makeUser
} from '../../testing/builders';
import type { OutlineNode } from './outline-node';
import { buildOutline } from './outline-tree';

/** Find a node by following labels from the top. */
function walk(nodes: OutlineNode[], ...labels: string[]): OutlineNode {
	let current: OutlineNode | undefined;
	let level = nodes;
	for (const label of labels) {
		current = level.find((n) => n.label === label);
		if (!current) throw new Error(`no "${label}" among ${level.map((n) => n.label).join(', ')}`);
		level = current.children();
	}
	return current!;
}

const prodId = '222222222222';
const bank = makeSnapshot({
	organization: makeOrg({
		units: [
			makeOrgUnit({ kind: 'root' }),
			makeOrgUnit({ id: 'ou-work', name: 'Workloads' }),
			makeOrgUnit({ id: 'ou-prod', name: 'Prod', parentId: 'ou-work' })
		],
		accounts: [
			makeOrgAccount(),
			makeOrgAccount({ id: prodId, name: 'core-banking', parentId: 'ou-prod' })
		],
		policies: [
			makeOrgPolicy(),
			makeOrgPolicy({
				id: 'p-deny',
				name: 'DenyRegions',
				awsManaged: false,
				targets: ['ou-work', 'ou-gone']
			})
		]
	}),
	accounts: [
		makeAccount(),
		makeAccount({
			id: prodId,
			users: [
				makeUser({
					accountId: prodId,
					name: 'bob',
					groups: ['Tellers', 'Ghosts'],
					attachedPolicies: [`arn:aws:iam::${prodId}:policy/Missing`]
				}),
				makeUser({ accountId: prodId, name: 'alice', groups: ['Tellers'] })
			],
			groups: [makeGroup({ accountId: prodId, name: 'Tellers' })],
			roles: [makeRole({ accountId: prodId, name: 'auditor' })],
			policies: [makeManagedPolicy({ accountId: prodId, name: 'TellerAccess' })],
			resources: [makeResource({ accountId: prodId, name: 'customer-accounts' })]
		})
	]
});

describe('buildOutline', () => {
	it('follows root → OUs → accounts with accounts counted below each unit', () => {
		const top = buildOutline(bank);
		const root = walk(top, 'Root');
		expect(root.count).toBe(2);
		expect(walk(top, 'Root', 'Workloads').count).toBe(1);
		const account = walk(top, 'Root', 'Workloads', 'Prod', 'core-banking');
		expect(account.kind).toBe('account');
		expect(account.detail).toContain('2 users · 1 group · 1 role · 1 policy · 1 resource');
		expect(walk(top, 'Root', 'account-111111111111').badges).toContain('management');
	});

	it('lists SCPs where they are attached and flags attachments to unknown targets', () => {
		const top = buildOutline(bank);
		expect(walk(top, 'Root', 'Workloads').badges).toEqual(['1 SCP']);
		expect(walk(top, 'Root', 'Workloads', 'Attached SCPs and RCPs', 'DenyRegions').kind).toBe(
			'org-policy'
		);
		const flagged = walk(top, 'Dangling references', 'ou-gone');
		expect(flagged.detail).toBe('p-deny is attached to a target not in the organization');
		expect(flagged.dangling).toBe(flagged.detail);
	});

	it('lists every dangling reference in one top-level folder', () => {
		const dangling = walk(buildOutline(bank), 'Dangling references');
		expect(dangling.count).toBe(3);
		expect(dangling.children().map((n) => n.label)).toEqual([
			`arn:aws:iam::${prodId}:policy/Missing`,
			'Ghosts',
			'ou-gone'
		]);
	});

	it('sorts principals by name and keeps dangling group and policy references, flagged', () => {
		const users = walk(buildOutline(bank), 'Root', 'Workloads', 'Prod', 'core-banking', 'Users');
		expect(users.count).toBe(2);
		const [alice, bob] = users.children();
		expect([alice.label, bob.label]).toEqual(['alice', 'bob']);
		expect(bob.badges).toEqual(['2 dangling references']);
		const refs = bob.children();
		expect(refs.map((r) => [r.label, Boolean(r.dangling)])).toEqual([
			['Tellers', false],
			['Ghosts', true],
			['Missing', true]
		]);
		expect(new Set(refs.map((r) => r.id)).size).toBe(refs.length);
	});

	it('shows group members and what a managed policy is attached to', () => {
		const account = ['Root', 'Workloads', 'Prod', 'core-banking'];
		const tellers = walk(buildOutline(bank), ...account, 'Groups', 'Tellers');
		expect(tellers.children().map((c) => c.label)).toEqual(['alice', 'bob']);
		const policy = walk(buildOutline(bank), ...account, 'Managed policies', 'TellerAccess');
		expect(policy.count).toBe(0);
	});

	it('lists accounts directly when there is no organization, and places unplaced accounts apart', () => {
		const lone = buildOutline(
			makeSnapshot({ accounts: [makeAccount({ id: prodId, name: 'solo' })] })
		);
		expect(lone.map((n) => [n.kind, n.label])).toEqual([['account', 'solo']]);
		const stray = buildOutline(
			makeSnapshot({
				organization: makeOrg(),
				accounts: [makeAccount(), makeAccount({ id: prodId })]
			})
		);
		expect(
			walk(stray, 'Accounts outside the organization tree')
				.children()
				.map((n) => n.detail?.slice(0, 12))
		).toEqual([prodId]);
	});

	it('builds children lazily and gives every node a unique id', () => {
		const seen = new Set<string>();
		const visit = (nodes: OutlineNode[]) => {
			for (const n of nodes) {
				expect(seen.has(n.id)).toBe(false);
				seen.add(n.id);
				expect(n.children().length).toBe(n.childCount);
				visit(n.children());
			}
		};
		visit(buildOutline(bank));
		expect(seen.size).toBeGreaterThan(20);
	});
});
