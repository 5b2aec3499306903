import { describe, expect, it } from 'vitest';
import type { CatalogFinding } from '../engine/catalog/lint-policy';
import type { PolicyDocument } from '../model/policy-document';
import { PolicyFindings } from './policy-findings.svelte';

const doc = (action: string): PolicyDocument => ({
	Version: '2012-10-17',
	Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }]
});
const finding = { kind: 'unknown-action', value: 's3:GetObjet' } as unknown as CatalogFinding;
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('PolicyFindings', () => {
	it('asks the engine once per document and answers from then on', async () => {
		const asked: PolicyDocument[] = [];
		const findings = new PolicyFindings({
			lintPolicy: async (d) => (asked.push(d), d === typo ? [finding] : [])
		});
		const typo = doc('s3:GetObjet');
		const fine = doc('s3:GetObject');
		expect(findings.of(typo)).toEqual([]);
		expect(findings.of(fine)).toEqual([]);
		findings.of(typo);
		await tick();
		expect(findings.of(typo)).toEqual([finding]);
		expect(findings.of(fine)).toEqual([]);
		expect(asked).toEqual([typo, fine]);
	});

	it('flags nothing when the engine cannot answer', async () => {
		const findings = new PolicyFindings({
			lintPolicy: async () => {
				throw new Error('no catalog');
			}
		});
		const d = doc('s3:GetObject');
		findings.of(d);
		await tick();
		expect(findings.of(d)).toEqual([]);
	});
});
