import { describe, expect, it } from 'vitest';
import { indexSnapshot } from '../model/snapshot-index';
import { makeAccount, makeOrg, makeOrgAccount, makeSnapshot, makeUser } from '../testing/builders';
import { accountNode } from './node-factory';

describe('accountNode', () => {
	it('names an account in the org and gives its id and principal count below', () => {
		const snapshot = makeSnapshot({
			organization: makeOrg({
				accounts: [makeOrgAccount({ id: '222222222222', name: 'payments' })]
			}),
			accounts: [makeAccount({ id: '222222222222', name: null, users: [makeUser()] })]
		});
		const node = accountNode(indexSnapshot(snapshot), '222222222222');
		expect([node.label, node.sub]).toEqual(['payments', '222222222222 · 1 principal']);
	});

	it('does not repeat the id of an account known only by its id', () => {
		const snapshot = makeSnapshot({
			organization: null,
			accounts: [makeAccount({ id: '333333333333', name: null, users: [] })]
		});
		const node = accountNode(indexSnapshot(snapshot), '333333333333');
		expect([node.label, node.sub]).toEqual(['333333333333', '0 principals']);
	});
});
