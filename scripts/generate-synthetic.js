#!/usr/bin/env node
/**
 * Writes a deterministic synthetic collection in the layout of issue 2 §3, for benchmarks:
 * Organizations files (root, OUs, accounts, SCPs, an RCP and their targets) and per account a
 * GAAD plus a few resource policies (S3, KMS, SQS). Same options → byte-identical output.
 *
 *   node scripts/generate-synthetic.js [--accounts 100] [--principals 20000] [--policies 5000] [--out DIR]
 *
 * principals = users + roles over all accounts (half each); policies = customer-managed
 * policies over all accounts (each account also lists two AWS-managed ones).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Small deterministic PRNG (mulberry32). */
function random(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const ORG = 'o-synthetic01';
const SERVICES = [
	's3',
	'ec2',
	'lambda',
	'dynamodb',
	'sqs',
	'sns',
	'kms',
	'logs',
	'cloudwatch',
	'iam',
	'sts',
	'rds',
	'secretsmanager',
	'ecr'
];
const VERBS = ['Get*', 'List*', 'Describe*', 'Put*', 'Create*', 'Delete*', '*'];
const date = (i) =>
	new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString().replace('.000Z', '+00:00');
const pad = (n, w) => String(n).padStart(w, '0');
const accountId = (i) => String(100000000000 + i * 7919);

function statement(rnd, accountIdValue, i) {
	const service = SERVICES[Math.floor(rnd() * SERVICES.length)];
	const s = {
		Sid: `S${i}`,
		Effect: rnd() < 0.9 ? 'Allow' : 'Deny',
		Action: [
			`${service}:${VERBS[Math.floor(rnd() * VERBS.length)]}`,
			`${service}:${VERBS[Math.floor(rnd() * VERBS.length)]}`
		],
		Resource: rnd() < 0.5 ? '*' : `arn:aws:${service}:*:${accountIdValue}:*`
	};
	if (rnd() < 0.2)
		s.Condition = { StringEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } };
	return s;
}

const document = (rnd, acct, n) => ({
	Version: '2012-10-17',
	Statement: Array.from({ length: n }, (_, i) => statement(rnd, acct, i))
});

