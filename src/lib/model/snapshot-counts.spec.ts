import { describe, expect, it } from 'vitest';
import {
	makeAccount,
	makeGroup,
	makeManagedPolicy,
	makeOrg,
	makeOrgPolicy,
	makeResource,
	makeRole,
	makeSnapshot,
	makeUser
} from '../testing/builders';
import { countSnapshot } from './snapshot-counts';

describe('countSnapshot', () => {
	it('sums entities over accounts and splits org policies by type', () => {
		const s = makeSnapshot({
			organization: makeOrg({
				policies: [
					makeOrgPolicy(),
					makeOrgPolicy({ id: 'p-deny' }),
					makeOrgPolicy({ id: 'p-rcp', type: 'RCP' })
				]
			}),
			accounts: [
				makeAccount({
					users: [makeUser(), makeUser({ name: 'bob' })],
					groups: [makeGroup()],
					policies: [makeManagedPolicy()]
				}),
				makeAccount({
					id: '222222222222',
					roles: [makeRole({ accountId: '222222222222' })],
					resources: [makeResource({ accountId: '222222222222' })]
				})
			]
		});
		expect(countSnapshot(s)).toEqual({
			accounts: 2,
			users: 2,
			groups: 1,
			roles: 1,
			policies: 1,
			resources: 1,
			scps: 2,
			rcps: 1
		});
	});

	it('counts no org policies without an organization', () => {
		expect(countSnapshot(makeSnapshot({ accounts: [] }))).toEqual({
			accounts: 0,
			users: 0,
			groups: 0,
			roles: 0,
			policies: 0,
			resources: 0,
			scps: 0,
			rcps: 0
		});
	});
});
