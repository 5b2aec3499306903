import { describe, expect, it } from 'vitest';
import {
	makeAccount,
	makeGroup,
	makeOrg,
	makeOrgAccount,
	makeOrgUnit,
	makeSnapshot,
	makeUser
} from '../../testing/builders';
import type { OutlineNode } from './outline-node';
import { searchOutline } from './outline-search';
import { buildOutline } from './outline-tree';

const acct = '222222222222';
const snapshot = makeSnapshot({
	organization: makeOrg({
		units: [makeOrgUnit({ kind: 'root' }), makeOrgUnit({ id: 'ou-prod', name: 'Prod' })],
		accounts: [makeOrgAccount({ id: acct, name: 'core-banking', parentId: 'ou-prod' })]
	}),
	accounts: [
		makeAccount({
			id: acct,
			users: [
				makeUser({ accountId: acct, name: 'ana.silva', groups: ['Tellers'] }),
				makeUser({ accountId: acct, name: 'bob' })
			],
			groups: [makeGroup({ accountId: acct, name: 'Tellers' })]
		})
	]
});
const memo = (node: OutlineNode) => node.children();
const label = (roots: OutlineNode[], id: string): string => {
	const find = (nodes: OutlineNode[]): string | undefined => {
		for (const n of nodes) {
			if (n.id === id) return n.label;
			const below = find(n.children());
			if (below) return below;
		}
	};
	return find(roots) ?? '?';
};

describe('searchOutline', () => {
	it('finds nodes in collapsed parts of the tree by name, case-insensitively, with the path to them', () => {
		const roots = buildOutline(snapshot);
		const found = searchOutline(roots, memo, 'ANA.S');
		// ana.silva is listed under Users and, as a member, under the Tellers group.
		expect([...found.hits].map((id) => label(roots, id))).toEqual(['ana.silva', 'ana.silva']);
		expect([...found.open].map((id) => label(roots, id))).toEqual([
			'Root',
			'Prod',
			'core-banking',
			'Users',
			'Groups',
			'Tellers'
		]);
		expect(found.truncated).toBe(false);
	});

	it('matches details such as ARNs and ids, and finds every place a name appears', () => {
		const roots = buildOutline(snapshot);
		expect(searchOutline(roots, memo, `${acct}:user/bob`).hits.size).toBe(1);
		// The group itself and ana's membership row.
		const tellers = searchOutline(roots, memo, 'tellers');
		expect([...tellers.hits].map((id) => label(roots, id)).sort()).toEqual(['Tellers', 'Tellers']);
	});

	it('never matches folder names, stops at the limit, and finds nothing for a blank query', () => {
		const roots = buildOutline(snapshot);
		expect(searchOutline(roots, memo, 'Users').hits.size).toBe(0);
		const limited = searchOutline(roots, memo, 'a', 2);
		expect(limited.hits.size).toBe(2);
		expect(limited.truncated).toBe(true);
		expect(searchOutline(roots, memo, '   ').hits.size).toBe(0);
	});
});
