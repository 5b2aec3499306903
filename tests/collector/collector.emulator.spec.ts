/**
 * The collector run with the real AWS CLI — v2 (Debian's `awscli` package) and v1 (the `awscli`
 * Python package) — against a local AWS API emulator (moto's server, started here on 127.0.0.1
 * and stopped after), on an organization built through the API by build-org.py. Each run's
 * collection is imported and its counts asserted.
 *
 * Where moto cannot answer as AWS does, a stand-in answers just that call (rules in the `aws`
 * shim, bin/aws); each is named where it is set up below:
 *  - ec2 describe-regions: moto lists every region, enabled or not, the same in every account, so
 *    per-account opt-in regions are stood in, and calls in a region an account has not enabled
 *    fail as AWS fails them (UnrecognizedClientException);
 *  - sqs list-queues: moto stops at 1,000 queues whatever MaxResults says (no NextToken), so the
 *    paginated call (--page-size) is answered with the full list; the unpaginated one is moto's;
 *    the 1,001 get-queue-attributes are answered by the stand-in too, to keep CI time small;
 *  - kms get-key-policy of a key whose policy does not delegate to IAM: moto does not evaluate
 *    key policies, so AccessDeniedException is stood in;
 *  - s3control get-public-access-block: the CLI puts the account id in the host name, which
 *    does not resolve for a loopback endpoint;
 *  - iam generate-/get-service-last-accessed-details and sso-admin
 *    get-permissions-boundary-for-permission-set: moto answers 500 (not implemented).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
	chmodSync,
	closeSync,
	copyFileSync,
	openSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/lib/demo/demo-files-node';
import { importFiles } from '../../src/lib/import/import-files';
import { actionOf } from '../../collector/test/cli-actions';

const here = fileURLToPath(new URL('.', import.meta.url));
const SOURCE_SCRIPT =
	process.env.ATLAS_COLLECTOR_SCRIPT ?? join(here, '..', '..', 'collector', 'iam-atlas-collect.sh');
const SHIM_BIN = join(here, 'bin');
const MOTO_PYTHON = process.env.ATLAS_MOTO_PYTHON ?? 'python3';
/** The Python whose `awscli` is v2 (Debian's package) and the one whose `awscli` is v1. */
const V2_PYTHON = process.env.ATLAS_CLI_V2_PYTHON ?? '/usr/bin/python3';
const V1_PYTHON = process.env.ATLAS_CLI_V1_PYTHON ?? 'python3';
const MEMBERS = 3;
/** More than 1,000 (SQS's unpaginated limit); ATLAS_BULK_QUEUES lowers it to iterate locally. */
const BULK = Number(process.env.ATLAS_BULK_QUEUES ?? 1001);

interface Built {
	management: string;
	members: string[];
	root: string;
	ous: string[];
	closedKey: string;
	bulkQueues: number;
	longTopic: string;
	identityCenter: { instance: string; permissionSet: string; store: string; group: string };
}

const work = mkdtempSync(join(tmpdir(), 'atlas-emulator-'));
/** A copy: bash reads a script as it runs, so an edit during a run must not reach it. */
const SCRIPT = join(work, 'iam-atlas-collect.sh');
copyFileSync(SOURCE_SCRIPT, SCRIPT);
const children: ChildProcess[] = [];
let endpoint = '';
let built: Built;

const freePort = () =>
	new Promise<number>((resolve, reject) => {
		const s = createServer();
		s.listen(0, '127.0.0.1', () => {
			const port = (s.address() as { port: number }).port;
			s.close(() => resolve(port));
		});
		s.on('error', reject);
	});

