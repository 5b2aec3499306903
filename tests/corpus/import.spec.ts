/**
 * The real public data in ../shared/corpus through the importer, in-process and through the
 * real `iam-atlas import` binary, against the exact counts of corpus/README.md §2 and §3.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFiles, type InputFile } from '../../src/lib/import/import-files';
import { countSnapshot, type SnapshotTally } from '../../src/lib/import/testing/count-snapshot';
import type { Snapshot } from '../../src/lib/model/snapshot';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = resolve(repo, '../shared/corpus');

function walk(dir: string): string[] {
	return readdirSync(dir)
		.sort()
		.flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
}

/** A file or folder as the CLI reads it: folder files keep the folder's name as first segment. */
function inputs(path: string): InputFile[] {
	if (!statSync(path).isDirectory())
		return [{ path: basename(path), bytes: new Uint8Array(readFileSync(path)) }];
	return walk(path).map((p) => ({
		path: relative(dirname(path), p),
		bytes: new Uint8Array(readFileSync(p))
	}));
}

function viaCli(path: string): Snapshot {
	const out = join(mkdtempSync(join(tmpdir(), 'atlas-corpus-')), 'snapshot.json');
	execFileSync(process.execPath, [join(repo, 'bin/iam-atlas.js'), 'import', path, '--out', out], {
		stdio: 'pipe'
	});
	return JSON.parse(readFileSync(out, 'utf8')) as Snapshot;
}

type Row = Partial<SnapshotTally> & { perAccount: Record<string, [number, number, number]> };

/** corpus/README.md §2, one row per file: users, groups, roles, managed policies (distinct), AWS/customer, inline, non-default, dangling. */
const GAAD: Record<string, Row> = {
	'gaad/cloudsplaining/example.json': {
		users: 44, groups: 5, roles: 78, distinctPolicies: 84, awsManaged: 38, customerManaged: 46,
		inlineUser: 2, inlineGroup: 1, inlineRole: 36, nonDefaultVersions: 1, danglingPolicyArns: 0,
		perAccount: { '200611803367': [41, 3, 75], '012345678901': [3, 2, 3] }
	},
	'gaad/cloudsplaining/example-authz-details.json': {
		users: 3, groups: 2, roles: 3, distinctPolicies: 32, awsManaged: 30, customerManaged: 2,
		inlineUser: 2, inlineGroup: 1, inlineRole: 3, nonDefaultVersions: 1, danglingPolicyArns: 0,
		perAccount: { '012345678901': [3, 2, 3] }
	},
	'gaad/cloudsplaining/example_authz_v2.json': {
		users: 1, groups: 1, roles: 2, distinctPolicies: 2, awsManaged: 0, customerManaged: 2,
		inlineUser: 0, inlineGroup: 0, inlineRole: 2, nonDefaultVersions: 0, danglingPolicyArns: 1,
		perAccount: { '012345678901': [1, 1, 2] }
	},
	'gaad/cloudsplaining/managed_policy_mismatch.json': {
		users: 0, groups: 1, roles: 0, distinctPolicies: 1, awsManaged: 1, customerManaged: 0,
		inlineUser: 0, inlineGroup: 0, inlineRole: 0, nonDefaultVersions: 1, danglingPolicyArns: 1,
		perAccount: { '123456789012': [0, 1, 0] }
	},
	'cli/cloudmapper-demo': {
		users: 2, groups: 1, roles: 4, distinctPolicies: 2, awsManaged: 1, customerManaged: 1,
		inlineUser: 0, inlineGroup: 0, inlineRole: 4, nonDefaultVersions: 0, danglingPolicyArns: 0,
		perAccount: { '123456789012': [2, 1, 4] }
	}
}; // prettier-ignore

function assertRow(snapshot: Snapshot, row: Row) {
	const { perAccount, ...tally } = row;
	expect(countSnapshot(snapshot)).toMatchObject(tally);
	expect(
		Object.fromEntries(
			snapshot.accounts.map((a) => [a.id, [a.users.length, a.groups.length, a.roles.length]])
		)
	).toEqual(perAccount);
}

