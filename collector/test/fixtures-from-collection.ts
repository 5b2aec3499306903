/**
 * Builds the stand-in AWS CLI's recorded responses from a collection: each collection file is the
 * verbatim output of one CLI call, so the call is recovered from the file's path; the listing calls
 * the layout does not keep (sqs list-queues, …) are answered from the file names, and the calls
 * that find no policy answer with the CLI's error text.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A recorded answer of the fake `aws`. */
export interface FakeResponse {
	stdout?: string;
	stderr?: string;
	exit?: number;
}

/** The fake's fixtures (written to a folder by writeFakeAwsDir). */
export interface FakeAwsFixtures {
	defaultAccount: string;
	/** Access key id → account, for the credentials assume-role hands out. */
	credentials: Record<string, string>;
	/** "<account> <command line>" → answer. */
	responses: Record<string, FakeResponse>;
}

/** What the collection cannot say: who runs the collector, which regions and which role. */
export interface RecordOptions {
	management: string;
	accounts: string[];
	regions: string[];
	role: string;
}

/** The AWS CLI's error for a service exception (exit status 254). */
export const awsError = (code: string, operation: string, message: string): FakeResponse => ({
	stderr: `\nAn error occurred (${code}) when calling the ${operation} operation: ${message}\n`,
	exit: 254
});

const cliJson = (value: unknown) => JSON.stringify(value, null, 4) + '\n';
const fileName = (path: string) =>
	decodeURIComponent(path.slice(path.lastIndexOf('/') + 1).replace(/\.json$/, ''));
const accessKey = (account: string) => `ASIAFAKE${account}`;

/** Map the collection path of an organizations file to the command that printed it. */
function orgCommand(path: string): string {
	const [operation, param] = path.replace(/\.json$/, '').split('/');
	const option: Record<string, string> = {
		'organizations-list-organizational-units-for-parent': '--parent-id',
		'organizations-list-accounts-for-parent': '--parent-id',
		'organizations-list-policies': '--filter',
		'organizations-describe-policy': '--policy-id',
		'organizations-list-targets-for-policy': '--policy-id'
	};
	const base = `organizations ${operation.replace(/^organizations-/, '')}`;
	return param ? `${base} ${option[operation]} ${param} --output json` : `${base} --output json`;
}

/** The recorded responses that make the collector reproduce `files` (a collection). */
export function fixturesFromCollection(
	files: Record<string, string>,
	o: RecordOptions
): FakeAwsFixtures {
	const responses: Record<string, FakeResponse> = {};
	const say = (account: string, command: string, r: FakeResponse) =>
		(responses[`${account} ${command}`] = r);
	const under = (prefix: string) => Object.keys(files).filter((p) => p.startsWith(prefix));
	for (const path of Object.keys(files).filter((p) => p.startsWith('organizations-')))
		say(o.management, orgCommand(path), { stdout: files[path] });
	const credentials: Record<string, string> = {};
	for (const account of o.accounts) {
		credentials[accessKey(account)] = account;
		const session = `arn:aws:sts::${account}:assumed-role/${o.role}/iam-atlas-collect`;
		say(account, 'sts get-caller-identity --query [Account,Arn] --output text', {
			stdout: `${account}\t${account === o.management ? `arn:aws:iam::${account}:user/hannah.kim` : session}\n`
		});
		say(
			o.management,
			`sts assume-role --role-arn arn:aws:iam::${account}:role/${o.role} --role-session-name iam-atlas-collect --query Credentials.[AccessKeyId,SecretAccessKey,SessionToken] --output text`,
			{
				stdout: `${accessKey(account)}\tsecret-${account}\ttoken-${account}\n`
			}
		);
		const a = `${account}/`;
		say(account, 'iam get-account-authorization-details --output json', {
			stdout: files[`${a}iam-get-account-authorization-details.json`]
		});
		const buckets =
			files[`${a}s3api-list-buckets.json`] ??
			cliJson({ Buckets: [], Owner: { ID: 'f'.repeat(64) } });
		say(account, 's3api list-buckets --output json', { stdout: buckets });
		for (const { Name } of JSON.parse(buckets).Buckets as { Name: string }[]) {
			const policy = files[`${a}s3api-get-bucket-policy/${Name}.json`];
			say(
				account,
				`s3api get-bucket-policy --bucket ${Name} --output json`,
				policy
					? { stdout: policy }
					: awsError('NoSuchBucketPolicy', 'GetBucketPolicy', 'The bucket policy does not exist')
			);
		}
		for (const r of o.regions)
			recordRegion(files, `${a}${r}/`, r, (command, resp) => say(account, command, resp), under);
	}
	return { defaultAccount: o.management, credentials, responses };
}

