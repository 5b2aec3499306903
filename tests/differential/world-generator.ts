/**
 * Random organizations for the differential test, built directly as model snapshots: OUs,
 * SCPs and RCPs, member accounts plus one account outside the organization, users in groups,
 * roles with trust policies, boundaries, and resources with resource-based policies.
 * Service-linked roles are never generated: iam-simulate applies SCPs to them (AWS exempts them).
 */
import type {
	Account,
	ManagedPolicy,
	OrgPolicy,
	OrgUnit,
	Resource,
	Role,
	Snapshot,
	Tags,
	User
} from '../../src/lib/model/snapshot';
import type {
	PolicyDocument,
	PolicyStatement,
	PrincipalElement
} from '../../src/lib/model/policy-document';
import { Random } from './random';
import {
	allowDocument,
	randomDocument,
	randomStatement,
	type PolicyScope
} from './policy-generator';
import type { Target } from './vocabulary';
import { noEvidence } from '../../src/lib/model/evidence';

/** A principal a request may be made by. */
export interface GeneratedPrincipal {
	arn: string;
	kind: 'user' | 'role' | 'session' | 'root' | 'service' | 'anonymous';
	/** The principal's account ('' for service principals and anonymous callers). */
	account: string;
	/** For sessions: the role's ARN. */
	roleArn?: string;
}

/** One generated organization with what requests may use. */
export interface GeneratedWorld {
	seed: number;
	snapshot: Snapshot;
	principals: GeneratedPrincipal[];
	targets: Target[];
	scope: PolicyScope;
	managementAccount: string;
	externalAccount: string;
}

/** Service principals resource policies may name and requests may come from. */
export const SERVICE_PRINCIPALS = [
	'cloudtrail.amazonaws.com',
	'sns.amazonaws.com',
	'lambda.amazonaws.com'
];

const FULL_ACCESS: PolicyDocument = {
	Version: '2012-10-17',
	Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }]
};

function managed(arn: string, document: PolicyDocument): ManagedPolicy {
	const name = arn.split('/').pop() ?? arn;
	return {
		arn,
		name,
		id: null,
		path: '/',
		awsManaged: false,
		defaultVersionId: 'v1',
		description: null,
		createDate: null,
		updateDate: null,
		attachmentCount: null,
		permissionsBoundaryUsageCount: null,
		isAttachable: true,
		versions: [{ versionId: 'v1', isDefault: true, createDate: null, document }]
	};
}

function accountIds(seed: number, count: number): string[] {
	return Array.from({ length: count }, (_, j) =>
		String(100000000000 + (seed % 10000) * 1000 + j * 11 + 1)
	);
}

/** Pre-computed names, so policies of one account may name principals and resources of another. */
interface Plan {
	accounts: string[];
	users: Map<string, string[]>;
	roles: Map<string, string[]>;
	sessions: Map<string, string[]>;
}

const upper = (rng: Random, n: number) => rng.token(n).toUpperCase();

function plan(rng: Random, accounts: string[]): Plan {
	const p: Plan = { accounts, users: new Map(), roles: new Map(), sessions: new Map() };
	for (const a of accounts) {
		p.users.set(
			a,
			Array.from({ length: rng.int(1, 3) }, (_, i) => `u${i + 1}`)
		);
		const roles = Array.from(
			{ length: rng.int(1, 3) },
			(_, i) => rng.pick(['Admin', 'App', 'Reader', 'Deployer']) + (i + 1)
		);
		p.roles.set(a, roles);
		p.sessions.set(
			a,
			roles.map((r) => `arn:aws:sts::${a}:assumed-role/${r}/${rng.pick(['s1', 'alice', 'ci'])}`)
		);
	}
	return p;
}

function principalElement(rng: Random, p: Plan, home: string): PrincipalElement {
	const acct = rng.chance(0.6) ? home : rng.pick(p.accounts);
	const options = [
		() => `arn:aws:iam::${acct}:user/${rng.pick(p.users.get(acct)!)}`,
		() => `arn:aws:iam::${acct}:role/${rng.pick(p.roles.get(acct)!)}`,
		() => rng.pick(p.sessions.get(acct)!),
		() => `arn:aws:iam::${acct}:root`,
		() => acct
	];
	if (rng.chance(0.12)) return '*';
	if (rng.chance(0.08)) return { Service: rng.pick(SERVICE_PRINCIPALS) };
	const arns = Array.from({ length: rng.int(1, 2) }, () => rng.pick(options)());
	return { AWS: arns.length === 1 ? arns[0] : arns };
}

