/**
 * The access part of the diff: principals whose administrator/escalation status changed (the
 * escalation analysis), roles whose set of possible assumers changed (its assume graph), and
 * resources whose "who can" changed for their sensitive actions (Write and Permissions management
 * in the action catalog) — each explained by the structural changes that touch it.
 *
 * Who-can is asked only where the structural diff can have changed it: resources in an account
 * that changed (its IAM data, its place in the organization, an SCP/RCP over it) and resources
 * whose policy names a changed account or anyone; and of the principals, those of the resource's
 * account and those its resource policy names (another account's principal needs the resource
 * policy to let it in, see aws-semantics.md "cross-account").
 */
import type { ActionCatalog } from '../../engine/catalog';
import { createEvaluator, type Evaluator } from '../../engine/evaluate';
import type { Role, Snapshot } from '../../model/snapshot';
import type { Ask } from '../ask/ask';
import { assumersOf } from '../assume/assume';
import { createEscalation, type EscalationStatus } from '../escalation/escalation';
import type { Change } from './structural';

/** Options of the access diff. */
export interface AccessDiffOptions {
	/** "Now" for the analyses (ISO 8601); one value for both snapshots. */
	now?: string;
	/** The action catalog (for the resources' sensitive actions); without it no who-can part. */
	catalog?: ActionCatalog | null;
}

const SENSITIVE = ['Write', 'Permissions management'] as const;

const accountOfArn = (arn: string) => /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(arn)?.[1] ?? null;

/** Ancestors (the account's parent chain, root included) of every account of a snapshot. */
function ancestors(s: Snapshot): Map<string, string[]> {
	const parent = new Map((s.organization?.units ?? []).map((u) => [u.id, u.parentId]));
	const out = new Map<string, string[]>();
	for (const a of s.organization?.accounts ?? []) {
		const chain: string[] = [];
		for (let p = a.parentId; p && chain.length < 50; p = parent.get(p) ?? null) chain.push(p);
		out.set(a.id, chain);
	}
	return out;
}

/** Index of the structural changes by every id they name (subject and object). */
function indexChanges(changes: Change[]) {
	const by = new Map<string, Change[]>();
	for (const c of changes)
		for (const k of [c.subject, c.object]) if (k) (by.get(k) ?? by.set(k, []).get(k)!).push(c);
	return by;
}

/** The context of both snapshots needed to explain a change. */
class Explainer {
	readonly by: Map<string, Change[]>;
	readonly ancestorsA: Map<string, string[]>;
	readonly ancestorsB: Map<string, string[]>;
	/** Principal ARN → ARNs of its groups, attached policies and boundary (both snapshots). */
	readonly related = new Map<string, Set<string>>();
	/** Org target → SCP/RCP ids attached to it (both snapshots). */
	readonly orgPolicies = new Map<string, Set<string>>();

	constructor(
		readonly changes: Change[],
		a: Snapshot,
		b: Snapshot
	) {
		this.by = indexChanges(changes);
		this.ancestorsA = ancestors(a);
		this.ancestorsB = ancestors(b);
		for (const s of [a, b]) {
			for (const p of s.organization?.policies ?? [])
				for (const t of p.targets)
					(this.orgPolicies.get(t) ?? this.orgPolicies.set(t, new Set()).get(t)!).add(p.id);
			for (const acc of s.accounts) {
				const groups = new Map(acc.groups.map((g) => [g.name, g]));
				const add = (arn: string, keys: Iterable<string>) => {
					const set = this.related.get(arn) ?? this.related.set(arn, new Set()).get(arn)!;
					for (const k of keys) set.add(k);
				};
				for (const g of acc.groups) add(g.arn, g.attachedPolicies);
				for (const u of acc.users) {
					add(u.arn, u.attachedPolicies);
					if (u.permissionsBoundary) add(u.arn, [u.permissionsBoundary]);
					for (const name of u.groups) {
						const g = groups.get(name);
						if (g) add(u.arn, [g.arn, ...g.attachedPolicies]);
					}
				}
				for (const r of acc.roles) {
					add(r.arn, r.attachedPolicies);
					if (r.permissionsBoundary) add(r.arn, [r.permissionsBoundary]);
				}
			}
		}
	}

	/** Ids whose changes can explain a change of what `arn` (principal or resource) may do. */
	keysOf(arn: string): string[] {
		const keys = [arn, ...(this.related.get(arn) ?? [])];
		const account = accountOfArn(arn);
		if (account) {
			const chain = [
				account,
				...(this.ancestorsA.get(account) ?? []),
				...(this.ancestorsB.get(account) ?? [])
			];
			keys.push(...chain);
			for (const t of chain) keys.push(...(this.orgPolicies.get(t) ?? []));
		}
		return keys;
	}