describe('corpus GAADs (README §2): exact counts', () => {
	for (const [file, row] of Object.entries(GAAD)) {
		it(`${file} through importFiles`, () => {
			const outcome = importFiles(inputs(join(corpus, file)));
			expect(outcome.ok, JSON.stringify(outcome.ok ? [] : outcome.errors.slice(0, 3))).toBe(true);
			if (outcome.ok) assertRow(outcome.snapshot, row);
		});
		it(`${file} through the iam-atlas import binary`, () => {
			assertRow(viaCli(join(corpus, file)), row);
		});
	}

	it('keeps the dangling attachments README §2 lists', () => {
		const find = (file: string) => {
			const o = importFiles(inputs(join(corpus, file)));
			if (!o.ok) throw new Error(file);
			const account = o.snapshot.accounts[0];
			const known = new Set(account.policies.map((p) => p.arn));
			return [
				...new Set(
					[...account.users, ...account.groups, ...account.roles].flatMap((e) => e.attachedPolicies)
				)
			].filter((a) => !known.has(a));
		};
		expect(find('gaad/cloudsplaining/example_authz_v2.json')).toEqual([
			'arn:aws:iam::aws:policy/AdministratorAccess'
		]);
		expect(find('gaad/cloudsplaining/managed_policy_mismatch.json')).toEqual([
			'arn:aws:iam::aws:policy/AWSLambdaReadOnlyAccess'
		]);
	});

	it('turns the boto3 space-separated dates into ISO UTC', () => {
		const o = importFiles(inputs(join(corpus, 'gaad/cloudsplaining/example-authz-details.json')));
		expect(o.ok).toBe(true);
		if (!o.ok) return;
		const dates = o.snapshot.accounts.flatMap((a) =>
			[...a.users, ...a.roles].map((e) => e.createDate)
		);
		expect(dates.length).toBeGreaterThan(0);
		for (const d of dates) expect(d).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
	});
});

describe('CloudMapper demo (README §3)', () => {
	const outcome = importFiles(inputs(join(corpus, 'cli/cloudmapper-demo')));

	it('reads the resource policies of the kinds we model: 6 with a policy, 1 secret without', () => {
		expect(outcome.ok).toBe(true);
		if (!outcome.ok) return;
		const resources = outcome.snapshot.accounts.flatMap((a) => a.resources);
		expect(
			resources.map((r) => `${r.kind} ${r.name} ${r.policy ? 'policy' : 'none'}`).sort()
		).toEqual([
			'ecr-repository cloudmapper policy',
			'lambda-function invpclambda policy',
			's3-bucket cloudmapper_demo policy',
			'secret demo-secret none',
			'sns-topic demo_private policy',
			'sns-topic demo_public policy',
			'sqs-queue demo policy'
		]);
		// The 8th response of §3, es-describe-elasticsearch-domain, is not a resource kind of the model: skipped with a warning.
		expect(outcome.warnings.map((w) => w.where?.file)).toContain(
			'cloudmapper-demo/us-east-1/es-describe-elasticsearch-domain/myvpcdomain'
		);
	});

	it('skips the outputs outside our layout with warnings, and lets the GAAD win over iam-get-role', () => {
		expect(outcome.ok).toBe(true);
		if (!outcome.ok) return;
		const codes = outcome.warnings.map((w) => w.code);
		// 30 since the collector's listings (sqs list-queues, sns list-topics, lambda list-functions,
		// describe-regions …) are read too (issue 14).
		expect(codes.filter((c) => c === 'import.file.unsupported-command').length).toBe(30);
		const conflicts = outcome.warnings.filter(
			(w) => w.code === 'import.get-role.conflicts-with-gaad'
		);
		expect(conflicts.map((w) => w.where?.file).sort()).toEqual(
			['bad_role', 'exfiller', 'level1', 'level3'].map(
				(n) => `cloudmapper-demo/us-east-1/iam-get-role/${n}`
			)
		);
		expect(conflicts[0].message).toContain(
			'cloudmapper-demo/us-east-1/iam-get-account-authorization-details.json'
		);
		const badRole = outcome.snapshot.accounts[0].roles.find((r) => r.name === 'bad_role')!;
		expect(badRole.trustPolicy).toEqual({
			Version: '2012-10-17',
			Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }]
		});
		expect(badRole.path).toBe('');
	});
});

describe('corpus policy files as loose files', () => {
	it('rejects the SCP with a // comment, naming line 15', () => {
		const file = join(
			corpus,
			'policies/scp-examples/Service-specific-controls/AWS-IAM/deny-service-specific-credential-by-type.json'
		);
		const outcome = importFiles(inputs(file));
		expect(outcome.ok).toBe(false);
		if (outcome.ok) return;
		expect(outcome.errors).toHaveLength(1);
		expect(outcome.errors[0]).toMatchObject({
			code: 'import.file.invalid-json',
			where: { file: 'deny-service-specific-credential-by-type.json', line: 15 }
		});
	});
});
