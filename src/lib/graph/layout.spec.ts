import { describe, expect, it } from 'vitest';
import { indexSnapshot } from '../model/snapshot-index';
import {
	makeAccount,
	makeManagedPolicy,
	makeOrg,
	makeOrgAccount,
	makeSnapshot,
	makeUser
} from '../testing/builders';
import { ROW_H, SLOT_W } from './geometry';
import { GraphSource } from './graph-source';
import { buildView } from './graph-view';
import { extendLayout, type Positions } from './layout';
import { ARN, BANK, smallBank } from './testing/small-bank';

const s = new GraphSource(indexSnapshot(smallBank()));
const lay = (expanded: string[], prev: Positions = new Map()) =>
	extendLayout(prev, buildView(s, expanded), s.rootId);

function overlaps(pos: Positions): string[] {
	const list = [...pos.entries()].filter(([id]) => !id.includes('@'));
	const bad: string[] = [];
	for (let i = 0; i < list.length; i++)
		for (let j = i + 1; j < list.length; j++) {
			const [a, p] = list[i];
			const [b, q] = list[j];
			if (Math.abs(p.x - q.x) < SLOT_W - 1 && Math.abs(p.y - q.y) < ROW_H - 1)
				bad.push(`${a} ~ ${b}`);
		}
	return bad;
}

describe('extendLayout', () => {
	it('lays the org out top-down: children one row below their parent, no overlaps', () => {
		const pos = lay([]);
		expect(pos.get('r-root')).toEqual({ x: expect.any(Number), y: 0 });
		expect(pos.get('ou-work')?.y).toBe(ROW_H);
		expect(pos.get('ou-prod')?.y).toBe(2 * ROW_H);
		expect(pos.get(BANK.prod)?.y).toBe(3 * ROW_H);
		expect(overlaps(pos)).toEqual([]);
	});

	it('keeps existing nodes still on expand and places new children beneath their parent', () => {
		const before = lay([]);
		const after = lay([BANK.prod], before);
		for (const [id, p] of before) expect(after.get(id), id).toEqual(p);
		const acct = after.get(BANK.prod)!;
		for (const id of [ARN.alice, ARN.tellers, ARN.auditor, ARN.bucket])
			expect(after.get(id)!.y).toBeGreaterThan(acct.y);
		expect(after.get(ARN.tellers)!.y).toBe(acct.y + ROW_H);
		expect(after.get(ARN.alice)!.y).toBe(acct.y + 2 * ROW_H);
		expect(overlaps(after)).toEqual([]);
	});

	it('puts a small block in the nearest free spot beneath its parent, moving nothing', () => {
		const before = lay([BANK.prod], lay([]));
		const after = lay([BANK.prod, ARN.alice], before);
		for (const [id, p] of before) expect(after.get(id), id).toEqual(p);
		const b = after.get(ARN.boundary)!;
		expect(b.y).toBe(after.get(ARN.alice)!.y + ROW_H);
		expect(Math.abs(b.x - after.get(ARN.alice)!.x)).toBeLessThanOrEqual(SLOT_W);
		expect(overlaps(after)).toEqual([]);
	});

	it('when there is no free spot, shifts only what lies below, keeping rows aligned', () => {
		const policy = makeManagedPolicy({ name: 'P' });
		const users = Array.from({ length: 40 }, (_, i) =>
			makeUser({ name: `u${i}`, attachedPolicies: [policy.arn] })
		);
		const snap = makeSnapshot({
			organization: makeOrg(),
			accounts: [makeAccount({ users, policies: [policy] })]
		});
		const src = new GraphSource(indexSnapshot(snap));
		const layOf = (x: string[], prev: Positions = new Map()) =>
			extendLayout(prev, buildView(src, x), src.rootId);
		const before = layOf(['111111111111'], layOf([]));
		const mid = users[14].arn; // second row of four
		const after = layOf(['111111111111', mid], before);
		for (const u of users) {
			const [b, a] = [before.get(u.arn)!, after.get(u.arn)!];
			expect(a.x).toBe(b.x);
			expect(a.y - b.y, u.name).toBe(b.y > before.get(mid)!.y ? ROW_H : 0);
		}
		expect(after.get(policy.arn)).toEqual({ x: after.get(mid)!.x, y: after.get(mid)!.y + ROW_H });
		expect(overlaps(after)).toEqual([]);
	});

	it('collapsing removes positions and re-expanding restores them: same list, same picture', () => {
		const a = lay([BANK.prod, ARN.alice], lay([BANK.prod], lay([])));
		const direct = lay([BANK.prod, ARN.alice]);
		expect(direct).toEqual(a);
		const collapsed = lay([], a);
		expect(collapsed.has(ARN.alice)).toBe(false);
	});

	it('wraps an account of 200 principals into rows of ten', () => {
		const users = Array.from({ length: 200 }, (_, i) => makeUser({ name: `u${i}` }));
		const snap = makeSnapshot({
			organization: makeOrg({ accounts: [makeOrgAccount()] }),
			accounts: [makeAccount({ users })]
		});
		const src = new GraphSource(indexSnapshot(snap));
		const pos = extendLayout(new Map(), buildView(src, ['111111111111']), src.rootId);
		const rows = new Set(users.map((u) => pos.get(u.arn)!.y));
		expect(rows.size).toBe(20);
		expect(overlaps(pos)).toEqual([]);
	});
});