	/** The changes, in words, behind a change of what the given ARNs may do. */
	explain(arns: string[]): string[] {
		const seen = new Set<Change>();
		for (const arn of arns)
			for (const k of this.keysOf(arn)) for (const c of this.by.get(k) ?? []) seen.add(c);
		const out = [...seen].map((c) =>
			c.detail.startsWith(c.subject)
				? c.detail
				: `${c.kind} ${c.change}: ${c.subject}${c.object ? ` (${c.object})` : ''}: ${c.detail}`
		);
		return out.length
			? out
			: [
					`no change of its own; ${this.changes.length} change(s) elsewhere in the organization (e.g. a role it can assume)`
				];
	}

	/** Accounts whose permissions can differ: named by a change, or under a changed org node. */
	touchedAccounts(a: Snapshot, b: Snapshot): Set<string> {
		const out = new Set<string>();
		const orgIds = new Set<string>();
		for (const c of this.changes) {
			for (const k of [c.subject, c.object]) {
				if (!k) continue;
				if (/^\d{12}$/.test(k)) out.add(k);
				else if (/^(r-|ou-)/.test(k)) orgIds.add(k);
				else {
					const acc = accountOfArn(k);
					if (acc) out.add(acc);
				}
			}
			if (
				c.kind === 'scp' ||
				c.kind === 'rcp' ||
				c.kind === 'targets' ||
				(c.kind === 'document' && c.subject.startsWith('p-'))
			)
				for (const [t, ids] of this.orgPolicies) if (ids.has(c.subject)) orgIds.add(t);
		}
		for (const s of [a, b])
			for (const acc of s.organization?.accounts ?? [])
				if (
					orgIds.has(acc.id) ||
					[...(this.ancestorsA.get(acc.id) ?? []), ...(this.ancestorsB.get(acc.id) ?? [])].some(
						(p) => orgIds.has(p)
					)
				)
					out.add(acc.id);
		return out;
	}
}

const sorted = (s: Iterable<string>) => [...s].sort();
const sameSet = (a: string[], b: string[]) =>
	a.length === b.length && a.every((x, i) => x === b[i]);

/** Statuses of every user and role. */
/**
 * The statuses of the principals whose status the changes can have changed: those of the touched
 * accounts, and those of the accounts the touched accounts' roles trust (a role assumable across
 * accounts is an escalation step). Limit: a longer chain through untouched accounts into a
 * touched one is not re-examined.
 */
function statuses(s: Snapshot, ev: Evaluator, now: string, scope: Set<string>) {
	const esc = createEscalation(s, { now, evaluator: ev });
	const status = new Map<string, EscalationStatus>();
	for (const acc of s.accounts)
		if (scope.has(acc.id))
			for (const p of [...acc.users, ...acc.roles])
				status.set(p.arn, esc.forPrincipal(p.arn).status);
	return { status, esc };
}

/** Roles whose assumers the changes can have changed: in a touched account, or trusting one (or anyone). */
function rolesInScope(s: Snapshot, touched: Set<string>) {
	const out: { role: Role; account: string }[] = [];
	for (const acc of s.accounts)
		for (const role of acc.roles) {
			const text = role.trustPolicy ? JSON.stringify(role.trustPolicy) : '';
			if (touched.has(acc.id) || /"\*"/.test(text) || [...touched].some((t) => text.includes(t)))
				out.push({ role, account: acc.id });
		}
	return out;
}

