/**
 * The synthetic organization for the engine benches: scripts/generate-synthetic.js writes the
 * collection (default 100 accounts, 20,000 principals) into bench/out/synthetic, and the real
 * importer turns it into a snapshot. Needs `register()` from tsx/esm/api done by the caller.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function walk(dir, out = []) {
	for (const name of readdirSync(dir).sort()) {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) walk(p, out);
		else out.push(p);
	}
	return out;
}

/** Generate and import the synthetic organization; returns the snapshot. */
export async function syntheticOrg(args = []) {
	const out = join(repo, 'bench', 'out', 'synthetic');
	const gen = spawnSync(
		process.execPath,
		[join(repo, 'scripts', 'generate-synthetic.js'), '--out', out, ...args],
		{ encoding: 'utf8' }
	);
	if (gen.status !== 0) throw new Error(`generate-synthetic failed: ${gen.stderr}`);
	const { importFiles } = await import('../src/lib/import/import-files.ts');
	const files = walk(out).map((p) => ({
		path: relative(out, p).split('\\').join('/'),
		bytes: new Uint8Array(readFileSync(p))
	}));
	const outcome = importFiles(files, { name: 'synthetic', now: '2026-01-01T00:00:00Z' });
	if (!outcome.ok)
		throw new Error(`import failed: ${outcome.errors.map((e) => e.message).join('; ')}`);
	return outcome.snapshot;
}

/** The principals, resources (with policies) and actions the engine benches draw requests from. */
export function requestVocabulary(snapshot) {
	return {
		principals: snapshot.accounts.flatMap((a) => [
			...a.users.map((u) => u.arn),
			...a.roles.map((r) => r.arn)
		]),
		resources: snapshot.accounts.flatMap((a) => a.resources.map((r) => r.arn)),
		actions: [
			's3:GetObject',
			's3:PutObject',
			'ec2:DescribeInstances',
			'iam:CreateUser',
			'sts:AssumeRole',
			'kms:Decrypt',
			'sqs:SendMessage'
		]
	};
}
