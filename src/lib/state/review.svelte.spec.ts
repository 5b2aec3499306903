import { describe, expect, it } from 'vitest';
import { findFindings } from '../analysis/findings/find-findings';
import { worldToSnapshot } from '../engine/testing/world';
import type { ReviewNote } from '../model/snapshot';
import { EngineSession } from '../workers/engine-session';
import { createEvaluator } from '../engine/evaluate';
import { ReviewState } from './review.svelte';

const snapshot = worldToSnapshot({
	accounts: {
		'111111111111': {
			users: [
				{ name: 'alice', managed: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] },
				{ name: 'bob', managed: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }
			]
		}
	}
});

/** The real engine session (as the worker runs it), called directly. */
async function engine() {
	const session = new EngineSession(createEvaluator, () => Promise.reject(new Error('no catalog')));
	await session.handle({ type: 'load', id: 0, snapshot });
	let id = 1;
	const call = async (type: 'findings' | 'report', params: object) => {
		const r = await session.handle({ type, id: id++, ...params } as never);
		if (!r.ok) throw new Error(r.error.message);
		return r.result as never;
	};
	return {
		findings: (p = {}) => call('findings', p),
		report: (p: object) => call('report', p)
	};
}

describe('ReviewState', () => {
	it('loads the findings from the engine session, records a decision, hides it on request and saves every change', async () => {
		const saved: ReviewNote[][] = [];
		let n = 0;
		const review = new ReviewState({
			engine: await engine(),
			notes: [],
			save: async (notes) => (saved.push(notes), true),
			newId: () => `n${++n}`,
			clock: () => new Date('2026-01-05T00:00:00Z')
		});
		await review.load();
		expect(review.findings).toEqual(findFindings(snapshot));
		expect(review.grouped.total).toBe(2);
		const key = 'policy-on-user|arn:aws:iam::111111111111:user/alice';
		expect(
			await review.add({
				targetKind: 'finding',
				target: key,
				text: '',
				status: 'accepted-risk',
				owner: 'Ana',
				due: '2026-02-01'
			})
		).toBeNull();
		expect(saved.at(-1)).toEqual([
			expect.objectContaining({ id: 'n1', status: 'accepted-risk', owner: 'Ana' })
		]);
		review.setHideAccepted(true);
		expect([review.grouped.shown, review.grouped.accepted]).toEqual([1, 1]);
		const md = await review.report('md');
		expect(md).toContain('| policy-on-user | low | 2 | 1 | 0 |');
		expect(await review.add({ targetKind: 'node', target: 'x', text: ' ' })).toMatch(
			/Write a note/
		);
	});

	it('keeps the previous notes when saving fails', async () => {
		const review = new ReviewState({ engine: await engine(), notes: [], save: async () => false });
		expect(await review.add({ targetKind: 'node', target: 'arn:x', text: 'hello' })).toMatch(
			/could not be saved/
		);
		expect(review.notes).toEqual([]);
	});
});
