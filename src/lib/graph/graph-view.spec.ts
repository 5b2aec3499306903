import { describe, expect, it } from 'vitest';
import { indexSnapshot } from '../model/snapshot-index';
import { inlinePolicyId } from '../model/ids';
import { GraphSource } from './graph-source';
import { buildView, withCollapsed, withExpanded } from './graph-view';
import { attachmentId, NO_ORG_ROOT } from './kinds';
import { extendLayout } from './layout';
import { makeAccount, makeSnapshot, makeUser } from '../testing/builders';
import { ARN, BANK, smallBank } from './testing/small-bank';

const source = () => new GraphSource(indexSnapshot(smallBank()));
const kindsOf = (ids: Iterable<string>, view: ReturnType<typeof buildView>) =>
	[...ids].map((id) => view.nodes.get(id)?.kind);

describe('buildView', () => {
	it('shows the org tree first, accounts collapsed with their counts', () => {
		const view = buildView(source(), []);
		expect(kindsOf(['r-root', 'ou-work', 'ou-prod', BANK.prod], view)).toEqual([
			'root',
			'ou',
			'ou',
			'account'
		]);
		expect(view.nodes.has(ARN.alice)).toBe(false);
		expect(view.nodes.get(BANK.prod)?.sub).toBe(`${BANK.prod} · 3 principals`);
		expect(view.nodes.get(BANK.prod)?.childCount).toBe(7);
		expect(view.edges.has(`ou-prod->${BANK.prod}:contains`)).toBe(true);
	});

	it('shows SCP/RCP tags beside the root and OUs, and account tags only once expanded', () => {
		const s = source();
		const org = buildView(s, []);
		expect(org.nodes.get(attachmentId('p-allowlist', 'ou-reg'))?.kind).toBe('scp');
		expect(org.nodes.get(attachmentId('p-rcp', 'r-root'))?.kind).toBe('rcp');
		expect(org.nodes.has(attachmentId('p-FullAWSAccess', BANK.prod))).toBe(false);
		const open = buildView(s, [BANK.prod]);
		expect(open.edges.has(`${attachmentId('p-FullAWSAccess', BANK.prod)}->${BANK.prod}:scp`)).toBe(
			true
		);
	});

	it('expanding an account shows groups, users, roles and resources with membership edges', () => {
		const view = buildView(source(), [BANK.prod]);
		expect(kindsOf([ARN.tellers, ARN.alice, ARN.auditor, ARN.bucket], view)).toEqual([
			'group',
			'user',
			'role',
			'resource'
		]);
		expect(view.edges.has(`${ARN.tellers}->${ARN.alice}:member`)).toBe(true);
		// alice hangs off her group, bob (no group) off the account
		expect(view.edges.has(`${BANK.prod}->${ARN.alice}:contains`)).toBe(false);
		expect(view.edges.has(`${BANK.prod}->${ARN.bob}:contains`)).toBe(true);
		expect(view.parent.get(ARN.alice)).toBe(BANK.prod);
	});

	it('expanding principals shows managed, inline and boundary policies and cross-account trust', () => {
		const view = buildView(source(), [BANK.prod, ARN.alice, ARN.bob, ARN.auditor, ARN.tellers]);
		expect(view.edges.has(`${ARN.alice}->${ARN.boundary}:boundary`)).toBe(true);
		expect(view.edges.has(`${ARN.tellers}->${ARN.tellerPolicy}:attached`)).toBe(true);
		expect(view.nodes.get(inlinePolicyId(ARN.bob, 'deny-delete'))?.kind).toBe('inline');
		expect(view.edges.has(`${ARN.auditBot}->${ARN.auditor}:may-assume`)).toBe(true);
		expect(view.nodes.get('arn:aws:iam::999999999999:root')?.kind).toBe('external');
	});

	it('expanding a policy shows the resources its statements reach (bucket objects reach the bucket)', () => {
		const view = buildView(source(), [BANK.prod, ARN.tellers, ARN.tellerPolicy]);
		expect(view.edges.has(`${ARN.tellerPolicy}->${ARN.bucket}:reaches`)).toBe(true);
		expect(view.edges.has(`${ARN.tellerPolicy}->${ARN.key}:reaches`)).toBe(false);
	});

	it('drops expansions of nodes that are not visible, and collapsing drops what only it revealed', () => {
		const s = source();
		expect(buildView(s, [ARN.alice]).expanded).toEqual([]);
		const list = withExpanded(withExpanded([BANK.prod], ARN.alice), ARN.alice);
		expect(list).toEqual([BANK.prod, ARN.alice]);
		expect(withCollapsed(s, list, BANK.prod)).toEqual([]);
	});

	it('finds the expansions that make an object visible', () => {
		const s = source();
		expect(s.expansionsFor(ARN.alice)).toEqual([BANK.prod]);
		expect(s.expansionsFor(inlinePolicyId(ARN.bob, 'deny-delete'))).toEqual([BANK.prod, ARN.bob]);
		expect(s.expansionsFor(ARN.tellerPolicy)).toEqual([BANK.prod, ARN.tellers]);
		expect(s.expansionsFor('ou-prod')).toEqual([]);
		expect(s.expansionsFor('nope')).toBeNull();
	});
});

describe('objectNode and pinned nodes', () => {
	it('draws an S3 object as its bucket and an unknown resource as a pinned stand-in under its account', () => {
		const s = source();
		expect(s.objectNode(`${ARN.bucket}/a/b.pdf`).id).toBe(ARN.bucket);
		const ec2 = s.objectNode(`arn:aws:ec2:us-east-1:${BANK.prod}:instance/*`);
		expect([ec2.kind, ec2.accountId, ec2.sub]).toEqual([
			'resource',
			BANK.prod,
			'ec2 · not in snapshot'
		]);
		const view = buildView(s, [BANK.prod], [ec2]);
		expect(view.parent.get(ec2.id)).toBe(BANK.prod);
		expect(buildView(s, [], [ec2]).parent.get(ec2.id)).toBe(BANK.prod);
	});
});

describe('a snapshot without an organization', () => {
	it('hangs its accounts under a stand-in root and lays them out', () => {
		const snap = makeSnapshot({
			accounts: [
				makeAccount({ id: '111111111111', users: [makeUser()] }),
				makeAccount({ id: '222222222222' })
			]
		});
		const s = new GraphSource(indexSnapshot(snap));
		const view = buildView(s, ['111111111111']);
		expect(s.rootId).toBe(NO_ORG_ROOT);
		expect(view.nodes.get(NO_ORG_ROOT)?.kind).toBe('root');
		expect(view.edges.has(`${NO_ORG_ROOT}->222222222222:contains`)).toBe(true);
		expect(view.nodes.has('arn:aws:iam::111111111111:user/alice')).toBe(true);
		const pos = extendLayout(new Map(), view, s.rootId);
		expect(pos.get('arn:aws:iam::111111111111:user/alice')!.y).toBeGreaterThan(
			pos.get('111111111111')!.y
		);
	});
});