/** Start a child and wait for a line (or an HTTP answer) saying it is ready; bounded in time. */
async function start(cmd: string, args: string[], ready: () => Promise<boolean>, seconds: number) {
	// Output to a file, not a pipe: the runs below are synchronous, and a pipe nobody reads while
	// they run fills up and blocks the server.
	const logFile = join(work, `${children.length}.log`);
	const fd = openSync(logFile, 'w');
	const child = spawn(cmd, args, { stdio: ['ignore', fd, fd], detached: false });
	closeSync(fd);
	children.push(child);
	const log = () => readFileSync(logFile, 'utf8').slice(-3000);
	const until = Date.now() + seconds * 1000;
	while (Date.now() < until) {
		if (child.exitCode !== null) throw new Error(`${cmd} ${args.join(' ')} exited: ${log()}`);
		if (await ready()) return child;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`${cmd} ${args.join(' ')} not ready after ${seconds} s: ${log()}`);
}

/** A CLI fork server for one Python (its awscli); returns its socket path. */
async function cliServer(python: string, name: string): Promise<string> {
	const socket = join(work, `${name}.sock`);
	await start(python, [join(here, 'cli-server.py'), socket], async () => existsSync(socket), 60);
	return socket;
}

const shimDir = (name: string) => {
	const d = join(work, name);
	mkdirSync(join(d, 'keys'), { recursive: true });
	mkdirSync(join(d, 'rules'), { recursive: true });
	return d;
};

/** A stand-in rule: for ACCOUNT ('start' = the starting credentials, '*' = any), args matching PATTERN. */
function rule(
	dir: string,
	name: string,
	account: string,
	pattern: string,
	answer: { stdout?: string; stderr?: string; exit?: number; run?: string }
) {
	const r = join(dir, 'rules', name);
	mkdirSync(r, { recursive: true });
	writeFileSync(join(r, 'match'), `${account} ${pattern}\n`);
	if (answer.stdout !== undefined) writeFileSync(join(r, 'stdout'), answer.stdout);
	if (answer.stderr !== undefined) writeFileSync(join(r, 'stderr'), answer.stderr);
	if (answer.exit !== undefined) writeFileSync(join(r, 'exit'), String(answer.exit));
	if (answer.run !== undefined) {
		writeFileSync(join(r, 'run'), answer.run);
		chmodSync(join(r, 'run'), 0o755);
	}
}
const awsError = (code: string, op: string, message: string) => ({
	stderr: `\nAn error occurred (${code}) when calling the ${op} operation: ${message}\n`,
	exit: 254
});
const json = (v: unknown) => JSON.stringify(v, null, 4) + '\n';

