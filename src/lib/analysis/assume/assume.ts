/**
 * Role assumption: for every role of a snapshot, who can assume it — users and roles of the
 * snapshot (a role assuming a role is chaining), principals of accounts outside it, service
 * principals, SAML/OIDC federated principals and anyone — each decided by the evaluator for
 * `sts:AssumeRole*` exactly as `eval` decides it (trust policy and the caller's identity
 * policies, boundary, SCPs, RCPs, conditions), with the caller-controlled keys of ../ask.
 *
 * The trust policy's Principal element is read only to choose whom to ask (the accounts, services
 * and providers it names; everyone when it names `*`): the evaluator decides every edge.
 * Principals outside the snapshot are asked as a stand-in of their account; their own identity
 * policies are unknown, so such an edge holds when the role's side (trust, RCPs) allows.
 *
 * API (pure, synchronous): `assumeGraph(ask, snapshot, { progress })` → AssumeGraph;
 * `assumersOf(ask, snapshot, roleArn)` for one role; `roleChains(graph, from)` shortest first.
 */
import { accountOfArn, isAccountId } from '../../model/ids';
import type { PolicyDocument } from '../../model/policy-document';
import type { Role, Snapshot } from '../../model/snapshot';
import type { ContextValue, Reason } from '../../engine/types';
import type { Ask } from '../ask/ask';

/** Who an assumer is. */
export type AssumerKind = 'user' | 'role' | 'external' | 'service' | 'federated' | 'anyone';

/** One "can assume" edge. */
export interface AssumeEdge {
	/** The caller: a user/role ARN, an external principal ARN, a service or provider, or `*`. */
	from: string;
	/** The role ARN. */
	to: string;
	kind: AssumerKind;
	/** sts:AssumeRole, sts:AssumeRoleWithSAML or sts:AssumeRoleWithWebIdentity. */
	action: string;
	/** Caller and role in different accounts. */
	crossAccount: boolean;
	/** Keys the caller must send (ExternalId, tags, …) or the provider must assert (federated). */
	sent: Record<string, ContextValue>;
	/** The evaluator's allowing reasons (trust statement, identity statement, …). */
	reasons: Reason[];
	/** Said when the caller's own policies are outside the snapshot. */
	note?: string;
}

/** Every assume edge of a snapshot. */
export interface AssumeGraph {
	edges: AssumeEdge[];
	/** Edges by caller ARN. */
	from: Map<string, AssumeEdge[]>;
	/** Edges by role ARN. */
	to: Map<string, AssumeEdge[]>;
}

/** Options of a whole-snapshot run. */
export interface AssumeOptions {
	/** Called with (done, total) roles now and then. */
	progress?: (done: number, total: number) => void;
}

const EXTERNAL_CALLER = 'iam-atlas-external-caller';

interface TrustNames {
	anyone: boolean;
	accounts: Set<string>;
	arns: Set<string>;
	services: Set<string>;
	federated: Set<string>;
}

const list = (v: unknown): string[] =>
	Array.isArray(v) ? v.map(String) : v === undefined || v === null ? [] : [String(v)];

/** Whom a trust policy names (to choose whom to ask; never to decide). */
function trustNames(doc: PolicyDocument | null): TrustNames {
	const n: TrustNames = {
		anyone: false,
		accounts: new Set(),
		arns: new Set(),
		services: new Set(),
		federated: new Set()
	};
	if (!doc) return n;
	const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
	for (const st of statements) {
		if (!st || st.Effect !== 'Allow') continue;
		if ('NotPrincipal' in st && st.NotPrincipal !== undefined) n.anyone = true;
		const p = st.Principal as unknown;
		if (p === '*') n.anyone = true;
		if (!p || typeof p !== 'object') continue;
		const o = p as Record<string, unknown>;
		for (const a of list(o.AWS)) {
			if (a === '*') n.anyone = true;
			else if (isAccountId(a)) n.accounts.add(a);
			else {
				const acct = accountOfArn(a);
				if (acct && /:root$/.test(a)) n.accounts.add(acct);
				else if (acct) n.arns.add(a);
				if (a.includes('*')) n.anyone = true;
			}
		}
		for (const s of list(o.Service)) n.services.add(s);
		for (const f of list(o.Federated)) n.federated.add(f);
	}
	return n;
}

