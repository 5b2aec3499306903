import { describe, expect, it } from 'vitest';
import {
	accountTitle,
	groupWhoCan,
	principalOf,
	sortWhoCan,
	whoCanHeadline,
	type WhoCanRow
} from './who-can-groups';

const A = '111111111111';
const B = '222222222222';
const rows: WhoCanRow[] = [
	{ principal: `arn:aws:iam::${B}:role/zeta`, decision: 'allowed' },
	{ principal: `arn:aws:iam::${A}:user/bob`, decision: 'implicitDeny' },
	{ principal: `arn:aws:iam::${A}:role/service-role/alpha`, decision: 'allowed' },
	{ principal: `arn:aws:iam::${A}:user/carol`, decision: 'explicitDeny' },
	{ principal: `arn:aws:iam::${A}:user/adam`, decision: 'allowed' }
];
const names: Record<string, string> = { [A]: 'Production', [B]: 'Audit' };

describe('who-can grouping', () => {
	it('sorts allowed first, then explicit, then implicit denies, each by ARN', () => {
		expect(sortWhoCan(rows).map((r) => `${r.decision} ${r.principal.split(':')[5]}`)).toEqual([
			'allowed role/service-role/alpha',
			'allowed user/adam',
			'allowed role/zeta',
			'explicitDeny user/carol',
			'implicitDeny user/bob'
		]);
		expect(rows[0].principal).toContain('zeta');
	});

	it('counts every decision and groups allowed and explicitly denied principals by account name', () => {
		const s = groupWhoCan(rows, { accountName: (id) => names[id] });
		expect(s.total).toBe(5);
		expect(s.counts).toEqual({ allowed: 3, explicitDeny: 1, implicitDeny: 1 });
		expect(
			s.allowed.map((g) => [accountTitle(g), g.principals.map((p) => `${p.kind}:${p.name}`)])
		).toEqual([
			['Audit (222222222222)', ['role:zeta']],
			['Production (111111111111)', ['user:adam', 'role:alpha']]
		]);
		expect(s.denied.map((g) => [g.accountId, g.principals.map((p) => p.arn)])).toEqual([
			[A, [`arn:aws:iam::${A}:user/carol`]]
		]);
		expect(whoCanHeadline(s)).toBe(
			'3 of 5 principals allowed · 1 explicitly denied · 1 without an allow'
		);
	});

	it('falls back to the account id, and reads odd ARNs without throwing', () => {
		const s = groupWhoCan([{ principal: 'arn:aws:iam::aws:user/USER', decision: 'allowed' }]);
		expect(accountTitle(s.allowed[0])).toBe('aws');
		// the snapshot knows better than a sanitised ARN which account holds the user
		const placed = groupWhoCan([{ principal: 'arn:aws:iam::aws:user/USER', decision: 'allowed' }], {
			accountOf: () => A,
			accountName: (id) => names[id]
		});
		expect(accountTitle(placed.allowed[0])).toBe('Production (111111111111)');
		expect(whoCanHeadline(s)).toBe(
			'1 of 1 principal allowed · 0 explicitly denied · 0 without an allow'
		);
		expect(principalOf('not-an-arn')).toMatchObject({
			accountId: '(unknown account)',
			name: 'not-an-arn',
			kind: 'other'
		});
		expect(groupWhoCan([])).toMatchObject({ total: 0, allowed: [], denied: [] });
		const many = groupWhoCan(
			Array.from(
				{ length: 20000 },
				(_, i) =>
					({
						principal: `arn:aws:iam::${A}:user/u${i}`,
						decision: i < 6 ? 'allowed' : 'implicitDeny'
					}) as WhoCanRow
			)
		);
		expect(whoCanHeadline(many)).toBe(
			'6 of 20,000 principals allowed · 0 explicitly denied · 19,994 without an allow'
		);
	});
});