/** The stand-ins of the header comment, for a shim folder. */
function standIns(dir: string) {
	const [m0, ...others] = built.members;
	const enabled: Record<string, string[]> = {
		start: ['ap-east-1', 'eu-west-1', 'us-east-1'],
		[m0]: ['af-south-1', 'eu-west-1', 'us-east-1']
	};
	for (const a of others) enabled[a] = ['eu-west-1', 'us-east-1'];
	for (const [account, regions] of Object.entries(enabled)) {
		rule(dir, `regions-${account}`, account, '^ec2 describe-regions', {
			stdout: json({
				Regions: regions.map((r) => ({
					Endpoint: `ec2.${r}.amazonaws.com`,
					RegionName: r,
					OptInStatus: r.startsWith('a') ? 'opted-in' : 'opt-in-not-required'
				}))
			})
		});
		for (const r of ['ap-east-1', 'af-south-1'].filter((x) => !regions.includes(x)))
			rule(
				dir,
				`off-${account}-${r}`,
				account,
				`--region ${r}( |$)`,
				awsError(
					'UnrecognizedClientException',
					'Call',
					'The security token included in the request is invalid.'
				)
			);
	}
	rule(
		dir,
		'closed-key',
		m0,
		`^kms get-key-policy --key-id ${built.closedKey}`,
		awsError(
			'AccessDeniedException',
			'GetKeyPolicy',
			`User: arn:aws:sts::${m0}:assumed-role/OrganizationAccountAccessRole/iam-atlas-collect is not authorized to perform: kms:GetKeyPolicy on this resource because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access`
		)
	);
	const urls = Array.from(
		{ length: BULK },
		(_, i) => `${endpoint}/${m0}/bulk-${String(i).padStart(4, '0')}`
	);
	rule(dir, 'sqs-paginated', m0, '^sqs list-queues --page-size [0-9]+ --region eu-west-1', {
		stdout: json({ QueueUrls: urls })
	});
	rule(dir, 'sqs-bulk-attributes', m0, '^sqs get-queue-attributes --queue-url \\S+/bulk-[0-9]+ ', {
		run: `#!/usr/bin/env bash\nname="\${4##*/}"\nprintf '{\\n    "Attributes": {\\n        "QueueArn": "arn:aws:sqs:eu-west-1:${m0}:%s"\\n    }\\n}\\n' "$name"\n`
	});
	rule(dir, 'a-s3control-bpa-m0', m0, '^s3control get-public-access-block', {
		stdout: json({
			PublicAccessBlockConfiguration: {
				BlockPublicAcls: true,
				IgnorePublicAcls: true,
				BlockPublicPolicy: true,
				RestrictPublicBuckets: true
			}
		})
	});
	rule(
		dir,
		's3control-bpa',
		'*',
		'^s3control get-public-access-block',
		awsError(
			'NoSuchPublicAccessBlockConfiguration',
			'GetPublicAccessBlock',
			'The public access block configuration was not found'
		)
	);
	rule(dir, 'sso-boundary', '*', '^sso-admin get-permissions-boundary-for-permission-set', {
		stdout: json({
			PermissionsBoundary: { ManagedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' }
		})
	});
	rule(dir, 'last-accessed-generate', '*', '^iam generate-service-last-accessed-details', {
		run: `#!/usr/bin/env bash\nid="$(printf '%s' "$4" | md5sum | cut -c1-32)"\nprintf '{\\n    "JobId": "%s"\\n}\\n' "$id"\n`
	});
	rule(dir, 'last-accessed-get', '*', '^iam get-service-last-accessed-details', {
		stdout: json({
			JobStatus: 'COMPLETED',
			JobType: 'SERVICE_LEVEL',
			JobCreationDate: '2026-01-01T00:00:00+00:00',
			ServicesLastAccessed: [
				{ ServiceName: 'Amazon S3', ServiceNamespace: 's3', TotalAuthenticatedEntities: 0 }
			],
			JobCompletionDate: '2026-01-01T00:00:01+00:00',
			IsTruncated: false
		})
	});
}

interface Run {
	status: number | null;
	stderr: string;
	out: string;
	files: string[];
	calls: string[];
	seconds: number;
	manifest: Manifest;
	read: (p: string) => string;
}
interface Manifest {
	complete: boolean;
	awsCli: string;
	accounts: {
		id: string;
		status: string;
		regions: string[];
		regionsSkipped: { region: string }[];
		errors: { call: string }[];
		refused: { call: string; code: string }[];
	}[];
	organization: { status: string };
}

function env(shim: string, socket: string) {
	const clean = Object.fromEntries(
		Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_'))
	);
	return {
		...clean,
		PATH: `${SHIM_BIN}${delimiter}${process.env.PATH}`,
		ATLAS_SHIM_DIR: shim,
		ATLAS_ENDPOINT: endpoint,
		ATLAS_CLI_SOCKET: socket,
		AWS_ACCESS_KEY_ID: 'testing',
		AWS_SECRET_ACCESS_KEY: 'testing',
		AWS_CONFIG_FILE: join(work, 'no-config'),
		AWS_SHARED_CREDENTIALS_FILE: join(work, 'no-credentials')
	};
}

function finish(
	out: string,
	shim: string,
	status: number | null,
	stderr: string,
	began: number
): Run {
	const manifestPath = join(out, '_collection.json');
	return {
		status,
		stderr,
		out,
		files: existsSync(out) ? listFiles(out) : [],
		calls: existsSync(join(shim, 'calls.log'))
			? readFileSync(join(shim, 'calls.log'), 'utf8').trim().split('\n')
			: [],
		seconds: (Date.now() - began) / 1000,
		manifest: existsSync(manifestPath)
			? JSON.parse(readFileSync(manifestPath, 'utf8'))
			: ({} as Manifest),
		read: (p: string) => readFileSync(join(out, p), 'utf8')
	};
}

function collect(name: string, socket: string, args: string[]): Run {
	const shim = shimDir(name);
	standIns(shim);
	const out = join(work, `${name}-out`);
	const began = Date.now();
	const r = spawnSync('bash', [SCRIPT, '--out', out, ...args], {
		env: env(shim, socket),
		encoding: 'utf8',
		timeout: 1_500_000
	});
	return finish(out, shim, r.status, r.stderr, began);
}

const importRun = (run: Run) =>
	importFiles(
		run.files.map((path) => ({ path, bytes: new Uint8Array(readFileSync(join(run.out, path))) })),
		{ now: '2026-12-08T00:00:00Z' }
	);

let v2Socket = '';
let v1Socket = '';
let v2: Run;

beforeAll(async () => {
	const port = await freePort();
	endpoint = `http://127.0.0.1:${port}`;
	await start(
		MOTO_PYTHON,
		['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)],
		async () =>
			fetch(`${endpoint}/moto-api/`).then(
				(r) => r.ok,
				() => false
			),
		90
	);
	const b = spawnSync(
		MOTO_PYTHON,
		[join(here, 'build-org.py'), endpoint, String(MEMBERS), String(BULK)],
		{ encoding: 'utf8', timeout: 900_000 }
	);
	if (b.status !== 0) throw new Error(`build-org.py failed: ${b.stderr}`);
	built = JSON.parse(b.stdout);
	[v2Socket, v1Socket] = await Promise.all([
		cliServer(V2_PYTHON, 'cli-v2'),
		cliServer(V1_PYTHON, 'cli-v1')
	]);
}, 600_000);

afterAll(() => {
	for (const c of children) c.kill('SIGTERM');
	if (!process.env.ATLAS_KEEP) rmSync(work, { recursive: true, force: true });
});

const accountOf = (run: Run, id: string) => run.manifest.accounts.find((a) => a.id === id)!;

describe('iam-atlas-collect.sh with the real AWS CLI against moto', { timeout: 1_800_000 }, () => {
	it('AWS CLI v2: collects the whole organization, and the collection imports with its counts', () => {
		v2 = collect('v2', v2Socket, ['--parallel', '4']);
		expect(v2.manifest.awsCli).toMatch(/^aws-cli\/2\./);
		expect(v2.manifest.accounts.flatMap((a) => a.errors)).toEqual([]);
		expect(v2.status, v2.stderr).toBe(0);
		expect(v2.manifest.complete).toBe(true);
		expect(v2.manifest.organization.status).toBe('collected');
		expect(v2.manifest.accounts.map((a) => a.id).sort()).toEqual(
			[built.management, ...built.members].sort()
		);
		const outcome = importRun(v2);
		expect(outcome.ok ? [] : outcome.errors).toEqual([]);
		if (!outcome.ok) return;
		const s = outcome.snapshot;
		expect(s.meta.collection?.complete).toBe(true);
		expect(s.organization?.accounts.length).toBe(MEMBERS + 1);
		expect(s.organization?.units.length).toBe(4);
		const m0 = s.accounts.find((a) => a.id === built.members[0])!;
		const queues = m0.resources.filter((r) => r.kind === 'sqs-queue');
		expect(queues.length).toBe(BULK + 1);
		// Listings: a resource without a policy exists (secret, topic, repository).
		expect(m0.resources.filter((r) => r.kind === 'secret').length).toBe(1);
		expect(m0.resources.filter((r) => r.kind === 'ecr-repository').map((r) => r.name)).toEqual([
			'team/app'
		]);
		expect(m0.resources.some((r) => r.arn === built.longTopic)).toBe(true);
		expect(m0.resources.filter((r) => r.kind === 'kms-key').length).toBe(2);
		expect(s.accounts.map((a) => a.roles.some((r) => r.name === 'reader'))).toEqual(
			s.accounts.map((a) => a.id !== built.management)
		);
	});

	it('bug 1: SQS beyond 1,000 queues in a region is listed in full (--page-size sends MaxResults)', () => {
		const m0 = built.members[0];
		const listing = JSON.parse(v2.read(`${m0}/eu-west-1/sqs-list-queues.json`));
		expect(listing.QueueUrls.length).toBe(BULK);
		expect(
			v2.files.filter((f) => f.startsWith(`${m0}/eu-west-1/sqs-get-queue-attributes/`)).length
		).toBe(BULK);
	});

	it('bugs 3 and 4: regions come from each account (describe-regions there), never from SCP text', () => {
		const [m0, m1] = built.members;
		expect(accountOf(v2, built.management).regions).toEqual([
			'ap-east-1',
			'eu-west-1',
			'us-east-1'
		]);
		expect(accountOf(v2, m0).regions).toEqual(['af-south-1', 'eu-west-1', 'us-east-1']);
		expect(accountOf(v2, m1).regions).toEqual(['eu-west-1', 'us-east-1']);
		expect(v2.files.some((f) => f.includes('ak-glass-2'))).toBe(false);
		// Every regional call names its region; assume-role uses a regional STS endpoint.
		const unregioned = v2.calls.filter(
			(c) => !/ --region [a-z0-9-]+/.test(c) && !/ (--version|configure get \S+)$/.test(c)
		);
		expect(unregioned).toEqual([]);
	});

	it('bug 5: a long encoded ARN is stored (hashed file name); expected refusals are not failures', () => {
		const m0 = built.members[0];
		expect(
			v2.files.filter((f) => f.startsWith(`${m0}/eu-west-1/sns-get-topic-attributes/sha256-`))
				.length
		).toBe(1);
		const refused = accountOf(v2, m0).refused;
		expect(refused.map((r) => r.code)).toEqual(['AccessDeniedException']);
		expect(refused[0].call).toContain(built.closedKey);
		expect(accountOf(v2, m0).status).toBe('complete');
	});

	it('item 5: S3 BPA/ACL/ownership, SAML/OIDC, Identity Center and the findings evidence are collected', () => {
		const [m0] = built.members;
		const mg = built.management;
		for (const f of [
			`${m0}/s3control-get-public-access-block.json`,
			`${m0}/s3api-get-bucket-acl/bucket-${m0}.json`,
			`${m0}/iam-list-saml-providers.json`,
			`${m0}/iam-list-open-id-connect-providers.json`,
			`${m0}/iam-get-credential-report.json`,
			`${m0}/iam-get-account-summary.json`,
			`${m0}/iam-get-account-password-policy.json`,
			`${m0}/iam-list-virtual-mfa-devices.json`,
			`${mg}/us-east-1/sso-admin-list-instances.json`,
			`${mg}/us-east-1/identitystore-list-users/${built.identityCenter.store}.json`,
			`${mg}/us-east-1/identitystore-list-group-memberships/${built.identityCenter.group}.json`
		])
			expect(v2.files, f).toContain(f);
		expect(JSON.parse(v2.read(`${m0}/iam-get-account-password-policy.json`)).Error.Code).toBe(
			'NoSuchEntity'
		);
		const role = encodeURIComponent(`arn:aws:iam::${m0}:role/reader`);
		expect(v2.files).toContain(`${m0}/iam-generate-service-last-accessed-details/${role}.json`);
		const ps = encodeURIComponent(built.identityCenter.permissionSet);
		expect(v2.files).toContain(
			`${mg}/us-east-1/sso-admin-get-inline-policy-for-permission-set/${ps}.json`
		);
	});

	it('bug 2 and CLI v1: numeric timestamps (v1 prints the wire format) import', () => {
		const v1 = collect('v1', v1Socket, [
			'--regions',
			'us-east-1',
			'--no-last-accessed',
			'--parallel',
			'4'
		]);
		expect(v1.manifest.awsCli).toMatch(/^aws-cli\/1\./);
		expect(v1.manifest.accounts.flatMap((a) => a.errors)).toEqual([]);
		expect(v1.status, v1.stderr).toBe(0);
		const accounts = JSON.parse(
			v1.read(`organizations-list-accounts-for-parent/${built.root}.json`)
		);
		expect(typeof accounts.Accounts[0].JoinedTimestamp).toBe('number');
		const outcome = importRun(v1);
		expect(outcome.ok ? [] : outcome.errors).toEqual([]);
		expect(
			outcome.ok &&
				outcome.snapshot.organization?.accounts.every((a) =>
					/^\d{4}-/.test(a.joinedTimestamp ?? '')
				)
		).toBe(true);
		// --regions narrows; a region not enabled in an account is recorded as skipped there.
		expect(accountOf(v1, built.members[1]).regions).toEqual(['us-east-1']);
	});

	it('bug 7 and --resume: an interrupted run says so, imports as incomplete, and resumes', async () => {
		const shim = shimDir('resume');
		standIns(shim);
		const out = join(work, 'resume-out');
		const e = env(shim, v2Socket);
		const args = [
			SCRIPT,
			'--out',
			out,
			'--parallel',
			'1',
			'--regions',
			'us-east-1',
			'--no-last-accessed'
		];
		const child = spawn('bash', args, { env: e, stdio: ['ignore', 'ignore', 'pipe'] });
		const manifest = join(out, '_collection.json');
		const done = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
		const until = Date.now() + 1_200_000;
		while (Date.now() < until) {
			if (existsSync(manifest) && /"status":"complete"/.test(readFileSync(manifest, 'utf8'))) break;
			await new Promise((r) => setTimeout(r, 200));
		}
		child.kill('SIGTERM');
		expect(await done).toBe(130);
		const cut = finish(out, shim, 130, '', Date.now());
		expect(cut.manifest.complete).toBe(false);
		const first = cut.manifest.accounts.filter((a) => a.status === 'complete').map((a) => a.id);
		expect(first.length).toBeGreaterThanOrEqual(1);
		expect(first.length).toBeLessThan(MEMBERS + 1);
		const partial = importRun(cut);
		expect(partial.ok && partial.snapshot.meta.collection?.complete).toBe(false);
		const callsBefore = cut.calls.length;
		const resumed = spawnSync('bash', [...args, '--resume'], {
			env: e,
			encoding: 'utf8',
			timeout: 1_500_000
		});
		const after = finish(out, shim, resumed.status, resumed.stderr, Date.now());
		expect(after.status, after.stderr).toBe(0);
		expect(after.manifest.complete).toBe(true);
		expect(after.manifest.accounts.every((a) => a.status === 'complete')).toBe(true);
		// Accounts complete before the interruption were not collected again.
		const again = after.calls
			.slice(callsBefore)
			.filter((c) => first.some((id) => c.startsWith(`${id} `)));
		expect(again).toEqual([]);
		expect(importRun(after).ok).toBe(true);
	});

	it('collector-policy.json grants exactly the actions the runs called', () => {
		const policy = JSON.parse(
			readFileSync(join(here, '..', '..', 'collector', 'collector-policy.json'), 'utf8')
		);
		const granted = new Set<string>(
			policy.Statement.flatMap((s: { Action: string | string[] }) => s.Action)
		);
		const called = new Set(
			v2.calls
				.map((c) => c.split(' ').slice(1, 3))
				.filter(
					([cli, op]) =>
						cli !== '--version' &&
						cli !== 'configure' &&
						`${cli} ${op}` !== 'sts get-caller-identity'
				)
				.map(([cli, op]) => actionOf(cli, op))
		);
		expect([...called].filter((a) => !granted.has(a))).toEqual([]);
	});
});
