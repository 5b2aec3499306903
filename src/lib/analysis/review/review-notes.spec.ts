import { describe, expect, it } from 'vitest';
import type { Finding } from '../findings/types';
import { groupFindings } from './group-findings';
import {
	decisionFor,
	decisionsByKey,
	draftProblem,
	findingKey,
	notesFor,
	withNote,
	withoutNote
} from './review-notes';

const finding = (
	rule: string,
	subject: string,
	severity: Finding['severity'],
	account: string | null
): Finding => ({
	rule,
	severity,
	subject,
	title: `${rule} on ${subject}`,
	evidence: {},
	graphTarget: subject,
	account
});
const F = [
	finding('root-no-mfa', '111111111111', 'critical', '111111111111'),
	finding('policy-on-user', 'arn:aws:iam::111111111111:user/a', 'low', '111111111111'),
	finding('policy-on-user', 'arn:aws:iam::222222222222:user/b', 'low', '222222222222'),
	finding('scp-no-guardrails', 'r-root', 'medium', null)
];

describe('review notes', () => {
	it('a finding note hangs on <rule>|<subject>; the latest status note is the decision', () => {
		const key = findingKey(F[1]);
		expect(key).toBe('policy-on-user|arn:aws:iam::111111111111:user/a');
		let notes = withNote(
			[],
			{ targetKind: 'finding', target: key, text: ' looked at ', author: '' },
			'n1',
			'2026-01-01T00:00:00Z'
		);
		notes = withNote(
			notes,
			{
				targetKind: 'finding',
				target: key,
				text: '',
				status: 'to-fix',
				owner: 'Ana',
				due: '2026-03-01'
			},
			'n2',
			'2026-01-02T00:00:00Z'
		);
		notes = withNote(
			notes,
			{
				targetKind: 'finding',
				target: key,
				text: 'ok for now',
				status: 'accepted-risk',
				owner: 'Bo'
			},
			'n3',
			'2026-01-03T00:00:00Z'
		);
		expect(notes[0]).toMatchObject({
			text: 'looked at',
			author: null,
			status: null,
			owner: null,
			due: null
		});
		expect(decisionFor(notes, key)?.id).toBe('n3');
		expect(decisionsByKey(notes).get(key)?.status).toBe('accepted-risk');
		expect(decisionFor(withoutNote(notes, 'n3'), key)?.status).toBe('to-fix');
		expect(notesFor(notes, 'finding', key).map((n) => n.id)).toEqual(['n1', 'n2', 'n3']);
		expect(notesFor(notes, 'node', key)).toEqual([]);
	});

	it('refuses empty notes, decisions on nodes and bad dates', () => {
		expect(draftProblem({ targetKind: 'node', target: 'x', text: '  ' })).toMatch(/Write a note/);
		expect(draftProblem({ targetKind: 'node', target: 'x', text: 'a', status: 'to-fix' })).toMatch(
			/Only a finding/
		);
		expect(
			draftProblem({
				targetKind: 'finding',
				target: 'x',
				text: '',
				status: 'to-fix',
				due: '1/2/2026'
			})
		).toMatch(/YYYY-MM-DD/);
		expect(
			draftProblem({
				targetKind: 'finding',
				target: 'x',
				text: '',
				status: 'to-fix',
				due: '2026-02-01'
			})
		).toBeNull();
	});
});

describe('groupFindings', () => {
	const accepted = decisionsByKey(
		withNote(
			[],
			{ targetKind: 'finding', target: findingKey(F[2]), text: '', status: 'accepted-risk' },
			'n',
			'2026-01-01T00:00:00Z'
		)
	);

	it('groups by rule, worst group first, with counts', () => {
		const g = groupFindings(F, new Map(), { severities: [], hideAccepted: false, groupBy: 'rule' });
		expect(g.groups.map((x) => [x.id, x.rows.length])).toEqual([
			['root-no-mfa', 1],
			['scp-no-guardrails', 1],
			['policy-on-user', 2]
		]);
		expect(g.counts).toEqual({ critical: 1, high: 0, medium: 1, low: 2, info: 0 });
		expect([g.shown, g.total, g.accepted]).toEqual([4, 4, 0]);
	});

	it('groups by account with names, worst first, then larger, then by label; filters severity', () => {
		const g = groupFindings(
			F,
			new Map(),
			{ severities: ['low', 'medium'], hideAccepted: false, groupBy: 'account' },
			(id) => (id === '111111111111' ? 'Prod' : undefined)
		);
		expect(g.groups.map((x) => x.label)).toEqual([
			'Organization-wide',
			'222222222222',
			'Prod (111111111111)'
		]);
		expect(g.shown).toBe(3);
		expect(g.counts.critical).toBe(1);
	});

	it('hides accepted risks on request, and keeps them (with the decision) otherwise', () => {
		const hidden = groupFindings(F, accepted, {
			severities: [],
			hideAccepted: true,
			groupBy: 'rule'
		});
		expect([hidden.shown, hidden.accepted, hidden.counts.low]).toEqual([3, 1, 1]);
		const shown = groupFindings(F, accepted, {
			severities: [],
			hideAccepted: false,
			groupBy: 'rule'
		});
		const row = shown.groups.flatMap((g) => g.rows).find((r) => r.finding === F[2]);
		expect(row?.decision?.status).toBe('accepted-risk');
	});
});
