/**
 * Findings on the real public data in ../shared/corpus (the CloudMapper demo collection and the
 * Cloudsplaining GAADs): the exact count per rule, and the subjects checked by hand. GAAD-only
 * inputs carry no capture time, so ages count from the import time fixed here.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findFindings } from '../../src/lib/analysis/findings/find-findings';
import type { Finding } from '../../src/lib/analysis/findings/types';
import { importFiles, type InputFile } from '../../src/lib/import/import-files';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// ../shared/corpus from the main checkout; ../../shared/corpus from a worktree under wt/
const corpus =
	[resolve(repo, '../shared/corpus'), resolve(repo, '../../shared/corpus')].find((p) =>
		existsSync(p)
	) ?? resolve(repo, '../shared/corpus');
const NOW = '2026-11-26T00:00:00.000Z';

const walk = (dir: string): string[] =>
	readdirSync(dir)
		.sort()
		.flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));

function findingsOf(path: string): Finding[] {
	const full = join(corpus, path);
	const files: InputFile[] = statSync(full).isDirectory()
		? walk(full).map((p) => ({
				path: relative(dirname(full), p),
				bytes: new Uint8Array(readFileSync(p))
			}))
		: [{ path: basename(full), bytes: new Uint8Array(readFileSync(full)) }];
	const outcome = importFiles(files, { now: NOW });
	if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
	return findFindings(outcome.snapshot);
}

const countByRule = (fs: Finding[]) => {
	const counts: Record<string, number> = {};
	for (const f of fs) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
	return counts;
};
const subjects = (fs: Finding[], rule: string) =>
	fs
		.filter((f) => f.rule === rule)
		.map((f) => f.subject)
		.sort();

/** Count per rule for every input. */
const EXPECTED: Record<string, Record<string, number>> = {
	'cli/cloudmapper-demo': {
		'root-access-key': 1,
		'root-recently-used': 1,
		'user-console-without-mfa': 1,
		'access-key-not-rotated': 1,
		'credential-unused': 2,
		'policy-on-user': 1,
		'wildcard-policy': 1,
		'role-trusts-everyone': 1,
		'resource-public': 4
	},
	'gaad/cloudsplaining/example.json': {
		'wildcard-policy': 5,
		'role-trusts-outside': 2,
		'third-party-without-external-id': 2,
		'policy-on-user': 42,
		'unused-role': 70
	},
	'gaad/cloudsplaining/example-authz-details.json': { 'policy-on-user': 3, 'unused-role': 3 },
	'gaad/cloudsplaining/example_authz_v2.json': { 'unused-role': 2 },
	'gaad/cloudsplaining/managed_policy_mismatch.json': {}
};

describe('findings on the public corpus', () => {
	for (const [path, counts] of Object.entries(EXPECTED))
		it(`${path}: ${Object.values(counts).reduce((a, b) => a + b, 0)} findings, exact count per rule`, () => {
			expect(countByRule(findingsOf(path))).toEqual(counts);
		});

	it('CloudMapper demo, checked by hand: the report rows, the open role and the public resources', () => {
		const fs = findingsOf('cli/cloudmapper-demo');
		const root = 'arn:aws:iam::123456789012:root';
		expect(subjects(fs, 'root-access-key')).toEqual([root]);
		expect(subjects(fs, 'root-no-mfa')).toEqual([]); // mfa_active true on the <root_account> row
		// root password used 2019-03-03, report generated 2019-05-07: 64 days
		expect(fs.find((f) => f.rule === 'root-recently-used')!.title).toContain('64 days');
		expect(subjects(fs, 'user-console-without-mfa')).toEqual([
			'arn:aws:iam::123456789012:user/user'
		]);
		expect(subjects(fs, 'credential-unused')).toEqual([
			'arn:aws:iam::123456789012:user/auditor_tmp',
			'arn:aws:iam::123456789012:user/user'
		]);
		expect(subjects(fs, 'role-trusts-everyone')).toEqual([
			'arn:aws:iam::123456789012:role/bad_role'
		]);
		// public: the bucket, the queue, the public topic, the ECR repository; not the default-policy
		// topic (AWS:SourceOwner) nor the Lambda permission for API Gateway (AWS:SourceArn)
		expect(subjects(fs, 'resource-public')).toEqual([
			'arn:aws:ecr:us-east-1:123456789012:repository/cloudmapper',
			'arn:aws:s3:::cloudmapper_demo',
			'arn:aws:sns:us-east-1:123456789012:demo_public',
			'arn:aws:sqs:us-east-1:123456789012:demo'
		]);
		expect(subjects(fs, 'wildcard-policy')).toEqual([
			'arn:aws:iam::123456789012:role/bad_role#inline/dostuff'
		]);
	});

	it('Cloudsplaining example.json, checked by hand: the admin-like policies and the outside trusts', () => {
		const fs = findingsOf('gaad/cloudsplaining/example.json');
		expect(subjects(fs, 'wildcard-policy')).toEqual(
			[
				'fn4-exploitableNotAction',
				'fp2-allow-all',
				'privesc-AssumeRole-high-priv-policy',
				'privesc-high-priv-service-policy',
				'privesc-sre-admin-policy'
			].map((n) => `arn:aws:iam::200611803367:policy/${n}`)
		);
		// no organization data: the management account 072528804237 is outside the snapshot
		expect(subjects(fs, 'role-trusts-outside')).toEqual([
			'arn:aws:iam::200611803367:role/OrganizationAccountAccessRole',
			'arn:aws:iam::200611803367:role/stacksets-exec-b5520cb2730c2f54b523d6375a319abb'
		]);
	});

	it('through the real binaries: import the CloudMapper demo, then findings --json, one line per finding', () => {
		const out = join(mkdtempSync(join(tmpdir(), 'atlas-findings-')), 'snapshot.json');
		const bin = join(repo, 'bin/iam-atlas.js');
		execFileSync(
			process.execPath,
			[bin, 'import', join(corpus, 'cli/cloudmapper-demo'), '--out', out],
			{ stdio: 'pipe' }
		);
		const lines = execFileSync(process.execPath, [bin, 'findings', '--snapshot', out, '--json'], {
			encoding: 'utf8'
		})
			.split('\n')
			.filter(Boolean)
			.map((l) => JSON.parse(l) as { rule: string; subject: string });
		// The 13 findings above, plus the access-path analysis' one: bad_role's inline `*` on `*` makes it an administrator.
		const access = lines.filter(
			(l) => l.rule === 'admin-principal' || l.rule === 'escalation-path'
		);
		expect(access.map((l) => [l.rule, l.subject])).toEqual([
			['admin-principal', 'arn:aws:iam::123456789012:role/bad_role']
		]);
		expect(lines).toHaveLength(14);
		expect(lines[0].rule).toBe('root-access-key');
	});
});
