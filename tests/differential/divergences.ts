/**
 * The documented ways iam-simulate 0.1.173 departs from AWS's documentation (listed in
 * ../../../shared/docs/aws-semantics.md), as named rules. A disagreement is put down to a rule
 * only when (1) the rule's trigger is present in the request and (2) a counterfactual run that
 * removes exactly that trigger — on the peer's side by giving it what the docs say, or on our side
 * by taking the documented element away — makes the two evaluators agree. Anything else stays an
 * unexplained disagreement: an engine bug to fix or a new rule to document.
 */
import type { Simulation } from '@cloud-copilot/iam-simulate';
import type { PolicyDocument, PolicyStatement } from '../../src/lib/model/policy-document';
import type { EvalRequest } from '../../src/lib/engine/types';
import type { Snapshot } from '../../src/lib/model/snapshot';
import type { SnapshotIndex } from '../../src/lib/model/snapshot-index';
import type { GeneratedRequest } from './request-generator';
import { resourcePolicyOf } from './peer-input';
import { clone, simDocuments, snapshotDocuments, statements } from './policy-walk';
import { GRAMMAR_DIVERGENCES } from './divergences-grammar';

/** One disagreement as the rules see it. */
export interface Disagreement {
	index: SnapshotIndex;
	g: GeneratedRequest;
	sim: Simulation;
	/** Context keys the peer reported it ignored for this action. */
	ignoredKeys?: string[];
}

/** A named divergence of the peer from the AWS docs. */
export interface DivergenceRule {
	name: string;
	/** The AWS page that shows what AWS does. */
	doc: string;
	/** Is the documented trigger present in this request? */
	applies(d: Disagreement): boolean;
	/** Give the peer what the docs say (returns a changed copy). */
	peer?(sim: Simulation, d: Disagreement): Simulation;
	/** Take the documented element away on our side (returns a changed copy). */
	ours?(snapshot: Snapshot, d: Disagreement): Snapshot;
	/** Change the request on our side (returns a changed copy). */
	request?(request: EvalRequest, d: Disagreement): EvalRequest;
}

const isWildcard = (st: PolicyStatement) => principalValues(st, 'Principal').includes('*');
const names = (st: PolicyStatement, arn: string) => principalValues(st, 'Principal').includes(arn);
const FULL: PolicyDocument = {
	Version: '2012-10-17',
	Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }]
};
const principalValues = (st: PolicyStatement, el: 'Principal' | 'NotPrincipal'): string[] => {
	const p = st[el];
	if (!p) return [];
	if (p === '*') return ['*'];
	return Object.values(p).flatMap((v) => (Array.isArray(v) ? v : [v]));
};

const SPECIAL = /\$\{[*?$]\}/;
const isLike = (op: string) => /Like/.test(op);

function hasSpecialOutsideLike(doc: PolicyDocument): boolean {
	return statements(doc).some((st) =>
		Object.entries(st.Condition ?? {}).some(
			([op, kv]) => !isLike(op) && SPECIAL.test(JSON.stringify(kv))
		)
	);
}

const literal = (s: string) =>
	s
		.replace(/\$\{\*\}/g, '*')
		.replace(/\$\{\?\}/g, '?')
		.replace(/\$\{\$\}/g, '$');

function replaceValues(
	kv: Record<string, unknown>,
	f: (s: string) => string
): Record<string, unknown> {
	return Object.fromEntries(
		Object.entries(kv).map(([k, v]) => [
			k,
			Array.isArray(v)
				? v.map((x) => (typeof x === 'string' ? f(x) : x))
				: typeof v === 'string'
					? f(v)
					: v
		])
	);
}

/** Variables of a 2012-10-17 document that the request context cannot resolve (no value, no default). */
const VARIABLE = /\$\{([^}]+)\}/g;
const unresolvable = (name: string, context: Record<string, unknown>) => {
	if (['*', '?', '$'].includes(name) || name.includes(',')) return false;
	const key = name.trim().toLowerCase();
	return !Object.keys(context).some((k) => k.toLowerCase() === key);
};
const hasUnresolvable = (doc: PolicyDocument, context: Record<string, unknown>) =>
	doc.Version === '2012-10-17' &&
	[...JSON.stringify(doc).matchAll(VARIABLE)].some((m) => unresolvable(m[1], context));
