import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACCOUNTS } from '../../src/lib/demo/bank/constants';
import { buildDemoCollection } from '../../src/lib/demo/bank/build-collection';
import { listFiles } from '../../src/lib/demo/demo-files-node';
import { importFiles } from '../../src/lib/import/import-files';
import type { FakeAwsFixtures } from './fixtures-from-collection';
import { awsError, fixturesFromCollection, writeFakeAwsDir } from './fixtures-from-collection';

const here = fileURLToPath(new URL('.', import.meta.url));
const SCRIPT = join(here, '..', 'iam-atlas-collect.sh');
const FAKE_BIN = join(here, 'fake-aws');
const REGIONS = ['eu-west-1', 'eu-central-1'];
const demo = buildDemoCollection();
const accounts = Object.values(ACCOUNTS) as string[];
const recorded = () =>
	fixturesFromCollection(demo, {
		management: ACCOUNTS.management,
		accounts,
		regions: REGIONS,
		role: 'OrganizationAccountAccessRole'
	});

/** Run the collector with the fake `aws` first on PATH and only the given AWS variables. */
function collect(fixtures: FakeAwsFixtures, args: string[], env: Record<string, string> = {}) {
	const dir = mkdtempSync(join(tmpdir(), 'atlas-collect-'));
	writeFakeAwsDir(join(dir, 'fake'), fixtures);
	const out = join(dir, 'collection');
	const clean = Object.fromEntries(
		Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_'))
	);
	const run = spawnSync('bash', [SCRIPT, '--out', out, ...args], {
		env: {
			...clean,
			...env,
			PATH: `${FAKE_BIN}${delimiter}${process.env.PATH}`,
			FAKE_AWS_DIR: join(dir, 'fake'),
			FAKE_AWS_LOG: join(dir, 'calls.log')
		},
		encoding: 'utf8'
	});
	const calls = existsSync(join(dir, 'calls.log'))
		? readFileSync(join(dir, 'calls.log'), 'utf8').trim().split('\n')
		: [];
	const read = (p: string) => readFileSync(join(out, p), 'utf8');
	return {
		status: run.status,
		stderr: run.stderr,
		out,
		calls,
		files: existsSync(out) ? listFiles(out) : [],
		read
	};
}

/** The listing files the collector writes that the demo leaves out because they list nothing. */
function emptyListings(accountIds: string[]): string[] {
	const extra: string[] = [];
	for (const a of accountIds) {
		if (!demo[`${a}/s3api-list-buckets.json`]) extra.push(`${a}/s3api-list-buckets.json`);
		for (const r of REGIONS)
			if (!demo[`${a}/${r}/kms-list-keys.json`]) extra.push(`${a}/${r}/kms-list-keys.json`);
	}
	return extra;
}

const importTree = (files: string[], read: (p: string) => string) =>
	importFiles(
		files.map((path) => ({ path, bytes: new TextEncoder().encode(read(path)) })),
		{ now: '2024-03-14T00:00:00Z' }
	);

let orgRun: ReturnType<typeof collect> | undefined;
let accountRun: ReturnType<typeof collect> | undefined;
/** A --account-only run in core banking, without --regions. */
function accountOnly() {
	const f = recorded();
	f.responses[
		`${ACCOUNTS.coreBanking} ec2 describe-regions --region us-east-1 --query Regions[].RegionName --output text`
	] = { stdout: 'eu-west-1\n' };
	return (accountRun ??= collect(f, ['--account-only'], {
		AWS_ACCESS_KEY_ID: `ASIAFAKE${ACCOUNTS.coreBanking}`
	}));
}
/** One whole-organization run, shared by the tests that only read its result. */
const wholeOrg = () => (orgRun ??= collect(recorded(), []));