/** The access changes between two snapshots, explained by the structural changes given. */
export function accessDiff(
	a: Snapshot,
	b: Snapshot,
	changes: Change[],
	options: AccessDiffOptions = {}
): Change[] {
	if (!changes.length) return [];
	const now = options.now ?? new Date().toISOString();
	const x = new Explainer(changes, a, b);
	const evA = createEvaluator(a);
	const evB = createEvaluator(b);
	const out: Change[] = [];

	const touched = x.touchedAccounts(a, b);
	const scope = new Set(touched);
	for (const s of [a, b])
		for (const acc of s.accounts)
			if (touched.has(acc.id))
				for (const role of acc.roles) {
					const text = role.trustPolicy ? JSON.stringify(role.trustPolicy) : '';
					for (const m of text.matchAll(/(?<!\d)\d{12}(?!\d)/g)) scope.add(m[0]);
				}
	const sa = statuses(a, evA, now, scope);
	const sb = statuses(b, evB, now, scope);
	for (const p of sorted(new Set([...sa.status.keys(), ...sb.status.keys()]))) {
		const before: EscalationStatus = sa.status.get(p) ?? 'none';
		const after: EscalationStatus = sb.status.get(p) ?? 'none';
		if (before === after) continue;
		out.push({
			kind: 'access',
			change: 'modified',
			subject: p,
			detail: `escalation status ${before} → ${after}`,
			before,
			after,
			causes: x.explain([p])
		});
	}

	const assumers = (s: Snapshot, ask: Ask) =>
		new Map(
			rolesInScope(s, touched).map(({ role }) => [
				role.arn,
				sorted(new Set(assumersOf(ask, s, role).map((e) => e.from)))
			])
		);
	const ga = assumers(a, sa.esc.ask);
	const gb = assumers(b, sb.esc.ask);
	for (const role of sorted(new Set([...ga.keys(), ...gb.keys()]))) {
		const before = ga.get(role) ?? [];
		const after = gb.get(role) ?? [];
		if (sameSet(before, after)) continue;
		const gained = after.filter((p) => !before.includes(p));
		const lost = before.filter((p) => !after.includes(p));
		out.push({
			kind: 'access',
			change: 'modified',
			subject: role,
			action: 'sts:AssumeRole',
			detail: `who can assume it: ${gained.length} gained (${gained.slice(0, 5).join(', ')}), ${lost.length} lost (${lost.slice(0, 5).join(', ')})`,
			before,
			after,
			causes: x.explain([role, ...gained, ...lost])
		});
	}

	if (options.catalog) out.push(...whoCanDiff(a, b, evA, evB, x, touched, options.catalog));
	return out;
}

/** Principals that may act on a resource: its account's, and those its policy names. */
function candidates(
	s: Snapshot,
	ev: Evaluator,
	arn: string,
	account: string,
	policyText: string
): string[] {
	const all = ev.principals();
	if (/"\*"/.test(policyText)) return all;
	return all.filter((p) => {
		const acc = accountOfArn(p);
		return acc === account || (acc !== null && policyText.includes(acc)) || policyText.includes(p);
	});
}

function whoCanDiff(
	a: Snapshot,
	b: Snapshot,
	evA: Evaluator,
	evB: Evaluator,
	x: Explainer,
	touched: Set<string>,
	catalog: ActionCatalog
): Change[] {
	const resA = new Map(a.accounts.flatMap((acc) => acc.resources.map((r) => [r.arn, r] as const)));
	const resB = new Map(b.accounts.flatMap((acc) => acc.resources.map((r) => [r.arn, r] as const)));
	const out: Change[] = [];
	for (const arn of sorted(new Set([...resA.keys(), ...resB.keys()]))) {
		const ra = resA.get(arn);
		const rb = resB.get(arn);
		if (!ra || !rb) continue; // added / removed resources are structural changes already
		const textA = ra.policy ? JSON.stringify(ra.policy) : '';
		const textB = rb.policy ? JSON.stringify(rb.policy) : '';
		const policyTouched =
			textA !== textB ||
			/"\*"/.test(textA + textB) ||
			[...touched].some((t) => (textA + textB).includes(t));
		if (!touched.has(rb.accountId) && !policyTouched) continue;
		const levels = catalog.actionsForResource(arn)?.levels;
		if (!levels) continue;
		const actions = SENSITIVE.flatMap((l) => levels[l]);
		const ca = candidates(a, evA, arn, ra.accountId, textA);
		const cb = candidates(b, evB, arn, rb.accountId, textB);
		for (const action of actions) {
			const allowed = (ev: Evaluator, ps: string[]) =>
				ps.filter(
					(principal) =>
						ev.evaluate({ principal, action, resource: arn }, { trace: false, summary: false })
							.decision === 'allowed'
				);
			const before = allowed(evA, ca);
			const after = allowed(evB, cb);
			if (sameSet(before, after)) continue;
			const gained = after.filter((p) => !before.includes(p));
			const lost = before.filter((p) => !after.includes(p));
			out.push({
				kind: 'access',
				change: 'modified',
				subject: arn,
				action,
				detail: `who can ${action}: ${gained.length} gained (${gained.slice(0, 5).join(', ')}), ${lost.length} lost (${lost.slice(0, 5).join(', ')})`,
				before,
				after,
				causes: x.explain([arn, ...gained, ...lost])
			});
		}
	}
	return out;
}