const NULL_VALUE = '\u0000no-value\u0000';
function nullify(doc: PolicyDocument, context: Record<string, unknown>): void {
	const fix = (v: string) =>
		v.replace(VARIABLE, (whole, name: string) =>
			unresolvable(name, context) ? NULL_VALUE : whole
		);
	for (const st of statements(doc)) {
		for (const el of ['Resource', 'NotResource'] as const) {
			const v = st[el];
			if (v !== undefined) st[el] = Array.isArray(v) ? v.map(fix) : fix(v);
		}
		for (const op of Object.keys(st.Condition ?? {}))
			st.Condition![op] = replaceValues(st.Condition![op], fix) as never;
	}
}

const isEpoch = (v: unknown) => typeof v === 'string' && /^\d+$/.test(v);
const hasEpochDate = (doc: PolicyDocument) =>
	statements(doc).some((st) =>
		Object.entries(st.Condition ?? {}).some(
			([op, kv]) =>
				/^Date/.test(op.replace(/^For(All|Any)Values:/, '')) &&
				Object.values(kv).flat().some(isEpoch)
		)
	);
const isOldVersion = (doc: PolicyDocument) =>
	doc.Version !== '2012-10-17' && JSON.stringify(doc).includes('${');

/** The named divergences, in the order they are tried. */
export const DIVERGENCES: DivergenceRule[] = [
	{
		// Known divergence: the peer filters out context keys that the Service Authorization Reference
		// does not list for the action. Counterfactual: drop the same keys on our side.
		name: 'peer-drops-inapplicable-context-keys',
		doc: 'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
		applies: (d) => (d.ignoredKeys ?? []).length > 0,
		request: (request, d) => {
			const dropped = new Set((d.ignoredKeys ?? []).map((k) => k.toLowerCase()));
			return {
				...request,
				context: Object.fromEntries(
					Object.entries(request.context ?? {}).filter(([k]) => !dropped.has(k.toLowerCase()))
				)
			};
		}
	},
	{
		// An empty string is an empty data set (set-operator page: "an empty data set (for example, an
		// empty string)"), i.e. the key has no value; the peer compares the empty string. Counterfactual:
		// leave such keys out of the peer's context.
		name: 'empty-string-is-no-value',
		doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html',
		applies: (d) =>
			Object.values(d.sim.request.contextVariables).some(
				(v) => v === '' || (Array.isArray(v) && v.every((x) => x === ''))
			),
		peer: (sim) => {
			const next = clone(sim);
			const c = next.request.contextVariables;
			for (const k of Object.keys(c))
				if (c[k] === '' || (Array.isArray(c[k]) && (c[k] as string[]).every((x) => x === '')))
					delete c[k];
			return next;
		}
	},
	{
		// 0.0.0.0/0 is the CIDR block of every IPv4 address (condition operators page: IP address
		// operators take RFC 4632 CIDR blocks); the peer matches nothing with it. Counterfactual: give
		// the peer the same range as two /1 blocks.
		name: 'ipv4-zero-prefix',
		doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html',
		applies: (d) => simDocuments(d.sim).some((doc) => JSON.stringify(doc).includes('0.0.0.0/0')),
		peer: (sim) => {
			const next = clone(sim);
			for (const doc of simDocuments(next))
				for (const st of statements(doc))
					for (const op of Object.keys(st.Condition ?? {}))
						if (/IpAddress/.test(op))
							st.Condition![op] = Object.fromEntries(
								Object.entries(st.Condition![op]).map(([k, v]) => [
									k,
									[v]
										.flat()
										.flatMap((x) => (x === '0.0.0.0/0' ? ['0.0.0.0/1', '128.0.0.0/1'] : [x]))
								])
							) as never;
			return next;
		}
	},
	{
		name: 'root-user-implicit-full-access',
		doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html',
		applies: (d) => d.g.principal.kind === 'root',
		peer: (sim) => ({
			...clone(sim),
			identityPolicies: [{ name: 'root-user-full-access', policy: FULL }]
		})
	},
	{
		name: 'session-grant-in-addition-to-session-policy',
		doc: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html',
		applies: (d) =>
			d.g.principal.kind === 'session' &&
			!!d.g.request.sessionPolicy &&
			d.g.principal.account === d.g.target.account &&
			statements(resourcePolicyOf(d.index, d.g)).some(
				(st) => st.Effect === 'Allow' && (names(st, d.g.principal.arn) || isWildcard(st))
			),
		peer: (sim) => {
			const next = clone(sim);
			delete next.sessionPolicy;
			return next;
		}
	},
	{
		name: 'trust-policy-user-boundary',
		doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-trust-policy.html',
		applies: (d) =>
			d.g.request.action === 'sts:AssumeRole' &&
			d.g.principal.kind === 'user' &&
			!!d.index.principals.get(d.g.principal.arn)?.entity.permissionsBoundary &&
			statements(resourcePolicyOf(d.index, d.g)).some(
				(st) => names(st, d.g.principal.arn) || isWildcard(st)
			),
		ours: (s, d) => {
			const next = clone(s);
			for (const a of next.accounts)
				for (const u of a.users) if (u.arn === d.g.principal.arn) u.permissionsBoundary = null;
			return next;
		}
	},
	{
		// Docs are silent on Principal "*" in the principal-type table; Kehoe's empirical tests (cited in
		// aws-semantics §3.1) show it acts as a grant to the caller itself (not limited by the boundary).
		// The peer limits it like an account grant. Bare role-ARN callers are left out: that is our own
		// convention, not AWS behaviour, so it must not be explained away here.
		name: 'wildcard-principal-is-a-direct-grant',
		doc: 'https://github.com/benkehoe/permissions-boundary-test',
		applies: (d) =>
			d.g.principal.kind !== 'role' &&
			d.g.principal.account === d.g.target.account &&
			statements(resourcePolicyOf(d.index, d.g)).some(
				(st) => st.Effect === 'Allow' && isWildcard(st)
			),
		peer: (sim, d) => {
			const next = clone(sim);
			for (const st of statements(next.resourcePolicy))
				if (st.Effect === 'Allow' && isWildcard(st)) st.Principal = { AWS: d.g.principal.arn };
			return next;
		}
	},
	{
		// NotPrincipal page: the account (and for a session, the role and the session) must all be
		// listed for a principal to be spared; the peer spares any principal of a listed account or
		// role, and a user listed without its account.
		name: 'notprincipal-partial-list',
		doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html',
		applies: (d) => {
			const p = d.g.principal;
			const related = [
				p.arn,
				`arn:aws:iam::${p.account}:root`,
				p.account,
				...(p.roleArn ? [p.roleArn] : [])
			];
			return statements(resourcePolicyOf(d.index, d.g)).some(
				(st) =>
					st.Effect === 'Deny' &&
					principalValues(st, 'NotPrincipal').some((v) => related.includes(v))
			);
		},
		ours: (s, d) => {
			const next = clone(s);
			const holder = d.g.target.holder;
			for (const a of next.accounts) {
				for (const r of a.resources)
					if (r.arn === holder && r.policy)
						r.policy.Statement = statements(r.policy).filter((st) => !st.NotPrincipal);
				for (const r of a.roles)
					if (r.arn === holder && r.trustPolicy)
						r.trustPolicy.Statement = statements(r.trustPolicy).filter((st) => !st.NotPrincipal);
			}
			return next;
		}
	},
	{
		name: 'version-2008-variables-are-literal',
		doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html',
		applies: (d) => simDocuments(d.sim).some(isOldVersion),
		ours: (s) => {
			const next = clone(s);
			for (const doc of snapshotDocuments(next)) if (isOldVersion(doc)) doc.Version = '2012-10-17';
			return next;
		}
	},
	{
		name: 'special-variables-outside-stringlike',
		doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html',
		applies: (d) => simDocuments(d.sim).some(hasSpecialOutsideLike),
		peer: (sim) => {
			const next = clone(sim);
			for (const doc of simDocuments(next))
				for (const st of statements(doc))
					for (const op of Object.keys(st.Condition ?? {}))
						if (!isLike(op)) st.Condition![op] = replaceValues(st.Condition![op], literal) as never;
			return next;
		}
	},
	{
		// "Policy variables with no value": a variable whose key is absent is effectively null — there is
		// no equal or like value — so a pattern holding it matches nothing (and NotResource / negated
		// operators then match). The peer drops the whole statement instead. Counterfactual: give the
		// peer a value that nothing can equal.
		name: 'unresolved-variable-is-null',
		doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value',
		applies: (d) =>
			simDocuments(d.sim).some((doc) => hasUnresolvable(doc, d.sim.request.contextVariables)),
		peer: (sim) => {
			const next = clone(sim);
			for (const doc of simDocuments(next))
				if (doc.Version === '2012-10-17') nullify(doc, sim.request.contextVariables);
			return next;
		}
	},
	{
		// Variables page example "AllQueueActions": Resource arn:aws:sqs:us-east-2:*:${aws:username}-queue
		// names the user's own queue. The peer fails to match ARNs whose resource part holds a
		// variable for some services ("Product does not match"). Counterfactual: substitute the
		// variables for the peer from its own context.
		name: 'variable-in-resource-arn',
		doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-resourceelement',
		applies: (d) =>
			simDocuments(d.sim).some(
				(doc) =>
					doc.Version === '2012-10-17' &&
					statements(doc).some((st) =>
						/\$\{/.test(JSON.stringify(st.Resource ?? st.NotResource ?? ''))
					)
			),
		peer: (sim) => {
			const next = clone(sim);
			const ctx = sim.request.contextVariables;
			const value = (name: string) =>
				Object.entries(ctx).find(([k]) => k.toLowerCase() === name.trim().toLowerCase())?.[1];
			const fix = (v: string) =>
				v.replace(VARIABLE, (whole, name: string) => {
					const found = value(name);
					return typeof found === 'string' ? found : whole;
				});
			for (const doc of simDocuments(next)) {
				if (doc.Version !== '2012-10-17') continue;
				for (const st of statements(doc))
					for (const el of ['Resource', 'NotResource'] as const) {
						const v = st[el];
						if (v !== undefined) st[el] = Array.isArray(v) ? v.map(fix) : fix(v);
					}
			}
			return next;
		}
	},
	{
		// Evaluation-logic page example: AllowS3ListRead with Resource arn:aws:s3:::* "allows Carlos to
		// view a list of all of the buckets" (s3:ListAllMyBuckets has no resource type). The peer
		// matches the request's "*" only against Resource "*". Counterfactual: give the peer "*".
		name: 'wildcard-only-action-resource',
		doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html',
		applies: (d) => d.g.request.resource === '*',
		peer: (sim) => {
			const next = clone(sim);
			const service = sim.request.action.split(':')[0].toLowerCase();
			const mine = (r: string) => r.toLowerCase().startsWith(`arn:aws:${service}:`);
			for (const doc of simDocuments(next))
				for (const st of statements(doc))
					if (st.Resource !== undefined && [st.Resource].flat().some(mine)) st.Resource = '*';
			return next;
		}
	},
	{
		name: 'date-epoch-seconds',
		doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html',
		applies: (d) =>
			simDocuments(d.sim).some(hasEpochDate) ||
			Object.values(d.sim.request.contextVariables).some(isEpoch),
		peer: (sim) => {
			const next = clone(sim);
			const iso = (v: string) => (isEpoch(v) ? new Date(Number(v) * 1000).toISOString() : v);
			const context = next.request.contextVariables;
			for (const k of Object.keys(context))
				if (/^aws:(EpochTime|CurrentTime|TokenIssueTime)$/i.test(k))
					context[k] = replaceValues({ v: context[k] }, iso).v as string;
			for (const doc of simDocuments(next))
				for (const st of statements(doc))
					for (const op of Object.keys(st.Condition ?? {}))
						if (/^Date/.test(op))
							st.Condition![op] = replaceValues(st.Condition![op], iso) as never;
			return next;
		}
	},
	...GRAMMAR_DIVERGENCES
];
