/**
 * The compact "world" of an evaluator case (see ../cases/README.md) and its expansion into a full
 * model Snapshot, through the shared test-data builders. Tests and benchmarks only.
 */
import type { PolicyDocument } from '../../model/policy-document';
import type {
	Account,
	ManagedPolicy,
	OrgPolicy,
	OrgUnit,
	Resource,
	ResourceKind,
	Snapshot,
	Tags
} from '../../model/snapshot';
import {
	makeAccount,
	makeGroup,
	makeManagedPolicy,
	makeOrg,
	makeOrgAccount,
	makeOrgPolicy,
	makeOrgUnit,
	makeRole,
	makeSnapshot,
	makeUser
} from '../../testing/builders';
import type { Decision, EvalRequest, LayerName, Reason } from '../types';

/** An SCP or RCP of a world. */
export interface WorldOrgPolicy {
	id: string;
	name?: string;
	targets: string[];
	document: PolicyDocument;
}

/** A world's organization. */
export interface WorldOrg {
	id?: string;
	management?: string;
	ous?: { id: string; parent: string; name?: string }[];
	/** account id → parent (r-root or an OU id). */
	accounts: Record<string, string>;
	scps?: WorldOrgPolicy[];
	rcps?: WorldOrgPolicy[];
	/** When true, FullAWSAccess is not attached anywhere by default. */
	noDefaultFullAccess?: boolean;
}

type Boundary = PolicyDocument | string;

/** One account of a world. */
export interface WorldAccount {
	users?: {
		name: string;
		path?: string;
		policies?: PolicyDocument[];
		managed?: string[];
		groups?: string[];
		boundary?: Boundary;
		tags?: Tags;
	}[];
	groups?: { name: string; path?: string; policies?: PolicyDocument[]; managed?: string[] }[];
	roles?: {
		name: string;
		path?: string;
		trust?: PolicyDocument;
		policies?: PolicyDocument[];
		managed?: string[];
		boundary?: Boundary;
		tags?: Tags;
		/** Names of instance profiles holding the role. */
		instanceProfiles?: string[];
	}[];
	/** Managed policies: customer-managed by name (and path), or any policy by explicit ARN (e.g. AWS-managed). */
	policies?: { name?: string; arn?: string; path?: string; document: PolicyDocument }[];
	resources?: {
		arn: string;
		kind: ResourceKind;
		name?: string;
		policy?: PolicyDocument;
		tags?: Tags;
		awsManaged?: boolean;
		region?: string;
	}[];
}

/** A compact description of an organization and its accounts. */
export interface World {
	org?: WorldOrg;
	accounts?: Record<string, WorldAccount>;
}

/** What a case expects of the evaluator. */
export interface CaseExpectation {
	decision: Decision;
	reasons?: Partial<Reason>[];
	gap?: LayerName;
}

/** One evaluator case, as stored in ../cases/*.json. */
export interface EvalCase {
	name: string;
	doc: string;
	note?: string;
	world: World;
	request: EvalRequest;
	expect: CaseExpectation;
}

const inline = (docs: PolicyDocument[] | undefined) =>
	(docs ?? []).map((document, i) => ({ name: `inline-${i}`, document }));

