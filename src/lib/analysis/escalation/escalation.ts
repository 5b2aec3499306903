/**
 * Privilege escalation (docs/adr/0011-administrators-and-escalation.md): the steps by which a
 * principal gains another principal's permissions or administrator permissions, each decided by
 * the evaluator against the concrete target of the snapshot (this policy attached to me, that
 * user, that role trusting that service), and the shortest paths to administrator permissions.
 *
 * Steps (technique ids from ./techniques.ts):
 *  - self-escalation: write or attach a policy to myself, my group or a policy attached to me,
 *    join a group, delete my boundary — kept when the what-if snapshot (./what-if.ts) makes me an
 *    administrator;
 *  - principal access: access keys / console passwords of other users, assuming roles
 *    (../assume), rewriting a trust policy then assuming, modifying another principal's policies
 *    then using it;
 *  - new-passrole: pass a role of my account that trusts the service to a resource I create;
 *  - existing-passrole: use a resource that runs as a role trusting the service — the snapshot
 *    does not hold such resources, so the step carries `needs`.
 * A path ends at a principal that is an administrator (../admin) or becomes one by its own step.
 *
 * API (pure, synchronous; one evaluator per snapshot, everything memoised):
 *   const esc = createEscalation(snapshot, { now, progress });
 *   esc.forPrincipal(arn) → PrincipalEscalation   (one principal, interactive)
 *   esc.stepsFrom(arn) → EscalationStep[]         (the edges the graph draws)
 *   esc.all() → PrincipalEscalation[]             (every user and role)
 *   escalationStatuses(snapshot) → Map<arn, status> (findings, diff)
 */
import { createEvaluator, type Evaluator } from '../../engine/evaluate';
import type { EvalRequest, Reason } from '../../engine/types';
import { accountOfArn } from '../../model/ids';
import type { Account, Role, Snapshot, User } from '../../model/snapshot';
import { adminCheck } from '../admin/admin';
import { createAsk, type Answer, type Ask } from '../ask/ask';
import { assumeGraph, type AssumeGraph } from '../assume/assume';
import {
	EXISTING_TECHNIQUES,
	needsOnlyRole,
	PASSROLE_TECHNIQUES,
	technique,
	type Technique
} from './techniques';
import { grantedSnapshot, groupProbe, openTrustSnapshot, unboundedSnapshot } from './what-if';

/** What a principal is or can become. */
export type EscalationStatus = 'admin' | 'escalates' | 'conditional' | 'none';

/** One step: `from` acts on `target` and gains `to`'s permissions (or becomes an administrator). */
export interface EscalationStep {
	technique: string;
	actions: string[];
	/** The ARN acted on (user, role, group, policy). */
	target: string;
	/** Only what the snapshot cannot show. */
	needs: string[];
	from: string;
	/** The principal whose permissions are gained (`from` itself for self-escalation). */
	to: string;
	/** true when the step makes `to` an administrator (self-escalation, modify-then-use). */
	grantsAdmin: boolean;
	/** The deciding statements (the evaluator's allow reasons), per request. */
	reasons: Reason[];
	/** The requests the step was decided with, for the trace panel. */
	requests: EvalRequest[];
}

/** One path to administrator permissions. */
export interface EscalationPath {
	/** The principal whose administrator permissions are gained. */
	reaches: string;
	steps: EscalationStep[];
}

/** A principal's answer. */
export interface PrincipalEscalation {
	principal: string;
	status: EscalationStatus;
	paths: EscalationPath[];
}

/** Options of an escalation analysis. */
export interface EscalationOptions {
	/** "Now" (ISO 8601) for aws:CurrentTime and aws:TokenIssueTime. */
	now?: string;
	/** An evaluator of the same snapshot to reuse (the worker's). */
	evaluator?: Evaluator;
	/** Called with (done, total) during whole-snapshot runs. */
	progress?: (done: number, total: number) => void;
	/** Longest path searched (steps); default 6. */
	maxDepth?: number;
	/** Paths kept per principal; default 10. */
	maxPaths?: number;
}