/** The assume action a federated provider uses. */
const federatedAction = (provider: string) =>
	/:saml-provider\//.test(provider) ? 'sts:AssumeRoleWithSAML' : 'sts:AssumeRoleWithWebIdentity';

/** Principals of the snapshot, per account (built once per snapshot). */
const byAccountCache = new WeakMap<Snapshot, Map<string, string[]>>();
function principalsByAccount(snapshot: Snapshot): Map<string, string[]> {
	let m = byAccountCache.get(snapshot);
	if (!m) {
		m = new Map();
		for (const a of snapshot.accounts)
			m.set(a.id, [...a.users.map((u) => u.arn), ...a.roles.map((r) => r.arn)]);
		byAccountCache.set(snapshot, m);
	}
	return m;
}

/** Who can assume one role. */
export function assumersOf(ask: Ask, snapshot: Snapshot, role: Role): AssumeEdge[] {
	const names = trustNames(role.trustPolicy);
	const roleAccount = accountOfArn(role.arn);
	const accounts = principalsByAccount(snapshot);
	const out: AssumeEdge[] = [];
	const ev = ask.evaluator;
	const callers = new Set<string>();
	const askAccounts = names.anyone ? [...accounts.keys()] : [...names.accounts];
	for (const a of askAccounts) for (const p of accounts.get(a) ?? []) callers.add(p);
	for (const arn of names.arns) if (accounts.has(accountOfArn(arn) ?? '')) callers.add(arn);
	callers.delete(role.arn);
	for (const caller of callers) {
		const known = /^arn:[^:]+:iam::\d{12}:(user|role)\//.exec(caller);
		if (!known) continue;
		// the caller needs an identity Allow for sts:AssumeRole on this role (its Resource matching
		// the role's ARN) unless the trust names it directly
		const named = names.arns.has(caller);
		if (
			!named &&
			!ev.identityStatements(caller, 'sts:AssumeRole', role.arn).some((s) => s.effect === 'Allow')
		)
			continue;
		const a = ask.decide({ principal: caller, action: 'sts:AssumeRole', resource: role.arn });
		if (!a.allowed) continue;
		out.push({
			from: caller,
			to: role.arn,
			kind: known[1] as 'user' | 'role',
			action: 'sts:AssumeRole',
			crossAccount: accountOfArn(caller) !== roleAccount,
			sent: a.sent,
			reasons: a.reasons
		});
	}
	// principals outside the snapshot: the role's side must allow a stand-in of their account
	const outside = new Set<string>();
	for (const a of names.accounts) if (!accounts.has(a)) outside.add(a);
	for (const arn of names.arns) if (!accounts.has(accountOfArn(arn) ?? '')) outside.add(arn);
	if (names.anyone) outside.add('*');
	for (const who of outside) {
		const standIn =
			who === '*'
				? `arn:aws:iam::000000000000:role/${EXTERNAL_CALLER}`
				: isAccountId(who)
					? `arn:aws:iam::${who}:role/${EXTERNAL_CALLER}`
					: who;
		const edge = roleSideEdge(ask, standIn, role, 'sts:AssumeRole');
		if (edge)
			out.push({
				...edge,
				from: who === '*' ? '*' : isAccountId(who) ? `arn:aws:iam::${who}:root` : who,
				kind: who === '*' ? 'anyone' : 'external',
				crossAccount: true,
				note: 'the caller is outside the snapshot: its own account must also allow sts:AssumeRole'
			});
	}
	for (const service of names.services) {
		const a = ask.decide({ principal: service, action: 'sts:AssumeRole', resource: role.arn });
		if (a.allowed)
			out.push({
				from: service,
				to: role.arn,
				kind: 'service',
				action: 'sts:AssumeRole',
				crossAccount: false,
				sent: a.sent,
				reasons: a.reasons
			});
	}
	for (const provider of names.federated) {
		const edge = roleSideEdge(ask, provider, role, federatedAction(provider), true);
		if (edge) out.push({ ...edge, kind: 'federated', crossAccount: false });
	}
	return out;
}