function expandAccount(id: string, w: WorldAccount): Account {
	const policies: ManagedPolicy[] = (w.policies ?? []).map((p) => {
		const name = p.name ?? p.arn?.split('/').pop() ?? 'policy';
		const awsManaged = p.arn ? /^arn:[^:]+:iam::aws:/.test(p.arn) : false;
		const mp = makeManagedPolicy({
			accountId: id,
			name,
			path: p.path ?? '/',
			document: p.document,
			awsManaged
		});
		return p.arn ? { ...mp, arn: p.arn } : mp;
	});
	const boundaryArn = (entity: string, b: Boundary | undefined): string | null => {
		if (b === undefined) return null;
		if (typeof b === 'string') return b;
		const mp = makeManagedPolicy({ accountId: id, name: `boundary-${entity}`, document: b });
		policies.push(mp);
		return mp.arn;
	};
	const users = (w.users ?? []).map((u) =>
		makeUser({
			accountId: id,
			name: u.name,
			path: u.path ?? '/',
			inlinePolicies: inline(u.policies),
			attachedPolicies: u.managed ?? [],
			groups: u.groups ?? [],
			permissionsBoundary: boundaryArn(u.name, u.boundary),
			tags: u.tags ?? {}
		})
	);
	const groups = (w.groups ?? []).map((g) =>
		makeGroup({
			accountId: id,
			name: g.name,
			path: g.path ?? '/',
			inlinePolicies: inline(g.policies),
			attachedPolicies: g.managed ?? []
		})
	);
	const roles = (w.roles ?? []).map((r) =>
		makeRole({
			accountId: id,
			name: r.name,
			path: r.path ?? '/',
			trustPolicy: r.trust ?? null,
			inlinePolicies: inline(r.policies),
			attachedPolicies: r.managed ?? [],
			permissionsBoundary: boundaryArn(r.name, r.boundary),
			tags: r.tags ?? {},
			instanceProfiles: (r.instanceProfiles ?? []).map((name) => ({
				arn: `arn:aws:iam::${id}:instance-profile/${name}`,
				name,
				id: `AIPA${name.toUpperCase()}`,
				path: '/'
			}))
		})
	);
	const resources: Resource[] = (w.resources ?? []).map((r) => ({
		arn: r.arn,
		kind: r.kind,
		name: r.name ?? resourceName(r.arn, r.kind),
		accountId: id,
		region: r.region ?? r.arn.split(':')[3] ?? null,
		policy: r.policy ?? null,
		tags: r.tags ?? {},
		awsManaged: r.awsManaged ?? null
	}));
	return makeAccount({ id, users, groups, roles, policies, resources });
}

function resourceName(arn: string, kind: ResourceKind): string {
	if (kind === 's3-bucket') return arn.replace(/^arn:[^:]+:s3:::/, '').split('/')[0];
	const tail = arn.split(':').slice(5).join(':');
	return tail.split(/[/:]/).pop() ?? tail;
}

function expandOrg(org: WorldOrg) {
	const units: OrgUnit[] = [makeOrgUnit({ kind: 'root', id: 'r-root' })];
	for (const ou of org.ous ?? [])
		units.push(makeOrgUnit({ id: ou.id, parentId: ou.parent, name: ou.name ?? ou.id }));
	const accountParents: Record<string, string> = { ...org.accounts };
	if (org.management && !accountParents[org.management]) accountParents[org.management] = 'r-root';
	const accounts = Object.entries(accountParents).map(([id, parentId]) =>
		makeOrgAccount({ id, parentId })
	);
	const toPolicy =
		(type: 'SCP' | 'RCP') =>
		(p: WorldOrgPolicy): OrgPolicy =>
			makeOrgPolicy({
				id: p.id,
				name: p.name ?? p.id,
				type,
				awsManaged: false,
				document: p.document,
				targets: p.targets
			});
	const policies: OrgPolicy[] = [];
	if (!org.noDefaultFullAccess) {
		policies.push(
			makeOrgPolicy({ targets: [...units.map((u) => u.id), ...accounts.map((a) => a.id)] })
		);
	}
	policies.push(...(org.scps ?? []).map(toPolicy('SCP')), ...(org.rcps ?? []).map(toPolicy('RCP')));
	return makeOrg({
		id: org.id ?? 'o-exampleorgid',
		managementAccountId: org.management ?? null,
		units,
		accounts,
		policies
	});
}

/** Expand a world into a full snapshot (accounts sorted by id; org accounts get empty account data). */
export function worldToSnapshot(world: World): Snapshot {
	const ids = new Set([
		...Object.keys(world.accounts ?? {}),
		...Object.keys(world.org?.accounts ?? {})
	]);
	if (world.org?.management) ids.add(world.org.management);
	const accounts = [...ids].sort().map((id) => expandAccount(id, world.accounts?.[id] ?? {}));
	return makeSnapshot({ organization: world.org ? expandOrg(world.org) : null, accounts });
}
