import { describe, expect, it } from 'vitest';
import { indexSnapshot } from '../model/snapshot-index';
import { GraphSource } from './graph-source';
import { buildView } from './graph-view';
import { focusClasses, neighbourhood } from './focus';
import { buildSearchIndex, searchEntries } from './search-index';
import { decodeViewHash, emptyViewState, encodeViewHash } from './view-hash';
import { ARN, BANK, smallBank } from './testing/small-bank';

const index = indexSnapshot(smallBank());

describe('search', () => {
	const entries = buildSearchIndex(index);
	it('finds by name prefix first, then by ARN or id substring', () => {
		expect(searchEntries(entries, 'ali').map((e) => e.id)).toEqual([ARN.alice]);
		expect(searchEntries(entries, 'ou-prod')[0].id).toBe('ou-prod');
		expect(searchEntries(entries, BANK.audit).map((e) => e.kind)).toEqual(['account', 'role']);
		expect(searchEntries(entries, 'customer-accounts')[0].kind).toBe('resource');
		expect(searchEntries(entries, '   ')).toEqual([]);
	});
});

describe('neighbourhood', () => {
	const view = buildView(new GraphSource(index), [BANK.prod, ARN.alice]);
	it('keeps the nodes within the hop limit and hides the rest', () => {
		const one = neighbourhood(view, ARN.alice, 1);
		expect(one.has(ARN.tellers)).toBe(true);
		expect(one.has(ARN.boundary)).toBe(true);
		expect(one.has(BANK.prod)).toBe(true);
		expect(one.has('ou-prod')).toBe(false);
		expect(neighbourhood(view, ARN.alice, 2).has('ou-prod')).toBe(true);
		const hidden = focusClasses(view, one);
		expect(hidden.get('r-root')).toEqual(['focus-hidden']);
		expect(hidden.has(ARN.alice)).toBe(false);
	});
});

describe('view hash', () => {
	it('round-trips a full view and survives junk', () => {
		const v = {
			...emptyViewState('snap-1'),
			expanded: [BANK.prod, ARN.alice],
			selected: ARN.alice,
			focus: { id: ARN.alice, hops: 2 },
			principal: ARN.alice,
			resource: ARN.bucket,
			action: 's3:GetObject',
			context: { 'aws:SourceIp': '10.0.0.1', 'aws:MultiFactorAuthPresent': true }
		};
		expect(decodeViewHash(encodeViewHash(v))).toEqual(v);
		expect(decodeViewHash('#x=%7Bbad&c=[1]&f=zz')).toEqual(emptyViewState());
	});
});