describe('iam-atlas-collect.sh against a stand-in aws', { timeout: 180000 }, () => {
	it('reproduces the demo collection for the whole organization, byte for byte', () => {
		const run = wholeOrg();
		expect(run.stderr).not.toContain('error:');
		expect(run.status).toBe(0);
		const expected = [...Object.keys(demo), ...emptyListings(accounts)].sort();
		expect(run.files).toEqual(expected);
		for (const path of Object.keys(demo)) expect(run.read(path), path).toBe(demo[path]);
		expect(run.read(`${ACCOUNTS.audit}/eu-central-1/kms-list-keys.json`)).toBe(
			'{\n    "Keys": []\n}\n'
		);
		expect(run.stderr).toMatch(/\[4\/10\] account \d{12}/);
		expect(run.stderr).toContain(
			'regions (approved by a StringNotEquals aws:RequestedRegion SCP): eu-central-1 eu-west-1'
		);
		expect(run.stderr).toContain(`done: ${expected.length} files`);
	});

	it('makes only read-only calls', () => {
		const run = wholeOrg();
		const operations = new Set(run.calls.map((c) => c.split(' ').slice(1, 3).join(' ')));
		for (const op of operations)
			expect(op).toMatch(/^(\S+ (describe|list|get)-\S+|sts assume-role)$/);
		expect(operations.size).toBeGreaterThan(20);
	});

	it('produces a tree importFiles accepts, with the demo counts', () => {
		const run = wholeOrg();
		const outcome = importTree(run.files, run.read);
		expect(outcome.ok ? outcome.warnings : outcome.errors).toEqual([]);
		expect(outcome.ok && outcome.snapshot.accounts.map((a) => a.id)).toEqual([...accounts].sort());
		// 23 roles: the demo's escalation paths added DeployAutomation and PayrollBatchEc2 (docs/demo-bank.md)
		expect(outcome.ok && outcome.snapshot.accounts.reduce((n, a) => n + a.roles.length, 0)).toBe(
			23
		);
	});

	it('skips "no policy" answers quietly, reports other errors and carries on', () => {
		const f = recorded();
		const loans = ACCOUNTS.loans;
		const say = (
			account: string,
			command: string,
			r: { stdout?: string; stderr?: string; exit?: number }
		) => (f.responses[`${account} ${command}`] = r);
		say(
			loans,
			'lambda list-functions --region eu-west-1 --query Functions[].FunctionName --output text',
			{ stdout: 'loan-scoring\tloan-scoring-canary\n' }
		);
		say(
			loans,
			'lambda get-policy --function-name loan-scoring-canary --region eu-west-1 --output json',
			awsError(
				'ResourceNotFoundException',
				'GetPolicy',
				'The resource you requested does not exist.'
			)
		);
		say(
			loans,
			'ecr describe-repositories --region eu-west-1 --query repositories[].repositoryName --output text',
			{ stdout: 'scoring/model\n' }
		);
		say(
			loans,
			'ecr get-repository-policy --repository-name scoring/model --region eu-west-1 --output json',
			awsError(
				'RepositoryPolicyNotFoundException',
				'GetRepositoryPolicy',
				"Repository policy does not exist for the repository with name 'scoring/model'"
			)
		);
		say(
			loans,
			'sns list-topics --region eu-central-1 --query Topics[].TopicArn --output text',
			awsError(
				'AuthorizationError',
				'ListTopics',
				'User is not authorized to perform: SNS:ListTopics'
			)
		);
		say(
			ACCOUNTS.management,
			`sts assume-role --role-arn arn:aws:iam::${ACCOUNTS.legal}:role/OrganizationAccountAccessRole --role-session-name iam-atlas-collect --query Credentials.[AccessKeyId,SecretAccessKey,SessionToken] --output text`,
			awsError('AccessDenied', 'AssumeRole', 'not authorized to perform: sts:AssumeRole')
		);
		const run = collect(f, ['--regions', REGIONS.join(',')]);
		expect(run.status).toBe(1);
		expect(run.stderr).not.toMatch(/ResourceNotFoundException|RepositoryPolicyNotFoundException/);
		expect(run.stderr).toContain(
			'error: aws sns list-topics --region eu-central-1 --query Topics[].TopicArn: An error occurred (AuthorizationError)'
		);
		expect(run.stderr).toContain(
			`error: ${ACCOUNTS.legal}: cannot assume arn:aws:iam::${ACCOUNTS.legal}:role/OrganizationAccountAccessRole`
		);
		expect(run.files.some((p) => p.startsWith(`${ACCOUNTS.legal}/`))).toBe(false);
		expect(run.files).toContain(`${ACCOUNTS.it}/iam-get-account-authorization-details.json`);
		expect(run.files).toContain(`${loans}/eu-west-1/lambda-get-policy/loan-scoring.json`);
		expect(run.files.filter((p) => p.includes('canary') || p.includes('scoring%2Fmodel'))).toEqual(
			[]
		);
	});

	it('--account-only collects the current account alone, without Organizations calls; regions default to describe-regions', () => {
		const run = accountOnly();
		expect(run.status).toBe(0);
		expect(run.calls.some((c) => c.includes(' organizations ') || c.includes('assume-role'))).toBe(
			false
		);
		const expected = Object.keys(demo).filter((p) => p.startsWith(`${ACCOUNTS.coreBanking}/`));
		expect(run.files).toEqual(expected);
		expect(importTree(run.files, run.read).ok).toBe(true);
	});

	it('--zip also writes a .zip that importFiles accepts', () => {
		const run = collect(recorded(), ['--account-only', '--regions', 'eu-west-1', '--zip'], {
			AWS_ACCESS_KEY_ID: `ASIAFAKE${ACCOUNTS.logArchive}`
		});
		expect(run.status).toBe(0);
		const zip = new Uint8Array(readFileSync(`${run.out}.zip`));
		const outcome = importFiles([{ path: 'collection.zip', bytes: zip }], {
			now: '2024-03-14T00:00:00Z'
		});
		expect(outcome.ok && outcome.snapshot.accounts.map((a) => a.resources.length)).toEqual([1]);
	});

	it('collector-policy.json grants exactly the actions the collector calls', () => {
		const calls = [...wholeOrg().calls, ...accountOnly().calls].map((c) =>
			c.split(' ').slice(1, 3)
		);
		const actionOf = ([cli, op]: string[]) => {
			if (cli === 's3api' && op === 'list-buckets') return 's3:ListAllMyBuckets';
			const name = op.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
			return `${cli === 's3api' ? 's3' : cli}:${name}`;
		};
		const called = new Set(
			calls.filter(([cli, op]) => `${cli} ${op}` !== 'sts get-caller-identity').map(actionOf)
		);
		const policy = JSON.parse(readFileSync(join(here, '..', 'collector-policy.json'), 'utf8'));
		const granted = new Set(
			policy.Statement.flatMap((s: { Action: string | string[] }) => s.Action)
		);
		expect([...called].sort()).toEqual([...granted].sort());
	});

	it('--help prints usage; an unknown option is a usage error', () => {
		const help = spawnSync('bash', [SCRIPT, '--help'], { encoding: 'utf8' });
		expect(help.status).toBe(0);
		expect(help.stdout).toContain('--account-only');
		const bad = spawnSync('bash', [SCRIPT, '--bogus'], { encoding: 'utf8' });
		expect(bad.status).toBe(2);
		expect(bad.stderr).toContain('unknown option --bogus');
	});
});
