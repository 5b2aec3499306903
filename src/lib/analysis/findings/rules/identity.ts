/**
 * Rules over identities and their policies: policies attached to users rather than groups (CIS
 * 1.15), over-broad policies (`*` on `*`, Allow with NotAction, a service-wide `svc:*` on `*` for
 * iam, sts, kms, organizations — read through the engine's compiled statements and action matcher),
 * roles unused for 90 days (RoleLastUsed), and services a principal was granted but never used or not
 * in 90 days (service last-accessed data).
 */
import { isServiceLinked } from '../../../engine/request/principal';
import { compilePolicy } from '../../../engine/policy/compile';
import { compileActions, matchAction } from '../../../engine/match/actions';
import { defaultVersion } from '../../../engine/flow/policy-sets';
import { inlinePolicyId } from '../../../model/ids';
import type { PolicyDocument, PolicyStatement } from '../../../model/policy-document';
import { statementsOf } from '../../../model/policy-document';
import type { Account } from '../../../model/snapshot';
import { daysSince } from '../context';
import type { Finding, FindingRule, FindingsContext, Severity } from '../types';
import { judgePolicy } from '../../../engine/policy/judge';
import type { CompiledPolicy } from '../../../engine/policy/compiled';
import { resolvePrincipal } from '../../../engine/request/principal';
import { NO_CONTEXT } from '../../../engine/policy/variables';
import { MAX_AGE_DAYS } from './credentials';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** The first few names, then how many more (a title stays one readable line). */
const listed = (names: string[], max = 6) =>
	names.length <= max
		? names.join(', ')
		: `${names.slice(0, max).join(', ')} and ${names.length - max} more`;

/** policy-on-user: managed or inline policies attached directly to a user (CIS 1.15). */
export const policyOnUser: FindingRule = {
	id: 'policy-on-user',
	run: (ctx) =>
		ctx.snapshot.accounts.flatMap((a) =>
			a.users
				.filter((u) => u.attachedPolicies.length > 0 || u.inlinePolicies.length > 0)
				.map((u) => ({
					rule: 'policy-on-user',
					severity: 'low' as const,
					subject: u.arn,
					title: `${u.name} has ${plural(u.attachedPolicies.length + u.inlinePolicies.length, 'policy', 'policies')} attached directly, not through a group`,
					evidence: {
						attachedPolicies: u.attachedPolicies,
						inlinePolicies: u.inlinePolicies.map((p) => p.name)
					},
					graphTarget: u.arn,
					account: a.id
				}))
		)
};

/** Services whose `svc:*` on `*` the issue counts as over-broad. */
const SENSITIVE_SERVICES: [string, Severity][] = [
	['iam', 'high'],
	['organizations', 'high'],
	['sts', 'medium'],
	['kms', 'medium']
];
// Made-up action names only a service-wide (or wider) pattern matches.
const ANY_ACTION = 'zz-iam-atlas-probe:zzprobe';
const serviceProbe = (svc: string) => `${svc}:zziamatlasprobe`;

// Any resource: only a "*" (or a pattern as wide) matches it.
const ANY_RESOURCE = 'arn:aws:zz-iam-atlas-probe:zz-probe-1:000000000000:zz-probe';

/** Does an unconditional Deny of the same document take the probe action back? Asked of the engine's judge. */
function cancelled(ctx: FindingsContext, policy: CompiledPolicy, action: string): boolean {
	const judged = judgePolicy(policy, {
		actionLower: action,
		resource: ANY_RESOURCE,
		principal: resolvePrincipal(ctx.index, '*'),
		hasBoundary: false,
		ctx: NO_CONTEXT,
		trace: false
	});
	return judged.denies.some((h) => h.statement.conditions.length === 0);
}

const asList = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const PROBES = ['zz-iam-atlas-probe:zzprobe', ...SENSITIVE_SERVICES.map(([s]) => serviceProbe(s))];

/**
 * What is over-broad in one document: one entry per offending statement. Only Allow statements with
 * NotAction, or whose Resource is exactly "*" (what the compiler reads as any resource), have their
 * actions compiled; the whole document is compiled only to ask whether a Deny takes a grant back.
 */
