/**
 * Random policy statements and conditions for the differential test. Every operator family and
 * the documented quirks (IfExists, Null, set operators, variables, NotAction/NotResource,
 * NotPrincipal) appear with small probabilities so the oracle comparison exercises them.
 */
import type {
	ConditionBlock,
	JsonValue,
	PolicyDocument,
	PolicyStatement,
	PrincipalElement
} from '../../src/lib/model/policy-document';
import type { Random } from './random';
import { ACTION_PATTERNS, REGIONS } from './vocabulary';

/** The parts of a generated organization that policies refer to. */
export interface PolicyScope {
	orgId: string;
	rootId: string;
	ouIds: string[];
	accounts: string[];
	/** User, role and session ARNs a Principal element may name. */
	principalArns: string[];
	/** Resource ARNs and ARN patterns a Resource element may name. */
	resourceArns: string[];
}

type ConditionPick = [operator: string, key: string, values: JsonValue];

/** One random condition entry (operator, key, values). */
export function randomCondition(rng: Random, scope: PolicyScope): ConditionPick {
	const acct = rng.pick(scope.accounts);
	const ou = scope.ouIds.length ? rng.pick(scope.ouIds) : scope.rootId;
	const choices: Array<() => ConditionPick> = [
		() => [
			rng.pick(['IpAddress', 'NotIpAddress', 'IpAddressIfExists']),
			'aws:SourceIp',
			rng.pick([
				['10.0.0.0/8'],
				['192.168.1.0/24', '2001:db8::/32'],
				'203.0.113.7/32',
				'2001:db8::/32'
			])
		],
		() => [
			rng.pick([
				'StringEquals',
				'StringNotEquals',
				'StringLike',
				'StringNotLike',
				'StringEqualsIgnoreCase',
				'StringEqualsIfExists',
				'StringNotEqualsIfExists'
			]),
			'aws:RequestedRegion',
			rng.pick([['us-east-1'], ['eu-west-1', 'eu-central-1'], 'eu-*', 'US-EAST-1'])
		],
		() => [
			rng.pick([
				'StringEquals',
				'StringNotEquals',
				'StringLike',
				'StringEqualsIgnoreCase',
				'StringEqualsIfExists',
				'StringNotLikeIfExists'
			]),
			'aws:PrincipalTag/team',
			rng.pick([['red'], ['red', 'blue'], 'R*', 'bl?e'])
		],
		() => [
			'Null',
			rng.pick([
				'aws:PrincipalTag/team',
				'aws:MultiFactorAuthAge',
				'aws:PrincipalOrgID',
				'aws:SecureTransport'
			]),
			rng.pick(['true', 'false'])
		],
		() => [
			rng.pick(['Bool', 'BoolIfExists']),
			'aws:MultiFactorAuthPresent',
			rng.pick(['true', 'false', true])
		],
		() => [rng.pick(['Bool', 'BoolIfExists']), 'aws:SecureTransport', rng.pick(['true', 'false'])],
		() => [
			rng.pick(['DateGreaterThan', 'DateLessThan', 'DateGreaterThanEquals', 'DateNotEquals']),
			'aws:CurrentTime',
			rng.chance(0.1)
				? '1767225600'
				: rng.pick(['2026-01-01T00:00:00Z', '2026-06-30', '2027-01-02T00:00:00Z'])
		],
		() => [
			rng.pick(['StringEquals', 'StringNotEquals', 'StringNotEqualsIfExists']),
			'aws:PrincipalOrgID',
			rng.chance(0.8) ? scope.orgId : 'o-otherorg999'
		],
		() => [
			rng.pick(['ArnLike', 'ArnNotLike', 'ArnEquals', 'ArnNotEquals', 'StringLike']),
			'aws:PrincipalArn',
			rng.pick([
				`arn:aws:iam::${acct}:role/*`,
				rng
					.pick(scope.principalArns)
					.replace(/^arn:aws:sts::(\d+):assumed-role\/([^/]+)\/.*$/, 'arn:aws:iam::$1:role/$2'),
				'arn:aws:iam::*:user/u*'
			])
		],
		() => [
			rng.pick(['StringEquals', 'StringNotEquals']),
			'aws:PrincipalAccount',
			rng.chance(0.5) ? acct : [acct, rng.pick(scope.accounts)]
		],
		() => [
			rng.pick([
				'NumericLessThan',
				'NumericGreaterThanEquals',
				'NumericLessThanIfExists',
				'NumericNotEquals'
			]),
			'aws:MultiFactorAuthAge',
			rng.pick(['3600', 300])
		],
		() => [
			rng.pick([
				'ForAnyValue:StringLike',
				'ForAllValues:StringLike',
				'ForAnyValue:StringEquals',
				'ForAllValues:StringNotLike'
			]),
			'aws:PrincipalOrgPaths',
			[`${scope.orgId}/${scope.rootId}/${ou}/*`]
		],
		() => [
			rng.pick(['StringEquals', 'StringLike']),
			'aws:PrincipalTag/owner',
			rng.pick(['${aws:username}', '${aws:PrincipalTag/team}-owner', "${aws:username, 'nobody'}"])
		],
		() => [rng.pick(['StringEquals', 'StringNotEquals']), 'aws:ResourceAccount', acct],
		() => ['StringEquals', 'aws:PrincipalType', rng.pick(['User', 'AssumedRole', 'Account'])],
		() => [
			rng.pick(['StringEquals', 'StringLike']),
			'aws:username',
			rng.pick(['u1', 'u*', '${aws:PrincipalTag/owner}'])
		],
		() => [
			rng.pick(['StringEquals', 'StringLike']),
			'aws:PrincipalTag/team',
			rng.pick(['r${?}d', 'r${*}', 'red${$}'])
		]
	];
	return rng.pick(choices)();
}