function resourcePolicy(
	rng: Random,
	scope: PolicyScope,
	p: Plan,
	home: string,
	arns: string[],
	actions: string[],
	keyPolicy: boolean
): PolicyDocument | null {
	if (!keyPolicy && rng.chance(0.25)) return null;
	const statements: PolicyStatement[] = [];
	if (keyPolicy && rng.chance(0.7))
		statements.push({
			Sid: 'EnableIam',
			Effect: 'Allow',
			Principal: { AWS: `arn:aws:iam::${home}:root` },
			Action: 'kms:*',
			Resource: '*'
		});
	const count = rng.int(1, 3);
	for (let i = 0; i < count; i++) {
		const notPrincipal = rng.chance(0.03);
		const st = randomStatement(rng, scope, {
			denyChance: 0.2,
			conditionChance: 0.3,
			actions,
			resources: arns,
			sid: rng.chance(0.5) ? `R${i}` : undefined
		});
		if (notPrincipal && st.Effect === 'Deny')
			st.NotPrincipal = { AWS: [rng.pick(p.sessions.get(home)!), `arn:aws:iam::${home}:root`] };
		else st.Principal = principalElement(rng, p, home);
		if (keyPolicy) {
			delete st.NotResource;
			st.Resource = '*';
		}
		statements.push(st);
	}
	return { Version: '2012-10-17', Statement: statements };
}

function trustPolicy(rng: Random, scope: PolicyScope, p: Plan, home: string): PolicyDocument {
	const statements: PolicyStatement[] = [];
	for (let i = 0; i < rng.int(1, 2); i++) {
		const st: PolicyStatement = {
			Effect: rng.chance(0.1) ? 'Deny' : 'Allow',
			Principal: principalElement(rng, p, home),
			Action: 'sts:AssumeRole'
		};
		if (rng.chance(0.25)) st.Condition = randomDocumentCondition(rng, scope);
		statements.push(st);
	}
	if (rng.chance(0.15))
		statements.push({
			Effect: 'Allow',
			Principal: { Service: 'ec2.amazonaws.com' },
			Action: 'sts:AssumeRole'
		});
	return { Version: '2012-10-17', Statement: statements };
}

function randomDocumentCondition(rng: Random, scope: PolicyScope) {
	return randomStatement(rng, scope, { conditionChance: 1 }).Condition!;
}