function recordRegion(
	files: Record<string, string>,
	dir: string,
	r: string,
	say: (command: string, r: FakeResponse) => void,
	under: (prefix: string) => string[]
) {
	const keys = files[`${dir}kms-list-keys.json`] ?? cliJson({ Keys: [] });
	say(`kms list-keys --region ${r} --output json`, { stdout: keys });
	for (const { KeyId } of JSON.parse(keys).Keys as { KeyId: string }[]) {
		say(`kms get-key-policy --key-id ${KeyId} --policy-name default --region ${r} --output json`, {
			stdout: files[`${dir}kms-get-key-policy/${KeyId}.json`]
		});
	}
	const listing = (values: string[], empty = ''): FakeResponse => ({
		stdout: (values.length ? values.join('\t') : empty) + '\n'
	});
	const queues = under(`${dir}sqs-get-queue-attributes/`);
	// The SQS API leaves QueueUrls out when there are none, so the CLI's query prints None.
	say(
		`sqs list-queues --region ${r} --query QueueUrls --output text`,
		listing(queues.map(fileName), 'None')
	);
	for (const p of queues)
		say(
			`sqs get-queue-attributes --queue-url ${fileName(p)} --attribute-names Policy QueueArn --region ${r} --output json`,
			{ stdout: files[p] }
		);
	const topics = under(`${dir}sns-get-topic-attributes/`);
	say(
		`sns list-topics --region ${r} --query Topics[].TopicArn --output text`,
		listing(topics.map(fileName))
	);
	for (const p of topics)
		say(`sns get-topic-attributes --topic-arn ${fileName(p)} --region ${r} --output json`, {
			stdout: files[p]
		});
	const functions = under(`${dir}lambda-get-policy/`);
	say(
		`lambda list-functions --region ${r} --query Functions[].FunctionName --output text`,
		listing(functions.map(fileName))
	);
	for (const p of functions)
		say(`lambda get-policy --function-name ${fileName(p)} --region ${r} --output json`, {
			stdout: files[p]
		});
	const secrets = under(`${dir}secretsmanager-get-resource-policy/`);
	say(
		`secretsmanager list-secrets --region ${r} --query SecretList[].ARN --output text`,
		listing(secrets.map(fileName))
	);
	for (const p of secrets)
		say(
			`secretsmanager get-resource-policy --secret-id ${fileName(p)} --region ${r} --output json`,
			{ stdout: files[p] }
		);
	const repos = under(`${dir}ecr-get-repository-policy/`);
	say(
		`ecr describe-repositories --region ${r} --query repositories[].repositoryName --output text`,
		listing(repos.map(fileName))
	);
	for (const p of repos)
		say(`ecr get-repository-policy --repository-name ${fileName(p)} --region ${r} --output json`, {
			stdout: files[p]
		});
}

/** Write fixtures in the folder form fake-aws/aws reads (FAKE_AWS_DIR). */
export function writeFakeAwsDir(dir: string, f: FakeAwsFixtures): void {
	mkdirSync(join(dir, 'credentials'), { recursive: true });
	writeFileSync(join(dir, 'default-account'), f.defaultAccount);
	for (const [key, account] of Object.entries(f.credentials))
		writeFileSync(join(dir, 'credentials', key), account);
	for (const [key, r] of Object.entries(f.responses)) {
		const hash = createHash('md5').update(key).digest('hex');
		writeFileSync(join(dir, `${hash}.out`), r.stdout ?? '');
		if (r.stderr) writeFileSync(join(dir, `${hash}.err`), r.stderr);
		if (r.exit) writeFileSync(join(dir, `${hash}.exit`), String(r.exit));
	}
}
