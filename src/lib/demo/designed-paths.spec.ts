import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../engine/evaluate';
import { importFiles } from '../import/import-files';
import { readDemoFilesFromDisk } from './demo-files-node';
import { DESIGNED_PATHS } from './designed-paths';

const outcome = importFiles(readDemoFilesFromDisk(), { now: '2024-03-14T00:00:00Z' });
const evaluator = outcome.ok ? createEvaluator(outcome.snapshot) : null;

describe('designed paths of the demo bank', () => {
	it('cover the paths issue 2 asks for', () => {
		const kinds = DESIGNED_PATHS.map((p) =>
			[p.expected, ...p.deciding.map((d) => d.policyType)].join(' ')
		);
		expect(kinds).toContain('allowed identity');
		expect(
			DESIGNED_PATHS.some(
				(p) =>
					p.expected === 'explicitDeny' &&
					p.deciding.some((d) => d.policyType === 'scp' && d.attachedTo.startsWith('ou-'))
			)
		).toBe(true);
		expect(
			DESIGNED_PATHS.some(
				(p) => p.expected === 'explicitDeny' && p.deciding.some((d) => d.policyType === 'identity')
			)
		).toBe(true);
		expect(DESIGNED_PATHS.some((p) => p.expected === 'implicitDeny' && p.gap === 'boundary')).toBe(
			true
		);
		expect(
			DESIGNED_PATHS.some(
				(p) =>
					p.expected === 'allowed' &&
					p.request.resourceAccount &&
					!p.request.principal.includes(p.request.resourceAccount)
			)
		).toBe(true);
	});

	for (const path of DESIGNED_PATHS) {
		it(`${path.id}: ${path.expected}`, () => {
			const result = evaluator!.evaluate(path.request);
			expect(result.decision, result.summary).toBe(path.expected);
			if (path.gap) expect(result.gap).toBe(path.gap);
			for (const d of path.deciding)
				expect(result.reasons).toContainEqual(expect.objectContaining(d));
		});
	}
});