function buildAccount(
	rng: Random,
	scope: PolicyScope,
	p: Plan,
	id: string,
	targets: Target[],
	principals: GeneratedPrincipal[]
): Account {
	const policies: ManagedPolicy[] = [];
	const region = 'us-east-1';
	const bucket = `b-${id}`;
	const queue = `arn:aws:sqs:${region}:${id}:q1`;
	const topic = `arn:aws:sns:${region}:${id}:t1`;
	const key = `arn:aws:kms:${region}:${id}:key/${rng.token(8)}-0000-4000-8000-${rng.token(12)}`;
	const secret = `arn:aws:secretsmanager:${region}:${id}:secret:s1-${rng.token(6)}`;
	const table = `arn:aws:dynamodb:${region}:${id}:table/t1`;
	const tags = (): Tags => (rng.chance(0.6) ? { env: rng.pick(['prod', 'dev']) } : {});
	const resource = (
		arn: string,
		kind: Resource['kind'],
		name: string,
		actions: string[],
		isKey = false
	): Resource => ({
		arn,
		kind,
		name,
		accountId: id,
		region: kind === 's3-bucket' ? null : region,
		policy: resourcePolicy(
			rng,
			scope,
			p,
			id,
			kind === 's3-bucket' ? [arn, `${arn}/*`] : [arn],
			actions,
			isKey
		),
		tags: tags(),
		awsManaged: isKey ? false : null
	});
	const resources = [
		resource(`arn:aws:s3:::${bucket}`, 's3-bucket', bucket, [
			's3:GetObject',
			's3:PutObject',
			's3:ListBucket',
			's3:*'
		]),
		resource(queue, 'sqs-queue', 'q1', ['sqs:SendMessage', 'sqs:*']),
		resource(topic, 'sns-topic', 't1', ['sns:Publish']),
		resource(key, 'kms-key', key.split('/')[1], ['kms:Decrypt', 'kms:Encrypt', 'kms:*'], true),
		resource(secret, 'secret', 's1', ['secretsmanager:GetSecretValue'])
	];
	targets.push(
		{
			kind: 'object',
			arn: `arn:aws:s3:::${bucket}/${rng.pick(['data/x.csv', 'u1/notes.txt', 'logs/a'])}`,
			account: id,
			holder: `arn:aws:s3:::${bucket}`
		},
		{
			kind: 'bucket',
			arn: `arn:aws:s3:::${bucket}`,
			account: id,
			holder: `arn:aws:s3:::${bucket}`
		},
		{ kind: 'queue', arn: queue, account: id, holder: queue },
		{ kind: 'topic', arn: topic, account: id, holder: topic },
		{ kind: 'key', arn: key, account: id, holder: key },
		{ kind: 'secret', arn: secret, account: id, holder: secret },
		{ kind: 'table', arn: table, account: id, holder: null }
	);
	scope.resourceArns.push(
		`arn:aws:s3:::${bucket}/*`,
		`arn:aws:s3:::${bucket}`,
		queue,
		topic,
		key,
		secret,
		table,
		`arn:aws:sqs:*:${id}:*`,
		'arn:aws:s3:::b-*/u1/*',
		`arn:aws:s3:::b-*/\${aws:username}/*`
	);
	const pb = `arn:aws:iam::${id}:policy/Boundary`;
	policies.push(
		managed(
			pb,
			rng.chance(0.5)
				? allowDocument(
						rng.some(
							[
								's3:*',
								'sqs:*',
								'kms:*',
								'sts:AssumeRole',
								'dynamodb:*',
								'secretsmanager:*',
								'sns:*'
							],
							2,
							5
						)
					)
				: randomDocument(rng, scope, 3, { denyChance: 0.3 })
		)
	);
	for (let i = 1; i <= 2; i++)
		policies.push(managed(`arn:aws:iam::${id}:policy/P${i}`, randomDocument(rng, scope, 3)));
	const pick = () =>
		rng.some(
			policies.slice(1).map((m) => m.arn),
			0,
			2
		);
	const broad = [
		's3:*',
		'sqs:*',
		'kms:*',
		'sts:AssumeRole',
		'dynamodb:*',
		'secretsmanager:*',
		'sns:*'
	];
	const inline = (name: string) => [
		...(rng.chance(0.75)
			? [{ name: `${name}-inline`, document: randomDocument(rng, scope, 3, { denyChance: 0.12 }) }]
			: []),
		...(rng.chance(0.5)
			? [{ name: `${name}-broad`, document: allowDocument(rng.some(broad, 2, 6)) }]
			: [])
	];
	const groupName = 'devs';
	const groups = [
		{
			arn: `arn:aws:iam::${id}:group/${groupName}`,
			name: groupName,
			id: `AGPA${upper(rng, 12)}`,
			path: '/',
			createDate: null,
			inlinePolicies: [{ name: 'GroupInline', document: randomDocument(rng, scope, 2) }],
			attachedPolicies: pick()
		}
	];
	const users: User[] = p.users.get(id)!.map((name) => {
		const tags: Record<string, string> = {};
		if (rng.chance(0.7)) tags.team = rng.pick(['red', 'blue', 'Red', 'green']);
		if (rng.chance(0.3)) tags.owner = rng.chance(0.5) ? name : 'nobody';
		return {
			arn: `arn:aws:iam::${id}:user/${name}`,
			name,
			id: `AIDA${upper(rng, 12)}`,
			path: '/',
			createDate: null,
			inlinePolicies: inline(name),
			attachedPolicies: pick(),
			groups: rng.chance(0.5) ? [groupName] : [],
			permissionsBoundary: rng.chance(0.25) ? pb : null,
			tags
		};
	});
	const roles: Role[] = p.roles.get(id)!.map((name) => ({
		arn: `arn:aws:iam::${id}:role/${name}`,
		name,
		id: `AROA${upper(rng, 12)}`,
		path: '/',
		createDate: null,
		inlinePolicies: inline(name),
		attachedPolicies: pick(),
		trustPolicy: trustPolicy(rng, scope, p, id),
		permissionsBoundary: rng.chance(0.25) ? pb : null,
		tags: (rng.chance(0.6) ? { team: rng.pick(['red', 'blue']) } : {}) as Tags,
		instanceProfiles: [],
		lastUsed: null,
		description: null,
		maxSessionDuration: null
	}));
	for (const u of users) principals.push({ arn: u.arn, kind: 'user', account: id });
	for (const r of roles) {
		targets.push({ kind: 'role', arn: r.arn, account: id, holder: r.arn });
		principals.push({ arn: r.arn, kind: 'role', account: id });
	}
	for (const s of p.sessions.get(id)!) {
		const role = s.replace(
			/^arn:aws:sts::(\d+):assumed-role\/([^/]+)\/.*$/,
			'arn:aws:iam::$1:role/$2'
		);
		principals.push({ arn: s, kind: 'session', account: id, roleArn: role });
	}
	principals.push({ arn: `arn:aws:iam::${id}:root`, kind: 'root', account: id });
	if (!principals.some((p) => p.kind === 'anonymous')) {
		principals.push({ arn: '*', kind: 'anonymous', account: '' });
		for (const svc of SERVICE_PRINCIPALS)
			principals.push({ arn: svc, kind: 'service', account: '' });
	}
	return {
		id,
		name: `acct-${id}`,
		users,
		groups,
		roles,
		policies,
		resources,
		evidence: noEvidence()
	};
}

