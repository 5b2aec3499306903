/**
 * The real synthetic organization: scripts/generate-synthetic.js (import engineer) builds the
 * collection in memory and importFiles turns it into the snapshot the app would hold. The question
 * timed is s3:GetObject on an object in the first member account's bucket (which has a bucket
 * policy), asked for every principal.
 */
import { pathToFileURL } from 'node:url';

/** The snapshot and the question, from the generator at `generatorPath`. */
export async function loadSyntheticSnapshot(generatorPath) {
	const { generate } = await import(pathToFileURL(generatorPath).href);
	const { importFiles } = await import('../../src/lib/import/import-files.ts');
	const encoder = new TextEncoder();
	const files = [...generate({ accounts: 100, principals: 20000, policies: 5000 })].map(([path, value]) => ({
		path,
		bytes: encoder.encode(typeof value === 'string' ? value : JSON.stringify(value))
	}));
	const outcome = importFiles(files, { name: 'synthetic-100', now: '2026-01-01T00:00:00Z' });
	if (!outcome.ok) throw new Error(`synthetic import failed: ${outcome.errors.map((e) => e.message).join('; ')}`);
	const snapshot = outcome.snapshot;
	const account = snapshot.accounts.find((a) => a.resources.some((r) => r.kind === 's3-bucket' && r.policy)) ?? snapshot.accounts[0];
	const bucket = account.resources.find((r) => r.kind === 's3-bucket' && r.policy) ?? account.resources[0];
	return { snapshot, action: 's3:GetObject', resource: `${bucket.arn}/reports/q1.csv`, source: 'scripts/generate-synthetic.js' };
}
