/**
 * The access-path questions the engine worker answers (issue 10): one principal's access — what
 * it can do per service and access level, the role chains it can follow, its escalation paths —
 * and the organization overview (administrators and principals that can become administrators,
 * per account). A thin adapter over src/lib/analysis (admin, assume, escalation, what-can): the
 * analyses decide everything; this module only shapes their answers into plain, cloneable data
 * and keeps them per snapshot, so a second question about the same snapshot is warm.
 */
import type { ActionCatalog } from '../engine/catalog/action-catalog';
import type { Evaluator } from '../engine/evaluate';
import { createEscalation, type Escalation } from '../analysis/escalation/escalation';
import { TECHNIQUES } from '../analysis/escalation/techniques';
import { roleChains } from '../analysis/assume/assume';
import { createWhatCan } from '../analysis/what-can/what-can';
import { accountOfArn } from '../model/ids';
import type { Snapshot } from '../model/snapshot';
import type {
	AccessResult,
	AccessServiceResult,
	OrganizationAccessResult,
	OrganizationAccount
} from './engine-protocol';

const now = () => performance.now();

/** Role chains returned per principal (shortest first). */
const MAX_CHAINS = 50;

/** The access analyses of one loaded snapshot (created lazily, reused while it stays loaded). */
export class AccessSession {
	readonly #snapshot: Snapshot;
	readonly #evaluator: Evaluator | undefined;
	#escalation: Escalation | null = null;
	#whatCan: ReturnType<typeof createWhatCan> | null = null;
	#progress: ((done: number, total: number) => void) | null = null;

	/** `evaluator`: the worker's evaluator of the same snapshot, when it is a full one (shared warm-up). */
	constructor(snapshot: Snapshot, evaluator?: Evaluator) {
		this.#snapshot = snapshot;
		this.#evaluator = evaluator;
	}

	#esc(): Escalation {
		return (this.#escalation ??= createEscalation(this.#snapshot, {
			evaluator: this.#evaluator,
			progress: (d, t) => this.#progress?.(d, t)
		}));
	}

	#wc(catalog: ActionCatalog) {
		return (this.#whatCan ??= createWhatCan(this.#snapshot, catalog, {
			evaluator: this.#esc().ask.evaluator,
			now: this.#esc().ask.now
		}));
	}

	/** One principal: status, escalation paths, role chains and the per-service summary (no actions). */
	access(principal: string, catalog: ActionCatalog): AccessResult {
		const t = now();
		const esc = this.#esc();
		const e = esc.forPrincipal(principal);
		const t1 = now();
		const chains = roleChains(esc.assumeGraph(), principal).slice(0, MAX_CHAINS);
		const t2 = now();
		const services = this.#wc(catalog)
			.forPrincipal(principal)
			.services.map(({ service, levels, takenAway, actions }) => ({
				service,
				levels,
				takenAway,
				actions: actions.length
			}))
			.sort((a, b) => a.service.localeCompare(b.service));
		const techniques = Object.fromEntries(
			e.paths
				.flatMap((p) => p.steps)
				.map((s) => [s.technique, TECHNIQUES.get(s.technique)?.name ?? ''])
		);
		const t3 = now();
		// steps may be lazy objects (getters): copy them to plain data, which postMessage keeps
		const paths = e.paths.map((p) => ({
			reaches: p.reaches,
			steps: p.steps.map((st) => ({
				technique: st.technique,
				actions: [...st.actions],
				target: st.target,
				needs: [...st.needs],
				from: st.from,
				to: st.to,
				grantsAdmin: st.grantsAdmin,
				reasons: [...st.reasons],
				requests: [...st.requests]
			}))
		}));
		return {
			principal: e.principal,
			status: e.status,
			paths,
			chains,
			services,
			techniques,
			ms: t3 - t,
			parts: { escalationMs: t1 - t, chainsMs: t2 - t1, whatCanMs: t3 - t2 }
		};
	}

	/** One service of one principal's what-can, with every action and resource (the drill-down). */
	accessService(principal: string, service: string, catalog: ActionCatalog): AccessServiceResult {
		const t = now();
		const found = this.#wc(catalog).forPrincipal(principal, { service }).services[0] ?? null;
		return { service: found, ms: now() - t };
	}

	/** Every user and role: administrators and those that can become one, per account, counted. */
	organization(progress?: (done: number, total: number) => void): OrganizationAccessResult {
		const t = now();
		this.#progress = progress ?? null;
		let all;
		try {
			all = this.#esc().all();
		} finally {
			this.#progress = null;
		}
		const names = new Map(this.#snapshot.accounts.map((a) => [a.id, a.name ?? a.id]));
		const accounts = new Map<string, OrganizationAccount>();
		const counts = { admin: 0, escalates: 0, conditional: 0, none: 0 };
		for (const r of all) {
			counts[r.status]++;
			const id = accountOfArn(r.principal) ?? '';
			let a = accounts.get(id);
			if (!a)
				accounts.set(
					id,
					(a = { account: id, name: names.get(id) ?? id, principals: 0, admins: [], escalates: [] })
				);
			a.principals++;
			if (r.status === 'admin') a.admins.push(r.principal);
			else if (r.status !== 'none')
				a.escalates.push({
					principal: r.principal,
					status: r.status,
					reaches: r.paths[0]?.reaches ?? '',
					steps: r.paths[0]?.steps.length ?? 0
				});
		}
		return { accounts: [...accounts.values()], counts, ms: now() - t };
	}
}
