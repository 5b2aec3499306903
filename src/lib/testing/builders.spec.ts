import { describe, expect, it } from 'vitest';
import {
	makeAccount,
	makeGroup,
	makeManagedPolicy,
	makeOrg,
	makeRole,
	makeSnapshot,
	makeUser
} from './builders';

describe('test-data builders', () => {
	it('derive ARNs from name, path and account', () => {
		expect(makeUser({ name: 'bob', path: '/ops/', accountId: '222222222222' }).arn).toBe(
			'arn:aws:iam::222222222222:user/ops/bob'
		);
		expect(makeRole({ name: 'r' }).arn).toBe('arn:aws:iam::111111111111:role/r');
		expect(makeGroup().arn).toBe('arn:aws:iam::111111111111:group/Developers');
		expect(makeManagedPolicy({ name: 'P', awsManaged: true }).arn).toBe(
			'arn:aws:iam::aws:policy/P'
		);
	});

	it('are deterministic', () => {
		const build = () =>
			makeSnapshot({
				organization: makeOrg(),
				accounts: [makeAccount({ users: [makeUser()], roles: [makeRole()] })]
			});
		expect(build()).toEqual(build());
		expect(makeUser().id).toBe('AIDAALICEXXXXXXXXXXXX');
	});
});