function orgPolicy(
	id: string,
	type: 'SCP' | 'RCP',
	document: PolicyDocument,
	targets: string[],
	awsManaged = false
): OrgPolicy {
	return { id, arn: null, name: id, description: null, type, awsManaged, document, targets };
}

/** Build one random organization from a seed. */
export function generateWorld(seed: number): GeneratedWorld {
	const rng = new Random(seed);
	const ids = accountIds(seed, rng.int(3, 5));
	const [management, ...rest] = ids;
	const external = rest.pop()!;
	const orgId = `o-${rng.token(10)}`;
	const rootId = `r-${rng.token(4)}`;
	const units: OrgUnit[] = [{ id: rootId, kind: 'root', name: 'Root', arn: null, parentId: null }];
	for (let i = 0; i < rng.int(1, 4); i++) {
		const parent = rng.pick(units).id;
		units.push({
			id: `ou-${rootId.slice(2)}-${rng.token(8)}`,
			kind: 'ou',
			name: `OU${i}`,
			arn: null,
			parentId: parent
		});
	}
	const members = rest;
	const scope: PolicyScope = {
		orgId,
		rootId,
		ouIds: units.slice(1).map((u) => u.id),
		accounts: ids,
		principalArns: [],
		resourceArns: []
	};
	const p = plan(rng, ids);
	for (const a of ids)
		scope.principalArns.push(
			...p.users.get(a)!.map((u) => `arn:aws:iam::${a}:user/${u}`),
			...p.sessions.get(a)!
		);
	const targets: Target[] = [];
	const principals: GeneratedPrincipal[] = [];
	const accounts = ids.map((id) => buildAccount(rng, scope, p, id, targets, principals));
	const orgAccounts = [management, ...members].map((id) => ({
		id,
		name: `acct-${id}`,
		email: null,
		arn: null,
		parentId: id === management ? rootId : rng.pick(units).id,
		state: 'ACTIVE',
		joinedMethod: null,
		joinedTimestamp: null
	}));
	const levels = [...units.map((u) => u.id), ...orgAccounts.map((a) => a.id)];
	const fullTargets = levels.filter(() => rng.chance(0.93));
	const policies: OrgPolicy[] = [
		orgPolicy('p-FullAWSAccess', 'SCP', FULL_ACCESS, fullTargets, true)
	];
	const missing = levels.filter((l) => !fullTargets.includes(l));
	if (missing.length && rng.chance(0.6))
		policies.push(
			orgPolicy(
				`p-${rng.token(8)}`,
				'SCP',
				allowDocument(rng.some(['s3:*', 'sqs:*', 'sts:*', 'kms:*', 'dynamodb:Get*'], 1, 3)),
				missing
			)
		);
	for (let i = 0; i < rng.int(0, 3); i++) {
		policies.push(
			orgPolicy(
				`p-${rng.token(8)}`,
				'SCP',
				randomDocument(rng, scope, 2, { effect: 'Deny', conditionChance: 0.7 }),
				rng.some(levels, 1, 2)
			)
		);
	}
	for (let i = 0; i < rng.int(0, 2); i++) {
		const doc = randomDocument(rng, scope, 2, {
			effect: 'Deny',
			conditionChance: 0.8,
			principal: '*',
			actions: ['s3:*', 'sqs:*', 'kms:*', 'secretsmanager:*', 'sts:*', 'dynamodb:*', 'sns:*']
		});
		// RCPs support neither NotAction nor NotPrincipal nor Action "*", and need Version 2012-10-17 (RCP syntax page).
		doc.Version = '2012-10-17';
		for (const st of Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]) {
			const actions = [st.Action ?? st.NotAction ?? []].flat().map((a) => (a === '*' ? 's3:*' : a));
			delete st.NotAction;
			st.Action = actions;
		}
		policies.push(orgPolicy(`p-${rng.token(8)}`, 'RCP', doc, rng.some(levels, 1, 2)));
	}
	const snapshot: Snapshot = {
		format: 'iam-atlas-snapshot',
		version: 2,
		meta: {
			name: `differential-${seed}`,
			capturedAt: null,
			importedAt: '2026-01-01T00:00:00Z',
			sources: [],
			tool: 'differential'
		},
		organization: {
			id: orgId,
			arn: null,
			managementAccountId: management,
			featureSet: 'ALL',
			rootId,
			units,
			accounts: orgAccounts,
			policies
		},
		accounts: accounts.sort((a, b) => a.id.localeCompare(b.id)),
		notes: [],
		views: []
	};
	return {
		seed,
		snapshot,
		principals,
		targets,
		scope,
		managementAccount: management,
		externalAccount: external
	};
}