/** A condition block of one to three entries (sometimes two keys under one operator). */
export function randomConditionBlock(rng: Random, scope: PolicyScope): ConditionBlock {
	const block: ConditionBlock = {};
	const count = rng.int(1, rng.chance(0.3) ? 3 : 1);
	for (let i = 0; i < count; i++) {
		const [operator, key, values] = randomCondition(rng, scope);
		block[operator] = { ...(block[operator] ?? {}), [key]: values };
	}
	return block;
}

function oneOrMany<T>(rng: Random, list: T[]): T | T[] {
	return list.length === 1 && rng.chance(0.5) ? list[0] : list;
}

/** A statement's action part: Action (mostly) or NotAction. */
function actionPart(
	rng: Random,
	preferred: string[]
): Pick<PolicyStatement, 'Action' | 'NotAction'> {
	const patterns =
		rng.chance(0.6) && preferred.length
			? rng.some(preferred, 1, 2)
			: rng.some(ACTION_PATTERNS, 1, 3);
	return rng.chance(0.1)
		? { NotAction: oneOrMany(rng, patterns) }
		: { Action: oneOrMany(rng, patterns) };
}

/** A statement's resource part: Resource "*" or ARNs, sometimes NotResource. */
function resourcePart(
	rng: Random,
	scope: PolicyScope,
	preferred: string[]
): Pick<PolicyStatement, 'Resource' | 'NotResource'> {
	if (rng.chance(0.35)) return { Resource: '*' };
	const pool = preferred.length && rng.chance(0.6) ? preferred : scope.resourceArns;
	const arns = rng.some(pool, 1, 2);
	return rng.chance(0.08)
		? { NotResource: oneOrMany(rng, arns) }
		: { Resource: oneOrMany(rng, arns) };
}

/** Options for one statement. */
export interface StatementOptions {
	effect?: 'Allow' | 'Deny';
	denyChance?: number;
	conditionChance?: number;
	principal?: PrincipalElement;
	notPrincipal?: PrincipalElement;
	/** Actions/resources this policy is likely about (raises the chance it applies to requests). */
	actions?: string[];
	resources?: string[];
	sid?: string;
}

/** One random statement. */
export function randomStatement(
	rng: Random,
	scope: PolicyScope,
	o: StatementOptions = {}
): PolicyStatement {
	const effect = o.effect ?? (rng.chance(o.denyChance ?? 0.2) ? 'Deny' : 'Allow');
	const statement: PolicyStatement = { Effect: effect };
	if (o.sid) statement.Sid = o.sid;
	if (o.principal) statement.Principal = o.principal;
	if (o.notPrincipal) statement.NotPrincipal = o.notPrincipal;
	Object.assign(
		statement,
		actionPart(rng, o.actions ?? []),
		resourcePart(rng, scope, o.resources ?? [])
	);
	if (rng.chance(o.conditionChance ?? 0.35)) statement.Condition = randomConditionBlock(rng, scope);
	return statement;
}

/** A document of one to `max` statements, with Sids on some. */
export function randomDocument(
	rng: Random,
	scope: PolicyScope,
	max: number,
	o: StatementOptions = {}
): PolicyDocument {
	const statements: PolicyStatement[] = [];
	const count = rng.int(1, max);
	for (let i = 0; i < count; i++)
		statements.push(
			randomStatement(rng, scope, { ...o, sid: rng.chance(0.5) ? `S${i}` : undefined })
		);
	// A few documents use the 2008 version, where ${…} is literal text (policy variables page).
	const version = rng.chance(0.06) ? '2008-10-17' : '2012-10-17';
	return {
		Version: version,
		Statement: statements.length === 1 && rng.chance(0.3) ? statements[0] : statements
	};
}

/** A random session-policy-style Allow document over a few action patterns. */
export function allowDocument(
	actions: string[],
	resource: string | string[] = '*'
): PolicyDocument {
	return {
		Version: '2012-10-17',
		Statement: [{ Effect: 'Allow', Action: actions, Resource: resource }]
	};
}

/** Regions a Deny SCP may pin requests to. */
export const SCP_REGIONS = REGIONS.slice(0, 2);
