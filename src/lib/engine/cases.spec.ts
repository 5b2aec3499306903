/**
 * The evaluator's data-driven cases: every cases/*.json file holds an array of cases (format in
 * cases/README.md); each becomes one test that builds its world and checks the decision, the
 * gap layer and the expected reasons (a partial match, in order).
 */
import { describe, expect, it } from 'vitest';
import { createEvaluator } from './evaluate';
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