/** Build the collection in memory: a map of relative path → JSON value. */
export function generate({ accounts = 100, principals = 20000, policies = 5000 } = {}) {
	const rnd = random(42);
	const files = new Map();
	const mgmt = accountId(0);
	const root = 'r-syn1';
	const ous = Array.from(
		{ length: Math.max(1, Math.min(10, Math.ceil(accounts / 10))) },
		(_, i) => `ou-syn1-${pad(i, 8)}`
	);
	const ids = Array.from({ length: accounts }, (_, i) => accountId(i));
	const orgArn = (kind, rest) => `arn:aws:organizations::${mgmt}:${kind}/${ORG}/${rest}`;
	files.set('organizations-describe-organization.json', {
		Organization: {
			Id: ORG,
			Arn: `arn:aws:organizations::${mgmt}:organization/${ORG}`,
			FeatureSet: 'ALL',
			MasterAccountArn: orgArn('account', mgmt),
			MasterAccountId: mgmt,
			MasterAccountEmail: 'mgmt@example.com'
		}
	});
	files.set('organizations-list-roots.json', {
		Roots: [
			{
				Id: root,
				Arn: orgArn('root', root),
				Name: 'Root',
				PolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }]
			}
		]
	});
	files.set(`organizations-list-organizational-units-for-parent/${root}.json`, {
		OrganizationalUnits: ous.map((id, i) => ({ Id: id, Arn: orgArn('ou', id), Name: `OU ${i}` }))
	});
	const parentOf = (i) => (i === 0 ? root : ous[i % ous.length]);
	for (const parent of [root, ...ous]) {
		if (parent !== root)
			files.set(`organizations-list-organizational-units-for-parent/${parent}.json`, {
				OrganizationalUnits: []
			});
		const members = ids.filter((_, i) => parentOf(i) === parent);
		files.set(`organizations-list-accounts-for-parent/${parent}.json`, {
			Accounts: members.map((id) => ({
				Id: id,
				Arn: orgArn('account', id),
				Email: `${id}@example.com`,
				Name: `account-${id}`,
				Status: 'ACTIVE',
				State: 'ACTIVE',
				JoinedMethod: 'CREATED',
				JoinedTimestamp: date(0)
			}))
		});
	}
	const scps = [
		{
			Id: 'p-FullAWSAccess',
			Name: 'FullAWSAccess',
			aws: true,
			doc: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
			targets: [root, ...ous, ...ids]
		},
		...ous.map((ou, i) => ({
			Id: `p-syndeny${pad(i, 4)}`,
			Name: `Deny ${i}`,
			aws: false,
			doc: document(rnd, '*', 2),
			targets: [ou]
		}))
	];
	const summary = (p, type) => ({
		Id: p.Id,
		Arn: p.aws
			? `arn:aws:organizations::aws:policy/${type.toLowerCase()}/${p.Id}`
			: orgArn('policy', `${type.toLowerCase()}/${p.Id}`),
		Name: p.Name,
		Description: p.Name,
		Type: type,
		AwsManaged: p.aws
	});
	const rcp = {
		Id: 'p-RCPFullAWSAccess',
		Name: 'RCPFullAWSAccess',
		aws: true,
		doc: {
			Version: '2012-10-17',
			Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }]
		},
		targets: [root]
	};
	files.set('organizations-list-policies/SERVICE_CONTROL_POLICY.json', {
		Policies: scps.map((p) => summary(p, 'SERVICE_CONTROL_POLICY'))
	});
	files.set('organizations-list-policies/RESOURCE_CONTROL_POLICY.json', {
		Policies: [summary(rcp, 'RESOURCE_CONTROL_POLICY')]
	});
	for (const [p, type] of [
		...scps.map((p) => [p, 'SERVICE_CONTROL_POLICY']),
		[rcp, 'RESOURCE_CONTROL_POLICY']
	]) {
		files.set(`organizations-describe-policy/${p.Id}.json`, {
			Policy: { PolicySummary: summary(p, type), Content: JSON.stringify(p.doc, null, 4) }
		});
		files.set(`organizations-list-targets-for-policy/${p.Id}.json`, {
			Targets: p.targets.map((t) => ({
				TargetId: t,
				Arn: 'arn:aws:organizations::x:y',
				Name: t,
				Type: t.startsWith('r-') ? 'ROOT' : t.startsWith('ou-') ? 'ORGANIZATIONAL_UNIT' : 'ACCOUNT'
			}))
		});
	}
	const awsManaged = [
		{
			PolicyName: 'ReadOnlyAccess',
			Arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
			doc: {
				Version: '2012-10-17',
				Statement: [
					{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 'ec2:Describe*'], Resource: '*' }
				]
			}
		},
		{
			PolicyName: 'AdministratorAccess',
			Arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
			doc: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }
		}
	];
	ids.forEach((acct, a) => {
		const share = (total) => Math.floor(total / accounts) + (a < total % accounts ? 1 : 0);
		const nPrincipals = share(principals);
		const nUsers = Math.ceil(nPrincipals / 2);
		const nRoles = nPrincipals - nUsers;
		const nPolicies = share(policies);
		const policyArns = Array.from(
			{ length: nPolicies },
			(_, i) => `arn:aws:iam::${acct}:policy/team/policy-${pad(i, 4)}`
		);
		const pick = () =>
			policyArns.length ? policyArns[Math.floor(rnd() * policyArns.length)] : awsManaged[0].Arn;
		const groups = Array.from(
			{ length: Math.max(1, Math.round(nUsers / 20)) },
			(_, i) => `group-${pad(i, 3)}`
		);
		const attach = (n) =>
			[...new Set(Array.from({ length: n }, pick))].map((arn) => ({
				PolicyName: arn.split('/').at(-1),
				PolicyArn: arn
			}));
		const gaad = {
			UserDetailList: Array.from({ length: nUsers }, (_, i) => ({
				Path: '/',
				UserName: `user-${pad(i, 5)}`,
				UserId: `AIDA${acct}${pad(i, 9)}`,
				Arn: `arn:aws:iam::${acct}:user/user-${pad(i, 5)}`,
				CreateDate: date(i),
				UserPolicyList:
					rnd() < 0.3 ? [{ PolicyName: 'inline', PolicyDocument: document(rnd, acct, 2) }] : [],
				GroupList: [groups[i % groups.length]],
				AttachedManagedPolicies: attach(2),
				Tags: [{ Key: 'team', Value: `t${i % 7}` }]
			})),
			GroupDetailList: groups.map((g, i) => ({
				Path: '/',
				GroupName: g,
				GroupId: `AGPA${acct}${pad(i, 9)}`,
				Arn: `arn:aws:iam::${acct}:group/${g}`,
				CreateDate: date(i),
				GroupPolicyList: [],
				AttachedManagedPolicies: attach(1)
			})),
			RoleDetailList: Array.from({ length: nRoles }, (_, i) => {
				const from = ids[Math.floor(rnd() * ids.length)];
				return {
					Path: '/',
					RoleName: `role-${pad(i, 5)}`,
					RoleId: `AROA${acct}${pad(i, 9)}`,
					Arn: `arn:aws:iam::${acct}:role/role-${pad(i, 5)}`,
					CreateDate: date(i),
					AssumeRolePolicyDocument: {
						Version: '2012-10-17',
						Statement: [
							{
								Effect: 'Allow',
								Principal:
									rnd() < 0.5
										? { Service: 'ec2.amazonaws.com' }
										: { AWS: `arn:aws:iam::${from}:root` },
								Action: 'sts:AssumeRole'
							}
						]
					},
					InstanceProfileList: [],
					RolePolicyList:
						rnd() < 0.5 ? [{ PolicyName: 'inline', PolicyDocument: document(rnd, acct, 3) }] : [],
					AttachedManagedPolicies: attach(2),
					Tags: [],
					RoleLastUsed: rnd() < 0.5 ? {} : { LastUsedDate: date(i + 1000), Region: 'eu-west-1' }
				};
			}),
			Policies: [
				...awsManaged.map((p) => ({
					PolicyName: p.PolicyName,
					PolicyId: `ANPA${p.PolicyName.toUpperCase().slice(0, 17)}`,
					Arn: p.Arn,
					Path: '/',
					DefaultVersionId: 'v1',
					AttachmentCount: 1,
					PermissionsBoundaryUsageCount: 0,
					IsAttachable: true,
					CreateDate: date(0),
					UpdateDate: date(0),
					PolicyVersionList: [
						{ Document: p.doc, VersionId: 'v1', IsDefaultVersion: true, CreateDate: date(0) }
					]
				})),
				...policyArns.map((arn, i) => ({
					PolicyName: arn.split('/').at(-1),
					PolicyId: `ANPA${acct}${pad(i, 9)}`,
					Arn: arn,
					Path: '/team/',
					DefaultVersionId: 'v2',
					AttachmentCount: 1,
					PermissionsBoundaryUsageCount: 0,
					IsAttachable: true,
					CreateDate: date(i),
					UpdateDate: date(i + 1),
					PolicyVersionList: [
						{
							Document: document(rnd, acct, 3),
							VersionId: 'v2',
							IsDefaultVersion: true,
							CreateDate: date(i + 1)
						},
						...(i % 5 === 0
							? [
									{
										Document: document(rnd, acct, 1),
										VersionId: 'v1',
										IsDefaultVersion: false,
										CreateDate: date(i)
									}
								]
							: [])
					]
				}))
			]
		};
		files.set(`${acct}/iam-get-account-authorization-details.json`, gaad);
		const bucket = `bucket-${acct}`;
		const allowRole = {
			Version: '2012-10-17',
			Statement: [
				{
					Effect: 'Allow',
					Principal: { AWS: `arn:aws:iam::${acct}:role/role-00000` },
					Action: ['s3:GetObject'],
					Resource: `arn:aws:s3:::${bucket}/*`
				}
			]
		};
		files.set(`${acct}/s3api-list-buckets.json`, {
			Buckets: [
				{ Name: bucket, CreationDate: date(a) },
				{ Name: `${bucket}-logs`, CreationDate: date(a) }
			],
			Owner: { ID: 'x' }
		});
		files.set(`${acct}/s3api-get-bucket-policy/${bucket}.json`, {
			Policy: JSON.stringify(allowRole)
		});
		const key = `${pad(a, 8)}-0000-4000-8000-000000000000`;
		files.set(`${acct}/eu-west-1/kms-list-keys.json`, {
			Keys: [{ KeyId: key, KeyArn: `arn:aws:kms:eu-west-1:${acct}:key/${key}` }]
		});
		files.set(`${acct}/eu-west-1/kms-get-key-policy/${key}.json`, {
			Policy: JSON.stringify({
				Version: '2012-10-17',
				Id: 'key-default-1',
				Statement: [
					{
						Sid: 'Enable IAM User Permissions',
						Effect: 'Allow',
						Principal: { AWS: `arn:aws:iam::${acct}:root` },
						Action: 'kms:*',
						Resource: '*'
					}
				]
			}),
			PolicyName: 'default'
		});
		const queueArn = `arn:aws:sqs:eu-west-1:${acct}:jobs`;
		files.set(
			`${acct}/eu-west-1/sqs-get-queue-attributes/${encodeURIComponent(`https://sqs.eu-west-1.amazonaws.com/${acct}/jobs`)}.json`,
			{
				Attributes: {
					QueueArn: queueArn,
					Policy: JSON.stringify({
						Version: '2012-10-17',
						Statement: [
							{
								Effect: 'Allow',
								Principal: { AWS: `arn:aws:iam::${mgmt}:root` },
								Action: 'sqs:SendMessage',
								Resource: queueArn
							}
						]
					})
				}
			}
		);
	});
	return files;
}

/** Write a generated collection to a folder (emptied first). */
export function writeCollection(files, out) {
	rmSync(out, { recursive: true, force: true });
	let bytes = 0;
	for (const [path, value] of files) {
		const full = join(out, path);
		mkdirSync(dirname(full), { recursive: true });
		const text = JSON.stringify(value, null, 4) + '\n';
		bytes += Buffer.byteLength(text);
		writeFileSync(full, text);
	}
	return bytes;
}

function option(args, name, fallback) {
	const i = args.indexOf(`--${name}`);
	return i === -1 ? fallback : args[i + 1];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const args = process.argv.slice(2);
	const opts = {
		accounts: Number(option(args, 'accounts', 100)),
		principals: Number(option(args, 'principals', 20000)),
		policies: Number(option(args, 'policies', 5000))
	};
	const out = resolve(option(args, 'out', 'synthetic-collection'));
	const files = generate(opts);
	const bytes = writeCollection(files, out);
	console.log(
		`wrote ${files.size} files (${(bytes / 1048576).toFixed(1)} MiB) to ${out}: ${opts.accounts} accounts, ${opts.principals} principals, ${opts.policies} policies`
	);
}
