/**
 * What a resource-based policy (or a role's trust policy) grants beyond the organization. "To
 * anyone" is asked of the evaluator: for each Allow statement naming `*`, an anonymous caller with
 * an outsider's request context (TLS, a public IP, no org, account, VPC or source keys) tries the
 * statement's actions on the resource; only what the evaluator allows counts, so a condition on
 * `aws:SourceOwner`, `aws:SourceArn`, `aws:PrincipalOrgID`, a VPC or an IP range narrows the grant,
 * and a Deny or an RCP takes it back. "To an account outside" reads the Allow statements' Principal
 * element as the engine does (normalisePrincipalId): a structural question, not a decision.
 */
import { compilePolicy, normalisePrincipalId, ready } from '../../../engine/policy/compile';
import type { ContextValue } from '../../../engine/types';
import { accountOfArn } from '../../../model/ids';
import type { PolicyDocument, PolicyStatement } from '../../../model/policy-document';
import { statementsOf } from '../../../model/policy-document';
import type { FindingsContext } from '../types';

/** The request context of a caller from the internet, outside every organization. */
export const OUTSIDER_CONTEXT: Record<string, ContextValue> = {
	'aws:SecureTransport': true,
	'aws:SourceIp': '203.0.113.7',
	'aws:ViaAWSService': false,
	'aws:PrincipalIsAWSService': false
};

/** A concrete name for an action pattern (`s3:Get*` → `s3:GetZzProbe`; `*` → `<service>:ZzProbe`). */
const actionProbe = (pattern: string, service: string) =>
	(pattern === '*' ? `${service}:*` : pattern).replace(/\*/g, 'ZzProbe').replace(/\?/g, 'Z');

/** A concrete resource for a Resource pattern that stays within `arn` (a bucket's objects, …). */
function resourceProbe(patterns: string[] | undefined, arn: string): string {
	for (const p of patterns ?? []) {
		const concrete = p.replace(/\*/g, 'zz-probe').replace(/\?/g, 'z');
		if (concrete === arn || concrete.startsWith(arn + '/')) return concrete;
	}
	return arn;
}

const list = (v: unknown): string[] =>
	v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)];

/** A statement the evaluator lets anyone use, with the request that showed it. */
export interface PublicGrant {
	statement: PolicyStatement;
	action: string;
	resource: string;
}

/** The AWS principals a Principal element names, as written (`"*"` for the bare wildcard). */
function awsNames(p: PolicyStatement['Principal']): string[] {
	if (p === undefined) return [];
	if (p === '*') return ['*'];
	return Object.entries(p).flatMap(([k, v]) => (k.toLowerCase() === 'aws' ? list(v) : []));
}
const allowsNaming = (doc: PolicyDocument, test: (name: string) => boolean) =>
	statementsOf(doc).some((s) => s?.Effect === 'Allow' && awsNames(s.Principal).some(test));

/** The Allow statements naming `*` that an outsider can actually use on `arn`. */
export function publicGrants(
	ctx: FindingsContext,
	doc: PolicyDocument,
	arn: string,
	service: string,
	resourceAccount?: string
): PublicGrant[] {
	// only documents naming "*" can grant to anyone: the rest need no compiling
	if (!allowsNaming(doc, (n) => n === '*')) return [];
	const compiled = compilePolicy(
		doc,
		{
			id: arn,
			label: arn,
			name: arn,
			type: 'resource',
			attachedTo: arn
		},
		ctx.index
	);
	const raw = statementsOf(doc);
	const out: PublicGrant[] = [];
	for (const st of compiled.statements) {
		if (st.effect !== 'Allow') continue;
		ready(st);
		if (!st.principal || st.notPrincipal || !st.principal.wildcard) continue;
		const statement = raw[st.index];
		const resource = resourceProbe(
			statement.Resource === undefined ? undefined : list(statement.Resource),
			arn
		);
		const actions = st.notAction
			? [`${service}:ZzProbe`]
			: list(statement.Action).map((p) => actionProbe(p, service));
		for (const action of actions) {
			const result = ctx.evaluator.evaluate(
				{ principal: '*', action, resource, resourceAccount, context: OUTSIDER_CONTEXT },
				{ trace: false }
			);
			if (result.decision === 'allowed') {
				out.push({ statement, action, resource });
				break;
			}
		}
	}
	return out;
}

/** An Allow statement naming principals of accounts outside the organization. */
export interface OutsideGrant {
	statement: PolicyStatement;
	accounts: string[];
	principals: string[];
}
const outsideCache = new WeakMap<FindingsContext, WeakMap<PolicyDocument, OutsideGrant[]>>();

/** Allow statements naming AWS accounts (or their users and roles) outside the organization (memoised per run). */
export function outsideGrants(ctx: FindingsContext, doc: PolicyDocument): OutsideGrant[] {
	let cache = outsideCache.get(ctx);
	if (!cache) outsideCache.set(ctx, (cache = new WeakMap()));
	let found = cache.get(doc);
	if (!found) cache.set(doc, (found = computeOutsideGrants(ctx, doc)));
	return found;
}

function computeOutsideGrants(ctx: FindingsContext, doc: PolicyDocument): OutsideGrant[] {
	const out: OutsideGrant[] = [];
	for (const statement of statementsOf(doc)) {
		if (statement?.Effect !== 'Allow') continue;
		// the engine's reading of a Principal entry: a bare account id is that account's root
		const principals = awsNames(statement.Principal)
			.filter((n) => n !== '*')
			.map(normalisePrincipalId)
			.filter((p) => {
				const account = accountOfArn(p);
				return account !== null && !ctx.inside.has(account);
			});
		if (principals.length === 0) continue;
		out.push({
			statement,
			accounts: [...new Set(principals.map((p) => accountOfArn(p)!))].sort(),
			principals
		});
	}
	return out;
}

/** True when a statement's Condition tests `sts:ExternalId` (any operator). */
export const hasExternalId = (s: PolicyStatement): boolean =>
	Object.values(s.Condition ?? {}).some((keys) =>
		Object.keys(keys).some((k) => k.toLowerCase() === 'sts:externalid')
	);