function broadStatements(ctx: FindingsContext, doc: PolicyDocument, id: string) {
	const out: { statement: PolicyStatement; why: string; severity: Severity }[] = [];
	let compiled: CompiledPolicy | null = null;
	const takenBack = (action: string) =>
		cancelled(
			ctx,
			(compiled ??= compilePolicy(
				doc,
				{ id, label: id, name: id, type: 'identity', attachedTo: id },
				ctx.index
			)),
			action
		);
	for (const statement of statementsOf(doc)) {
		if (statement?.Effect !== 'Allow') continue;
		if (statement.NotAction !== undefined) {
			const excluded = compileActions(asList(statement.NotAction).map(String));
			const probe = PROBES.find((a) => !matchAction(excluded, a));
			if (probe && !takenBack(probe))
				out.push({
					statement,
					why: 'every action but those listed (Allow with NotAction)',
					severity: 'medium'
				});
			continue;
		}
		if (!asList(statement.Resource).some((r) => r === '*')) continue;
		const actions = compileActions(asList(statement.Action).map(String));
		if (matchAction(actions, ANY_ACTION)) {
			if (!takenBack(ANY_ACTION)) out.push({ statement, why: '"*" on "*"', severity: 'high' });
		} else
			for (const [svc, severity] of SENSITIVE_SERVICES)
				if (matchAction(actions, serviceProbe(svc))) {
					if (!takenBack(serviceProbe(svc)))
						out.push({ statement, why: `"${svc}:*" on "*"`, severity });
					break;
				}
	}
	return out;
}

const RANK: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** wildcard-policy: a customer-managed or inline policy that allows too much (AWS-managed ones are judged where attached). */
export const wildcardPolicy: FindingRule = {
	id: 'wildcard-policy',
	run: (ctx) => {
		const out: Finding[] = [];
		const check = (a: Account, id: string, name: string, doc: PolicyDocument | undefined) => {
			if (!doc) return;
			const broad = broadStatements(ctx, doc, id);
			if (broad.length === 0) return;
			const severity = broad
				.map((b) => b.severity)
				.sort((x, y) => RANK.indexOf(x) - RANK.indexOf(y))[0];
			out.push({
				rule: 'wildcard-policy',
				severity,
				subject: id,
				title: `${name} allows ${[...new Set(broad.map((b) => b.why))].join(', ')}`,
				evidence: { statements: broad.map((b) => ({ why: b.why, statement: b.statement })) },
				graphTarget: id,
				account: a.id
			});
		};
		for (const a of ctx.snapshot.accounts) {
			for (const p of a.policies)
				if (!p.awsManaged) check(a, p.arn, p.name, defaultVersion(p)?.document);
			for (const e of [...a.users, ...a.groups, ...a.roles])
				for (const ip of e.inlinePolicies)
					check(
						a,
						inlinePolicyId(e.arn, ip.name),
						`${e.name}'s inline policy ${ip.name}`,
						ip.document
					);
		}
		return out;
	}
};

/** unused-role: RoleLastUsed older than 90 days, or never (service-linked roles are AWS's to manage). */
export const unusedRole: FindingRule = {
	id: 'unused-role',
	run: (ctx) =>
		ctx.snapshot.accounts.flatMap((a) => {
			const now = ctx.now(a);
			return a.roles.flatMap((r): Finding[] => {
				if (r.lastUsed === null || isServiceLinked(r.arn)) return [];
				const daysUnused = daysSince(r.lastUsed.date, now);
				if (daysUnused !== null && daysUnused <= MAX_AGE_DAYS) return [];
				const age = daysSince(r.createDate, now);
				const young = daysUnused === null && age !== null && age < MAX_AGE_DAYS;
				return [
					{
						rule: 'unused-role',
						severity: young ? 'info' : 'low',
						subject: r.arn,
						title:
							daysUnused === null
								? `${r.name} has never been used${age !== null ? ` (created ${age} days before capture)` : ''}`
								: `${r.name} was last used ${daysUnused} days before capture`,
						evidence: { roleLastUsed: r.lastUsed, createDate: r.createDate },
						graphTarget: r.arn,
						account: a.id
					}
				];
			});
		})
};

/** service-unused: services in a principal's last-accessed data never used or not in 90 days. */
export const serviceUnused: FindingRule = {
	id: 'service-unused',
	run: (ctx) =>
		ctx.snapshot.accounts.flatMap((a) => {
			const now = ctx.now(a);
			return (a.evidence.serviceLastAccessed ?? []).flatMap((entry): Finding[] => {
				const unused = entry.services
					.map((s) => ({ ...s, daysUnused: daysSince(s.lastAuthenticated, now) }))
					.filter((s) => s.daysUnused === null || s.daysUnused > MAX_AGE_DAYS);
				if (unused.length === 0) return [];
				const known = ctx.index.principals.has(entry.arn) || ctx.index.groups.has(entry.arn);
				return [
					{
						rule: 'service-unused',
						severity: 'low',
						subject: entry.arn,
						title: `${entry.arn.split('/').at(-1)} is allowed ${plural(unused.length, 'service', 'services')} it did not use in ${MAX_AGE_DAYS} days: ${listed(unused.map((s) => s.namespace))}`,
						evidence: { jobId: entry.jobId, unused },
						graphTarget: known ? entry.arn : null,
						account: a.id
					}
				];
			});
		})
};

/** Every identity rule. */
export const IDENTITY_RULES: FindingRule[] = [
	policyOnUser,
	wildcardPolicy,
	unusedRole,
	serviceUnused
];