/** The analysis bound to one snapshot. */
export interface Escalation {
	readonly ask: Ask;
	isAdmin(principal: string): boolean;
	stepsFrom(principal: string): EscalationStep[];
	forPrincipal(principal: string): PrincipalEscalation;
	all(): PrincipalEscalation[];
	assumeGraph(): AssumeGraph;
}

const ADMIN_POLICY = 'arn:aws:iam::aws:policy/AdministratorAccess';
const NO_NEEDS: string[] = [];

/** Thrown to stop a search at its first step needing nothing unknown. */
class FoundClean {
	constructor(readonly steps: EscalationStep[]) {}
}

/** A step; its actions, reasons and requests are read from the answers when first asked for. */
class Step implements EscalationStep {
	constructor(
		readonly technique: string,
		readonly target: string,
		readonly needs: string[],
		readonly from: string,
		readonly to: string,
		readonly grantsAdmin: boolean,
		readonly answers: Answer[]
	) {}
	get actions(): string[] {
		return [...new Set(this.answers.map((a) => a.request.action))];
	}
	get reasons(): Reason[] {
		return this.answers.flatMap((a) => a.reasons);
	}
	get requests(): EvalRequest[] {
		return this.answers.map((a) => a.request);
	}
}

/** The ARN of a resource the caller creates with a service's action. */
function newResource(service: string, account: string): string {
	const r = 'us-east-1';
	switch (service) {
		case 'lambda':
			return `arn:aws:lambda:${r}:${account}:function:iam-atlas-new`;
		case 'ec2':
		case 'ssm':
		case 'ec2-instance-connect':
			return `arn:aws:ec2:${r}:${account}:instance/*`;
		case 'cloudformation':
			return `arn:aws:cloudformation:${r}:${account}:stack/iam-atlas-new/*`;
		case 'codebuild':
			return `arn:aws:codebuild:${r}:${account}:project/iam-atlas-new`;
		case 'glue':
			return `arn:aws:glue:${r}:${account}:job/iam-atlas-new`;
		case 'sagemaker':
			return `arn:aws:sagemaker:${r}:${account}:notebook-instance/iam-atlas-new`;
		case 'ecs':
			return `arn:aws:ecs:${r}:${account}:cluster/iam-atlas-new`;
		default:
			return `arn:aws:${service}:${r}:${account}:iam-atlas-new`;
	}
}

