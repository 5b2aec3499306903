/**
 * The evaluator's data-driven cases: every cases/*.json file holds an array of cases (format in
 * cases/README.md); each becomes one test that builds its world and checks the decision, the
 * gap layer and the expected reasons (a partial match, in order). Each file is first checked
 * against testing/case.schema.json, so a misspelt field fails instead of being ignored.
 */
import { describe, expect, it } from 'vitest';
import { createEvaluator } from './evaluate';
import { caseFileProblems } from './testing/case-schema';
import { worldToSnapshot, type EvalCase } from './testing/world';
import type { Reason } from './types';

const files = import.meta.glob<EvalCase[]>('./cases/*.json', { eager: true, import: 'default' });

/** Index of each expected reason within the actual ones, in order; -1 where one is missing. */
function matchInOrder(actual: Reason[], expected: Partial<Reason>[]): number[] {
	let from = 0;
	return expected.map((want) => {
		const at = actual.findIndex(
			(r, i) => i >= from && Object.entries(want).every(([k, v]) => r[k as keyof Reason] === v)
		);
		if (at >= 0) from = at + 1;
		return at;
	});
}

const names = new Set<string>();
for (const [file, cases] of Object.entries(files)) {
	describe(file.replace('./cases/', ''), () => {
		it('matches testing/case.schema.json (no misspelt or unknown field)', () => {
			expect(caseFileProblems(cases)).toEqual([]);
		});
		for (const c of cases) {
			it(c.name, () => {
				expect(names.has(c.name), `duplicate case name ${c.name}`).toBe(false);
				names.add(c.name);
				expect(c.doc, 'every case cites its AWS doc').toMatch(/^https:\/\//);
				const result = createEvaluator(worldToSnapshot(c.world)).evaluate(c.request);
				const detail = `${result.summary}\n${JSON.stringify(result.reasons, null, 1)}\nwarnings: ${result.warnings.join('; ')}`;
				expect(result.decision, detail).toBe(c.expect.decision);
				if (c.expect.gap !== undefined) expect(result.gap, detail).toBe(c.expect.gap);
				if (c.expect.reasons)
					expect(matchInOrder(result.reasons, c.expect.reasons), detail).not.toContain(-1);
			});
		}
	});
}

describe('the case schema', () => {
	const good = {
		name: 'x',
		doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html',
		world: { accounts: { '111111111111': { users: [{ name: 'alice' }] } } },
		request: {
			principal: 'arn:aws:iam::111111111111:user/alice',
			action: 's3:GetObject',
			resource: '*'
		},
		expect: { decision: 'implicitDeny' }
	};

	it('accepts a well-formed case', () => {
		expect(caseFileProblems([good])).toEqual([]);
	});

	it('refuses misspelt fields, a wrong decision and a missing citation, naming each place', () => {
		const bad = {
			...good,
			doc: undefined,
			expcet: { decision: 'allowed' },
			request: { ...good.request, resouce: 'arn:aws:s3:::b' },
			expect: { decision: 'allow', reasons: [{ efect: 'Deny' }] },
			world: { accounts: { '111111111111': { users: [{ name: 'alice', polices: [] }] } } }
		};
		delete bad.doc;
		expect(caseFileProblems([bad]).sort()).toEqual(
			[
				"/0: must have required property 'doc'",
				'/0: unknown field "expcet"',
				'/0/request: unknown field "resouce"',
				'/0/expect/decision: must be equal to one of the allowed values',
				'/0/expect/reasons/0: unknown field "efect"',
				'/0/world/accounts/111111111111/users/0: unknown field "polices"'
			].sort()
		);
	});
});
