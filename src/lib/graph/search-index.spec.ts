import { describe, expect, it } from 'vitest';
import { readDemoFilesFromDisk } from '../demo/demo-files-node';
import { importFiles } from '../import/import-files';
import { indexSnapshot } from '../model/snapshot-index';
import { buildSearchIndex, searchEntries, typedEntry } from './search-index';

const outcome = importFiles(readDemoFilesFromDisk(), { name: 'demo', now: '2024-03-14T00:00:00Z' });
if (!outcome.ok) throw new Error(outcome.errors[0].message);
const entries = buildSearchIndex(indexSnapshot(outcome.snapshot));

describe('search indexes what the snapshot names, not only what it holds', () => {
	it("finds the vendor's account, named only in a trust policy (paths g and i)", () => {
		const hit = searchEntries(entries, '318273645091')[0];
		expect(hit?.id).toBe('arn:aws:iam::318273645091:root');
		expect(hit?.kind).toBe('external');
		expect(hit?.detail).toMatch(/named in the trust policy of VendorRiskAnalytics/);
	});

	it('lists each outside name once; accounts of the snapshot are not outside', () => {
		const ids = entries.map((e) => e.id);
		expect(ids.filter((id) => id === 'arn:aws:iam::318273645091:root')).toHaveLength(1);
		expect(ids).not.toContain('arn:aws:iam::704137259486:root');
		expect(searchEntries(entries, 'james.chen')[0]?.kind).toBe('user');
	});
});

describe('typed principals and resources', () => {
	it('offers to trace any principal or resource ARN typed into search', () => {
		expect(typedEntry('arn:aws:iam::318273645091:role/NorthstarIngest')?.kind).toBe('external');
		expect(typedEntry('arn:aws:sts::111111111111:assumed-role/R/s')?.kind).toBe('external');
		expect(typedEntry('222222222222')?.id).toBe('arn:aws:iam::222222222222:root');
		expect(typedEntry('*')?.kind).toBe('external');
		expect(typedEntry('lambda.amazonaws.com')?.kind).toBe('external');
		expect(typedEntry('arn:aws:s3:::bucket/key')?.kind).toBe('resource');
		expect(typedEntry('james')).toBeNull();
	});
});
