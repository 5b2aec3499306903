import { describe, expect, it } from 'vitest';
import { importFiles } from '../../import/import-files';
import { readDemoFilesFromDisk } from '../../demo/demo-files-node';
import { DESIGNED_PATHS } from '../../demo/designed-paths';
import { indexSnapshot } from '../../model/snapshot-index';
import { createEvaluator } from '../evaluate';
import { defaultContext, defaultRegion, effectiveContext } from './default-context';

const outcome = importFiles(readDemoFilesFromDisk(), { name: 'demo', now: '2024-03-14T00:00:00Z' });
if (!outcome.ok) throw new Error(outcome.errors[0].message);
const snapshot = outcome.snapshot;
const index = indexSnapshot(snapshot);
const evaluator = createEvaluator(snapshot);

/**
 * Paths whose point is a context key the user must set (docs/demo-bank.md): break glass WITH MFA
 * (f). Every other designed path gets its designed decision from the defaults alone.
 */
const NEEDS_USER_CONTEXT = new Set(['f-break-glass-with-mfa']);

describe('default request context', () => {
	it('takes the region from the ARN, the bucket, then the account', () => {
		expect(defaultRegion(index, null, 'arn:aws:ec2:us-east-1:926359471608:instance/*').region).toBe(
			'us-east-1'
		);
		const bucket = defaultRegion(index, null, 'arn:aws:s3:::meridian-loan-applications-prod/x');
		expect(bucket.region).toBe('eu-west-1');
		const role = defaultRegion(index, null, 'arn:aws:iam::704137259486:role/BreakGlassAdmin');
		expect(role.region).toBe('eu-west-1');
		expect(role.why).toMatch(/account/);
	});

	it('prefills TLS, the time and MFA off; user keys override case-insensitively', () => {
		const d = defaultContext(index, null, null, new Date('2025-01-02T03:04:05.678Z'));
		expect(d.values['aws:SecureTransport']).toBe(true);
		expect(d.values['aws:MultiFactorAuthPresent']).toBe(false);
		expect(d.values['aws:CurrentTime']).toBe('2025-01-02T03:04:05Z');
		expect('aws:SourceIp' in d.values).toBe(false);
		const e = effectiveContext(d.values, {
			'aws:multifactorauthpresent': true,
			'aws:SecureTransport': null
		});
		expect(e['aws:multifactorauthpresent']).toBe(true);
		expect('aws:MultiFactorAuthPresent' in e).toBe(false);
		expect('aws:SecureTransport' in e).toBe(false);
	});

	for (const path of DESIGNED_PATHS.filter((p) => !NEEDS_USER_CONTEXT.has(p.id)))
		it(`${path.id} gets its designed decision with no context typed`, () => {
			const { principal, resource, action } = path.request;
			const context = defaultContext(index, principal, resource).values;
			const r = evaluator.evaluate({ principal, resource, action, context });
			expect(r.decision).toBe(path.expected);
		});
});
