import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../engine/evaluate';
import { defaultContext, effectiveContext } from '../engine/request/default-context';
import { importFiles } from '../import/import-files';
import { snapshotFingerprint } from '../model/fingerprint';
import { indexSnapshot } from '../model/snapshot-index';
import { readDemoFilesFromDisk } from '../demo/demo-files-node';
import { DESIGNED_PATHS } from '../demo/designed-paths';
import { isDemoOrganization, tryThese } from './try-these';

const outcome = importFiles(readDemoFilesFromDisk(), { name: 'demo', now: '2024-03-14T00:00:00Z' });
if (!outcome.ok) throw new Error(outcome.errors[0].message);
const snapshot = outcome.snapshot;
const index = indexSnapshot(snapshot);
const evaluator = createEvaluator(snapshot);
const fp = snapshotFingerprint(snapshot);
const list = tryThese(DESIGNED_PATHS, fp, (p, r) => defaultContext(index, p, r));

describe('Try these (the demo designed paths as links)', () => {
	it('lists every designed path on this snapshot, with only the context the defaults lack', () => {
		expect(isDemoOrganization(snapshot.organization?.id)).toBe(true);
		expect(list.map((t) => t.id)).toEqual(DESIGNED_PATHS.map((p) => p.id));
		expect(list.every((t) => t.view.snapshot === fp)).toBe(true);
		expect(list.find((t) => t.id === 'f-break-glass-with-mfa')!.view.context).toEqual({
			'aws:MultiFactorAuthPresent': true
		});
		expect(list.find((t) => t.id === 'b-region-guard-at-workloads-ou')!.view.context).toEqual({});
	});

	for (const t of list)
		it(`${t.id}: the link's view gets the designed decision`, () => {
			const { principal, resource, action } = t.view;
			const context = effectiveContext(
				defaultContext(index, principal, resource).values,
				t.view.context
			);
			expect(
				evaluator.evaluate({ principal: principal!, resource: resource!, action: action!, context })
					.decision
			).toBe(t.expected);
		});
});