/** Create the escalation analysis of a snapshot. */
export function createEscalation(snapshot: Snapshot, options: EscalationOptions = {}): Escalation {
	const now = options.now ?? new Date().toISOString();
	const ask = createAsk(options.evaluator ?? createEvaluator(snapshot), { now });
	const ev = ask.evaluator;
	const maxDepth = options.maxDepth ?? 6;
	const maxPaths = options.maxPaths ?? 10;
	let granted: Ask | null = null;
	let unbounded: Ask | null = null;
	let openTrust: Ask | null = null;
	const grantedAsk = () =>
		(granted ??= createAsk(createEvaluator(grantedSnapshot(snapshot)), { now }));
	const unboundedAsk = () =>
		(unbounded ??= createAsk(createEvaluator(unboundedSnapshot(snapshot)), { now }));
	const openTrustAsk = () =>
		(openTrust ??= createAsk(createEvaluator(openTrustSnapshot(snapshot)), { now }));

	const accounts = new Map(snapshot.accounts.map((a) => [a.id, a]));
	const users = new Map<string, { user: User; account: Account }>();
	const roles = new Map<string, { role: Role; account: Account }>();
	for (const a of snapshot.accounts) {
		for (const u of a.users) users.set(u.arn, { user: u, account: a });
		for (const r of a.roles) roles.set(r.arn, { role: r, account: a });
	}

	const memo = <T>(f: (k: string) => T) => {
		const m = new Map<string, T>();
		return (k: string): T => {
			let v = m.get(k);
			if (v === undefined && !m.has(k)) m.set(k, (v = f(k)));
			return v as T;
		};
	};
	const isAdmin = memo((p) => adminCheck(ask, p).admin);
	const adminIfGranted = memo((p) => adminCheck(grantedAsk(), p).admin);
	const adminIfUnbounded = memo((p) => adminCheck(unboundedAsk(), p).admin);

	let graph: AssumeGraph | null = null;
	const assumes = () => (graph ??= assumeGraph(ask, snapshot));

	/** Roles of an account that a service may assume, per service (decided once per account). */
	const trusting = new Map<string, Map<string, Role[]>>();
	const trustingRoles = (account: string, service: string): Role[] => {
		let byService = trusting.get(account);
		if (!byService) trusting.set(account, (byService = new Map()));
		let list = byService.get(service);
		if (!list)
			byService.set(
				service,
				(list = (accounts.get(account)?.roles ?? []).filter(
					(r) =>
						ask.decide({ principal: service, action: 'sts:AssumeRole', resource: r.arn }).allowed
				))
			);
		return list;
	};

	// per principal, per action (action names are literals, so their hashes are cached)
	const mayMemo = new Map<string, Map<string, boolean>>();
	const may = (p: string, action: string) => {
		let m = mayMemo.get(p);
		if (!m) mayMemo.set(p, (m = new Map()));
		let v = m.get(action);
		if (v === undefined) {
			v = ev.identityStatements(p, action).some((s) => s.effect === 'Allow');
			m.set(action, v);
		}
		return v;
	};

	function stepsFrom(p: string): EscalationStep[] {
		return stepsMemo(p);
	}
	const ANY = () => true;
	const onceByPrincipal = new Map<string, Map<string, Answer>>();
	/** A principal's own steps to administrator permissions. */
	const selfSteps = memo((p: string) => computeSteps(p, 'self', ANY));
	const stepsMemo = memo((p: string) => [...selfSteps(p), ...computeSteps(p, 'others', ANY, true)]);
	const groupAdmin = memo(
		(groupArn: string) => adminCheck(grantedAsk(), groupProbe(groupArn)).admin
	);

	/**
	 * The steps from a principal: its own (self-escalation), or those that gain another principal —
	 * to the principals `want` accepts, or to any that the step makes an administrator.
	 */
	function computeSteps(
		p: string,
		part: 'self' | 'others',
		want: (to: string) => boolean,
		grants = true,
		firstClean = false,
		into?: EscalationStep[]
	): EscalationStep[] {
		// with firstClean (the whole-snapshot rounds), one step without needs is enough
		const out: EscalationStep[] = into ?? [];
		if (firstClean) {
			const push = out.push.bind(out);
			out.push = (...steps: EscalationStep[]) => {
				const n = push(...steps);
				if (steps.some((x) => x.needs.length === 0)) throw new FoundClean(out);
				return n;
			};
			try {
				return computeSteps(p, part, want, grants, false, out);
			} catch (e) {
				if (e instanceof FoundClean) return e.steps;
				throw e;
			}
		}
		const account = accountOfArn(p);
		const acct = account ? accounts.get(account) : undefined;
		const me = users.get(p)?.user ?? roles.get(p)?.role;
		if (!acct || !me) return out;
		const isUser = users.has(p);
		const step = (
			id: string,
			target: string,
			to: string,
			answers: Answer[],
			grantsAdmin: boolean,
			needs: string[] = NO_NEEDS
		): EscalationStep => new Step(id, target, needs, p, to, grantsAdmin, answers);
		const decide = (action: string, resource: string, context?: EvalRequest['context']) =>
			ask.decide({ principal: p, action, resource, context });
		// a grant that is the same for every resource of the account is decided once (engine's
		// resourceIndependent), else once per class of resources whose ARNs the same statements
		// match (engine's resourceClass); IAM users, groups, roles and policies have no resource policy
		let once = onceByPrincipal.get(p);
		if (!once) onceByPrincipal.set(p, (once = new Map()));
		const allowed = (action: string, resource: string, context?: EvalRequest['context']) => {
			if (!may(p, action)) return null;
			const base = context ? `${action}|${Object.values(context).join('|')}` : action;
			let a = once!.get(base);
			const cls = a || resource === '*' ? null : ev.resourceClass(p, action, resource);
			const key = cls === null ? null : `${base}|${cls}`;
			if (!a && key !== null) a = once!.get(key);
			if (a) return a.allowed ? { ...a, request: { ...a.request, resource } } : null;
			a = decide(action, resource, context);
			if (resource !== '*' && ev.resourceIndependent(p, action)) once!.set(base, a);
			else if (key !== null) once!.set(key, a);
			return a.allowed ? a : null;
		};

		// self-escalation: policies on me, my groups, policies attached to me, groups to join
		const selfActions = isUser
			? [
					'iam:PutUserPolicy',
					'iam:AttachUserPolicy',
					'iam:CreatePolicyVersion',
					'iam:AttachGroupPolicy',
					'iam:PutGroupPolicy',
					'iam:AddUserToGroup'
				]
			: ['iam:PutRolePolicy', 'iam:AttachRolePolicy', 'iam:CreatePolicyVersion'];
		if (part === 'self' && selfActions.some((a) => may(p, a)) && adminIfGranted(p)) {
			const attachCtx = { 'iam:PolicyARN': ADMIN_POLICY };
			const put = allowed(isUser ? 'iam:PutUserPolicy' : 'iam:PutRolePolicy', p);
			if (put) out.push(step(isUser ? 'iam-007' : 'iam-005', p, p, [put], true));
			const attach = allowed(
				isUser ? 'iam:AttachUserPolicy' : 'iam:AttachRolePolicy',
				p,
				attachCtx
			);
			if (attach) out.push(step(isUser ? 'iam-008' : 'iam-009', p, p, [attach], true));
			const myGroups = isUser
				? acct.groups.filter((g) => (me as User).groups.includes(g.name))
				: [];
			const attached = [
				...me.attachedPolicies,
				...myGroups.flatMap((g) => g.attachedPolicies)
			].filter((arn) => accountOfArn(arn) === account);
			for (const policy of new Set(attached)) {
				const a = allowed('iam:CreatePolicyVersion', policy);
				if (a) out.push(step('iam-001', policy, p, [a], true));
			}
			for (const g of myGroups) {
				const ag = allowed('iam:AttachGroupPolicy', g.arn, attachCtx);
				if (ag) out.push(step('iam-010', g.arn, p, [ag], true));
				const pg = allowed('iam:PutGroupPolicy', g.arn);
				if (pg) out.push(step('iam-011', g.arn, p, [pg], true));
			}
			if (isUser && may(p, 'iam:AddUserToGroup'))
				for (const g of acct.groups) {
					if (myGroups.includes(g)) continue;
					if (!groupAdmin(g.arn)) continue;
					const a = allowed('iam:AddUserToGroup', g.arn);
					if (a) out.push(step('iam-013', g.arn, p, [a], true));
				}
		}
		if (part === 'self' && me.permissionsBoundary) {
			const del = isUser
				? 'iam:DeleteUserPermissionsBoundary'
				: 'iam:DeleteRolePermissionsBoundary';
			if (may(p, del) && adminIfUnbounded(p)) {
				const a = allowed(del, p);
				if (a) out.push(step('iam-atlas-boundary-001', p, p, [a], true));
			}
		}
		if (part === 'self') return out;

		// principal access: other users' credentials; modify a user, then use its key (iam-015/018)
		const creds = [
			'iam:CreateAccessKey',
			'iam:CreateLoginProfile',
			'iam:UpdateLoginProfile'
		].filter((a) => may(p, a));
		const modifyUser = ['iam:AttachUserPolicy', 'iam:PutUserPolicy'].filter((a) => may(p, a));
		const attachCtx = { 'iam:PolicyARN': ADMIN_POLICY };
		if (creds.length)
			for (const u of acct.users) {
				if (u.arn === p) continue;
				const wanted = want(u.arn);
				// a user not wanted matters only if I can make it an administrator: ask that first
				const mods: [string, Answer][] = [];
				if (grants && modifyUser.length && adminIfGranted(u.arn))
					for (const m of modifyUser) {
						const mod = allowed(m, u.arn, m === 'iam:AttachUserPolicy' ? attachCtx : undefined);
						if (mod) mods.push([m, mod]);
					}
				if (!wanted && !mods.length) continue;
				const key = allowed('iam:CreateAccessKey', u.arn);
				if (key) {
					const del = allowed('iam:DeleteAccessKey', u.arn);
					const keyNeeds = del ? NO_NEEDS : [`${u.arn} has fewer than 2 access keys`];
					const keyAnswers = del ? [key, del] : [key];
					for (const [m, mod] of mods)
						out.push(
							step(
								m === 'iam:AttachUserPolicy' ? 'iam-015' : 'iam-018',
								u.arn,
								u.arn,
								[mod, ...keyAnswers],
								true,
								keyNeeds
							)
						);
					if (wanted)
						out.push(step(del ? 'iam-003' : 'iam-002', u.arn, u.arn, keyAnswers, false, keyNeeds));
				}
				if (!wanted) continue;
				const create = allowed('iam:CreateLoginProfile', u.arn);
				const update = allowed('iam:UpdateLoginProfile', u.arn);
				if (create && update) out.push(step('iam-004', u.arn, u.arn, [create, update], false));
				else if (create)
					out.push(
						step('iam-004', u.arn, u.arn, [create], false, [`${u.arn} has no console password yet`])
					);
				else if (update)
					out.push(
						step('iam-006', u.arn, u.arn, [update], false, [`${u.arn} has a console password`])
					);
			}

		// roles: assume (sts-001), rewrite trust then assume (iam-012), modify then use (iam-014…021)
		const assumable = new Map<string, Answer>();
		for (const e of assumes().from.get(p) ?? []) {
			const a: Answer = {
				allowed: true,
				decision: 'allowed',
				reasons: e.reasons,
				sent: e.sent,
				request: {
					principal: p,
					action: e.action,
					resource: e.to,
					context: { ...ask.defaults(p), ...e.sent }
				}
			};
			assumable.set(e.to, a);
			if (want(e.to)) out.push(step('sts-001', e.to, e.to, [a], false));
		}
		const modifyRole = [
			'iam:AttachRolePolicy',
			'iam:PutRolePolicy',
			'iam:CreatePolicyVersion'
		].filter((a) => may(p, a));
		const canTrust = may(p, 'iam:UpdateAssumeRolePolicy');
		if (modifyRole.length || canTrust)
			for (const r of acct.roles) {
				if (r.arn === p) continue;
				const wanted = want(r.arn);
				const grantable = grants && modifyRole.length > 0 && adminIfGranted(r.arn);
				if (!wanted && !grantable) continue;
				// first how I would use the role (free when I can assume it already), then the modification
				const assumed = assumable.get(r.arn) ?? null;
				let rewrite: Answer | null = null;
				if (!assumed && canTrust) {
					const trust = allowed('iam:UpdateAssumeRolePolicy', r.arn);
					const after =
						trust &&
						openTrustAsk().decide({ principal: p, action: 'sts:AssumeRole', resource: r.arn });
					if (trust && after && after.allowed) {
						rewrite = trust;
						if (wanted) out.push(step('iam-012', r.arn, r.arn, [trust, after], false));
					}
				}
				const via = assumed ?? rewrite;
				if (!via || !grantable) continue;
				const mods: [string, string, Answer][] = [];
				for (const m of modifyRole) {
					const targets =
						m === 'iam:CreatePolicyVersion'
							? r.attachedPolicies.filter((arn) => accountOfArn(arn) === account)
							: [r.arn];
					for (const t of targets) {
						const mod = allowed(m, t, m === 'iam:AttachRolePolicy' ? attachCtx : undefined);
						if (mod) mods.push([m, t, mod]);
					}
				}
				const ids = assumed
					? {
							'iam:AttachRolePolicy': 'iam-014',
							'iam:CreatePolicyVersion': 'iam-016',
							'iam:PutRolePolicy': 'iam-017'
						}
					: {
							'iam:AttachRolePolicy': 'iam-019',
							'iam:CreatePolicyVersion': 'iam-020',
							'iam:PutRolePolicy': 'iam-021'
						};
				for (const [m, t, mod] of mods)
					out.push(step(ids[m as keyof typeof ids], t, r.arn, [mod, via], true));
			}

		// pass a role to a new resource of a service that the role trusts
		if (may(p, 'iam:PassRole'))
			for (const t of PASSROLE_TECHNIQUES) {
				const others = t.actions.filter((a) => a !== 'iam:PassRole');
				if (!others.every((a) => may(p, a))) continue;
				const candidates = trustingRoles(account!, t.trusts!);
				if (!candidates.length) continue;
				const otherAnswers = serviceActions(t, others);
				if (!otherAnswers) continue;
				for (const r of candidates) {
					if (r.arn === p || !want(r.arn)) continue;
					const pass = allowed('iam:PassRole', r.arn, { 'iam:PassedToService': t.trusts! });
					if (!pass) continue;
					const needs = needsOnlyRole(t) ? [] : [t.prerequisite!];
					if (t.trusts === 'ec2.amazonaws.com' && r.instanceProfiles.length === 0)
						needs.push(`an instance profile holding ${r.arn}`);
					out.push(step(t.id, r.arn, r.arn, [pass, ...otherAnswers], false, needs));
				}
			}
		// use an existing resource that runs as a role trusting the service
		for (const t of EXISTING_TECHNIQUES) {
			if (!t.actions.every((a) => may(p, a))) continue;
			const candidates = trustingRoles(account!, t.trusts!);
			if (!candidates.length) continue;
			const answers = serviceActions(t, t.actions);
			if (!answers) continue;
			for (const r of candidates)
				if (r.arn !== p && want(r.arn))
					out.push(
						step(t.id, r.arn, r.arn, answers, false, [
							`${t.prerequisite ?? 'a resource of the service must exist'} — running as ${r.arn}`
						])
					);
		}
		return out;

		function serviceActions(t: Technique, actions: string[]): Answer[] | null {
			const answers: Answer[] = [];
			for (const action of actions) {
				const service = action.split(':')[0];
				const a = allowed(action, '*') ?? allowed(action, newResource(service, account!));
				if (!a) return null;
				answers.push(a);
			}
			void t;
			return answers;
		}
	}

	/** Whether a principal's own step makes it an administrator, and which. */
	const selfAdminStep = memo((p: string): EscalationStep | null => {
		const own = stepsMemo(p).filter((s) => s.grantsAdmin && s.to === p);
		return own.find((s) => s.needs.length === 0) ?? own[0] ?? null;
	});

	function forPrincipal(p: string): PrincipalEscalation {
		if (isAdmin(p)) return { principal: p, status: 'admin', paths: [] };
		const clean = search(p, false);
		const all = search(p, true);
		const reached = new Set(clean.map((x) => x.reaches));
		const paths = [...clean, ...all.filter((x) => !reached.has(x.reaches))].slice(0, maxPaths);
		const status: EscalationStatus = clean.length
			? 'escalates'
			: paths.length
				? 'conditional'
				: 'none';
		return { principal: p, status, paths };
	}

	/** Breadth-first: the shortest path to each principal whose admin permissions are gained. */
	function search(start: string, withNeeds: boolean): EscalationPath[] {
		const found: EscalationPath[] = [];
		const done = new Set<string>();
		const seen = new Set([start]);
		let frontier: { at: string; steps: EscalationStep[] }[] = [{ at: start, steps: [] }];
		const finish = (reaches: string, steps: EscalationStep[]) => {
			if (done.has(reaches)) return;
			done.add(reaches);
			found.push({ reaches, steps });
		};
		for (let depth = 0; depth <= maxDepth && frontier.length && found.length < maxPaths; depth++) {
			const next: typeof frontier = [];
			for (const { at, steps } of frontier) {
				if (at !== start && isAdmin(at)) {
					finish(at, steps);
					continue;
				}
				const own = selfAdminStep(at);
				if (own && (withNeeds || own.needs.length === 0)) {
					finish(at, [...steps, own]);
					continue;
				}
				if (depth === maxDepth) continue;
				for (const s of stepsMemo(at)) {
					if (!withNeeds && s.needs.length) continue;
					if (s.to === at) continue;
					if (s.grantsAdmin) {
						finish(s.to, [...steps, s]);
						continue;
					}
					if (seen.has(s.to)) continue;
					seen.add(s.to);
					next.push({ at: s.to, steps: [...steps, s] });
				}
			}
			frontier = next;
		}
		return found;
	}

	/**
	 * Every principal at once, by rounds: administrators and self-escalators first, then in round k
	 * the principals with a step to one that reached administrator permissions in round k−1. Only
	 * steps toward such principals are decided, so a whole organization stays fast; each principal
	 * keeps its shortest path (one needing nothing unknown first).
	 */
	function allPrincipals(
		list: string[],
		progress?: (done: number, total: number) => void
	): PrincipalEscalation[] {
		interface Best {
			reaches: string;
			steps: EscalationStep[];
			clean: boolean;
		}
		const admins = new Set(list.filter((p) => isAdmin(p)));
		const best = new Map<string, Best>();
		const better = (a: Best | undefined, b: Best) =>
			!a || (b.clean && !a.clean) || (b.clean === a.clean && b.steps.length < a.steps.length);
		let frontier = new Set(admins);
		list.forEach((p, i) => {
			if (progress && i % 1000 === 0) progress(i, list.length * 2);
			if (admins.has(p)) return;
			const own = selfAdminStep(p);
			if (!own) return;
			best.set(p, { reaches: p, steps: [own], clean: own.needs.length === 0 });
			frontier.add(p);
		});
		// round 0 always runs: modify-then-use steps make their target an administrator by themselves
		for (let round = 0; round < maxDepth && (round === 0 || frontier.size); round++) {
			const next = new Set<string>();
			const reached = frontier;
			// a principal's steps reach principals of its own account, or the roles it can assume
			const reachedAccounts = new Set([...reached].map((r) => accountOfArn(r)));
			for (const p of list) {
				if (admins.has(p) || best.get(p)?.clean) continue;
				if (
					round > 0 &&
					!reachedAccounts.has(accountOfArn(p)) &&
					!(assumes().from.get(p) ?? []).some((e) => reached.has(e.to))
				)
					continue;
				for (const s of computeSteps(p, 'others', (to) => reached.has(to), round === 0, true)) {
					let cand: Best | null = null;
					if (s.grantsAdmin || admins.has(s.to))
						cand = { reaches: s.to, steps: [s], clean: s.needs.length === 0 };
					else {
						const b = best.get(s.to);
						if (b)
							cand = {
								reaches: b.reaches,
								steps: [s, ...b.steps],
								clean: b.clean && s.needs.length === 0
							};
					}
					if (cand && better(best.get(p), cand)) {
						best.set(p, cand);
						next.add(p);
					}
				}
			}
			frontier = next;
			progress?.(list.length + Math.round(((round + 1) / maxDepth) * list.length), list.length * 2);
		}
		return list.map((p): PrincipalEscalation => {
			if (admins.has(p)) return { principal: p, status: 'admin', paths: [] };
			const b = best.get(p);
			if (!b) return { principal: p, status: 'none', paths: [] };
			return {
				principal: p,
				status: b.clean ? 'escalates' : 'conditional',
				paths: [{ reaches: b.reaches, steps: b.steps }]
			};
		});
	}

	const principals = () =>
		snapshot.accounts.flatMap((a) => [...a.users.map((u) => u.arn), ...a.roles.map((r) => r.arn)]);

	return {
		ask,
		isAdmin,
		stepsFrom,
		forPrincipal,
		assumeGraph: assumes,
		all: () => allPrincipals(principals(), options.progress)
	};
}

/** Every user's and role's escalation status (for findings and the diff). */
export function escalationStatuses(
	snapshot: Snapshot,
	options: EscalationOptions = {}
): Map<string, EscalationStatus> {
	const esc = createEscalation(snapshot, options);
	return new Map(esc.all().map((r) => [r.principal, r.status]));
}

export { technique };