/**
 * An edge decided on the role's side only (trust and RCPs: the caller's policies are not in the
 * snapshot): the evaluator's trace says whether the trust layer allows and nothing denies there.
 * With `assert`, the condition keys the trust names are taken as asserted by the provider.
 */
function roleSideEdge(
	ask: Ask,
	caller: string,
	role: Role,
	action: string,
	assert = false
): Omit<AssumeEdge, 'kind' | 'crossAccount'> | null {
	let a = ask.decide({ principal: caller, action, resource: role.arn });
	let t = ask.explain(a.request);
	let sent = a.sent;
	if (assert && !trustAllows(t)) {
		// the identity provider asserts its claims (aud, sub, SAML:aud …): take the trust's values
		const claims: Record<string, ContextValue> = {};
		for (const l of t.layers)
			if (l.layer === 'resource')
				for (const p of l.policies)
					for (const s of p.statements)
						for (const c of s.conditions)
							if (!/^aws:/i.test(c.key) && c.values.length)
								claims[c.key] = c.values[0].replace(/[*?]/g, 'x');
		if (Object.keys(claims).length) {
			a = ask.decide({ principal: caller, action, resource: role.arn, context: claims });
			t = ask.explain(a.request);
			sent = { ...claims, ...a.sent };
		}
	}
	if (!trustAllows(t)) return null;
	return {
		from: caller,
		to: role.arn,
		action,
		sent,
		reasons: t.reasons.filter((r) => r.policyType === 'resource')
	};
}

function trustAllows(t: ReturnType<Ask['explain']>): boolean {
	const layer = (n: string) => t.layers.find((l) => l.layer === n)?.verdict;
	return layer('resource') === 'allow' && layer('rcp') !== 'deny';
}

/** Every assume edge of a snapshot. */
export function assumeGraph(
	ask: Ask,
	snapshot: Snapshot,
	options: AssumeOptions = {}
): AssumeGraph {
	const roles = snapshot.accounts.flatMap((a) => a.roles);
	const edges: AssumeEdge[] = [];
	roles.forEach((role, i) => {
		edges.push(...assumersOf(ask, snapshot, role));
		if (options.progress && i % 200 === 0) options.progress(i, roles.length);
	});
	options.progress?.(roles.length, roles.length);
	const from = new Map<string, AssumeEdge[]>();
	const to = new Map<string, AssumeEdge[]>();
	for (const e of edges) {
		(from.get(e.from) ?? from.set(e.from, []).get(e.from)!).push(e);
		(to.get(e.to) ?? to.set(e.to, []).get(e.to)!).push(e);
	}
	return { edges, from, to };
}

/** The role chains from a principal, shortest first (breadth-first; each role once, so cycles end). */
export function roleChains(graph: AssumeGraph, start: string, maxDepth = 8): AssumeEdge[][] {
	const out: AssumeEdge[][] = [];
	const seen = new Set([start]);
	let frontier: AssumeEdge[][] = [[]];
	for (let depth = 0; depth < maxDepth && frontier.length; depth++) {
		const next: AssumeEdge[][] = [];
		for (const path of frontier) {
			const at = path.length ? path[path.length - 1].to : start;
			for (const e of graph.from.get(at) ?? []) {
				if (seen.has(e.to)) continue;
				seen.add(e.to);
				const p = [...path, e];
				out.push(p);
				next.push(p);
			}
		}
		frontier = next;
	}
	return out;
}
