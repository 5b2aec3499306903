import { describe, expect, it } from 'vitest';
import { findDanglingReferences } from './references';
import {
	makeAccount,
	makeGroup,
	makeManagedPolicy,
	makeOrg,
	makeOrgPolicy,
	makeOrgUnit,
	makeRole,
	makeSnapshot,
	makeUser
} from '../testing/builders';

describe('findDanglingReferences', () => {
	it('finds nothing in a consistent snapshot', () => {
		const policy = makeManagedPolicy({ name: 'P' });
		const group = makeGroup({ name: 'devs', attachedPolicies: [policy.arn] });
		const user = makeUser({
			groups: ['devs'],
			attachedPolicies: [policy.arn],
			permissionsBoundary: policy.arn
		});
		const snapshot = makeSnapshot({
			accounts: [makeAccount({ users: [user], groups: [group], policies: [policy] })]
		});
		expect(findDanglingReferences(snapshot)).toEqual([]);
	});

	it('lists unresolved policies, boundaries, group names and org targets', () => {
		const missing = 'arn:aws:iam::aws:policy/AWSLambdaReadOnlyAccess';
		const boundary = 'arn:aws:iam::111111111111:policy/Boundary';
		const user = makeUser({ groups: ['ghosts'], attachedPolicies: [missing] });
		const role = makeRole({ permissionsBoundary: boundary });
		const org = makeOrg({
			policies: [makeOrgPolicy({ id: 'p-aaaaaaaa', targets: ['ou-zzzz-99999999'] })]
		});
		const snapshot = makeSnapshot({
			organization: org,
			accounts: [makeAccount({ users: [user], roles: [role] })]
		});
		const found = findDanglingReferences(snapshot).map((d) => `${d.kind} ${d.ref}`);
		expect(found).toEqual(
			expect.arrayContaining([
				`managed-policy ${missing}`,
				'group ghosts',
				`permissions-boundary ${boundary}`,
				'org-target ou-zzzz-99999999'
			])
		);
		expect(found).toHaveLength(4);
	});

	it('flags an OU whose parent is not in the organization', () => {
		const org = makeOrg();
		const orphan = makeOrgUnit({ id: 'ou-abcd-12345678', parentId: 'ou-abcd-00000000' });
		const snapshot = makeSnapshot({ organization: { ...org, units: [...org.units, orphan] } });
		expect(findDanglingReferences(snapshot)).toContainEqual({
			kind: 'org-parent',
			accountId: null,
			from: orphan.id,
			ref: 'ou-abcd-00000000'
		});
	});
});
