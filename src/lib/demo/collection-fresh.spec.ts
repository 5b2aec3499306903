import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemoCollection } from './bank/build-collection';
import { DEMO_COLLECTION_DIR, listFiles } from './demo-files-node';

describe('demo collection on disk', () => {
	it('is exactly what the bank definition generates (run bank/write-collection.ts after editing it)', () => {
		const generated = buildDemoCollection();
		const onDisk = listFiles(DEMO_COLLECTION_DIR);
		expect(onDisk).toEqual(Object.keys(generated));
		for (const path of onDisk)
			expect(readFileSync(join(DEMO_COLLECTION_DIR, path), 'utf8'), path).toBe(generated[path]);
	});

	it('uses AWS CLI v2 shapes: dates with +00:00, policies as JSON strings outside GAAD, lower-case ECR keys', () => {
		const files = buildDemoCollection();
		const gaad = JSON.parse(files['704137259486/iam-get-account-authorization-details.json']);
		expect(gaad.UserDetailList[0].CreateDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
		expect(typeof gaad.RoleDetailList[0].AssumeRolePolicyDocument).toBe('object');
		expect(
			typeof JSON.parse(
				files['704137259486/s3api-get-bucket-policy/meridian-loan-applications-prod.json']
			).Policy
		).toBe('string');
		expect(
			typeof JSON.parse(files['organizations-describe-policy/p-3hd9wz6c.json']).Policy.Content
		).toBe('string');
		expect(
			Object.keys(
				JSON.parse(files['926359471608/eu-west-1/ecr-get-repository-policy/payments-api.json'])
			)
		).toEqual(['registryId', 'repositoryName', 'policyText']);
		expect(
			Object.keys(files).some((p) =>
				p.includes(
					'sqs-get-queue-attributes/https%3A%2F%2Fsqs.eu-west-1.amazonaws.com%2F704137259486%2Fcore-transactions.json'
				)
			)
		).toBe(true);
	});
});
