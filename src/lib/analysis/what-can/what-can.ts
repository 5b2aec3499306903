/**
 * What a principal can do (user, role, role session, root): per service, the access levels it
 * holds (List, Read, Write, Permissions management, Tagging — from the action catalog), on which
 * resources (the Resource patterns of the statements that allow it, and the snapshot's concrete
 * resources of the service), with the conditions of those statements and what an explicit deny, a
 * boundary, an SCP or an RCP takes away. Every decision is the evaluator's (../ask): the statements
 * are read only to show their Resource and Condition text and to choose what to ask about.
 *
 * API (pure, synchronous; the catalog must have every service loaded, e.g. loadNodeCatalog()):
 *   const wc = createWhatCan(snapshot, catalog, { now, evaluator });
 *   wc.forPrincipal(arn, { service? }) → WhatCanResult
 */
import type { ActionCatalog, AccessLevel } from '../../engine/catalog';
import { createEvaluator, type Evaluator } from '../../engine/evaluate';
import type { Reason } from '../../engine/types';
import { accountOfArn, inlinePolicyId } from '../../model/ids';
import {
	statementsOf,
	type PolicyDocument,
	type PolicyStatement
} from '../../model/policy-document';
import type { Snapshot } from '../../model/snapshot';
import { createAsk, type Answer } from '../ask/ask';

/** How one resource (or pattern) was decided for an action. */
export interface WhatCanResource {
	/** A concrete ARN of the snapshot, or a Resource pattern of an allowing statement. */
	resource: string;
	kind: 'pattern' | 'resource';
	allowed: boolean;
	/** When denied: the deciding reasons (the Deny, SCP or boundary that takes it away). */
	takenBy: Reason[];
}

/** One action the principal's policies speak of. */
export interface WhatCanAction {
	action: string;
	level: AccessLevel | null;
	/** Allowed on at least one resource or pattern. */
	allowed: boolean;
	resources: WhatCanResource[];
	/** Condition blocks of the statements that allow it (as written). */
	conditions: PolicyStatement['Condition'][];
	/** Resource patterns the allowing statements exclude (NotResource). */
	except: string[];
}

/** One service. */
export interface WhatCanService {
	service: string;
	/** Allowed actions per access level. */
	levels: Partial<Record<AccessLevel, number>>;
	/** Actions some Allow covers but denies, SCPs or boundaries take away everywhere. */
	takenAway: number;
	actions: WhatCanAction[];
}

/** The answer for one principal. */
export interface WhatCanResult {
	principal: string;
	services: WhatCanService[];
}

/** Options. */
export interface WhatCanOptions {
	now?: string;
	evaluator?: Evaluator;
}

const list = (v: string | string[] | undefined): string[] =>
	v === undefined ? [] : Array.isArray(v) ? v : [v];

/** Create the what-can analysis of a snapshot. */
export function createWhatCan(
	snapshot: Snapshot,
	catalog: ActionCatalog,
	options: WhatCanOptions = {}
) {
	const ask = createAsk(options.evaluator ?? createEvaluator(snapshot), { now: options.now });
	const ev = ask.evaluator;
	const docs = new Map<string, PolicyDocument>();
	for (const a of snapshot.accounts) {
		for (const p of a.policies) {
			const v = p.versions.find((x) => x.isDefault) ?? p.versions[0];
			if (v) docs.set(p.arn, v.document);
		}
		for (const e of [...a.users, ...a.groups, ...a.roles])
			for (const ip of e.inlinePolicies) docs.set(inlinePolicyId(e.arn, ip.name), ip.document);
	}
	const resourcesByService = new Map<string, string[]>();
	for (const a of snapshot.accounts)
		for (const r of a.resources) {
			const service = r.arn.split(':')[2];
			(resourcesByService.get(service) ?? resourcesByService.set(service, []).get(service)!).push(
				r.arn
			);
		}
	const allActions = catalog.expandActionPattern('*');
	const services = new Map<string, string>();
	const serviceOf = (action: string) => {
		const prefix = action.slice(0, action.indexOf(':'));
		let lower = services.get(prefix);
		if (lower === undefined) services.set(prefix, (lower = prefix.toLowerCase()));
		return lower;
	};

	function forPrincipal(principal: string, opts: { service?: string } = {}): WhatCanResult {
		const root = /^arn:[^:]+:iam::\d{12}:root$/.test(principal);
		const account = accountOfArn(principal);
		const byService = new Map<string, WhatCanService>();
		// actions of services no identity statement names have no statement to show: skipped
		// (the root user has every action; engine's identityServices)
		const named = root ? null : ev.identityServices(principal);
		const actions = (
			opts.service ? allActions.filter((a) => a.startsWith(`${opts.service}:`)) : allActions
		).filter((a) => named === null || named.has(serviceOf(a)));
		for (const action of actions) {
			const refs = root ? [] : ev.identityStatements(principal, action);
			const allows = refs.filter((r) => r.effect === 'Allow');
			if (!root && !allows.length) continue;
			const service = action.slice(0, action.indexOf(':'));
			const patterns = new Set<string>();
			const except = new Set<string>();
			const conditions: PolicyStatement['Condition'][] = [];
			for (const ref of allows) {
				const doc = docs.get(ref.policyId);
				const st = doc ? statementsOf(doc)[ref.index] : undefined;
				if (!st) continue;
				for (const r of list(st.Resource)) patterns.add(r);
				for (const r of list(st.NotResource)) except.add(r);
				if (st.NotResource !== undefined) patterns.add('*');
				if (st.Condition) conditions.push(st.Condition);
			}
			if (root) patterns.add('*');
			const resources: WhatCanResource[] = [];
			// resources the same statements match are decided once (engine's resourceClass)
			const byClass = new Map<string, Answer>();
			const judge = (resource: string, kind: 'pattern' | 'resource') => {
				const resourceAccount =
					resource.startsWith('arn:aws:s3:::') && account ? account : undefined;
				const cls = ev.resourceClass(principal, action, resource, resourceAccount);
				let a = cls === null ? undefined : byClass.get(cls);
				if (!a) {
					a = ask.decide({ principal, action, resource, resourceAccount });
					if (cls !== null) byClass.set(cls, a);
				}
				resources.push({
					resource,
					kind,
					allowed: a.allowed,
					takenBy: a.allowed ? [] : a.reasons
				});
			};
			for (const p of patterns) judge(p, 'pattern');
			for (const r of resourcesByService.get(service) ?? []) judge(r, 'resource');
			const allowed = resources.some((r) => r.allowed);
			// the root user has every action: list only those an explicit Deny (an SCP) takes away
			if (root && !allowed && !resources.some((r) => r.takenBy.some((t) => t.effect === 'Deny')))
				continue;
			let s = byService.get(service);
			if (!s) byService.set(service, (s = { service, levels: {}, takenAway: 0, actions: [] }));
			const level = catalog.accessLevel(action) ?? null;
			if (allowed && level) s.levels[level] = (s.levels[level] ?? 0) + 1;
			if (!allowed) s.takenAway++;
			s.actions.push({ action, level, allowed, resources, conditions, except: [...except] });
		}
		return { principal, services: [...byService.values()] };
	}

	return { ask, forPrincipal };
}
