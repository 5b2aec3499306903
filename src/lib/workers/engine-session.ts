/**
 * What the engine worker does with each request, as plain code callable from Node tests: holds
 * the evaluator compiled for the loaded snapshot and the lazily opened action catalog, and turns
 * every request into exactly one reply. Errors become replies (never thrown). Transport — the
 * postMessage plumbing — is engine.worker.ts; the evaluator itself is engine/evaluate.ts.
 */
import type { ActionCatalog } from '../engine/catalog/action-catalog';
import { ACCESS_LEVELS, type AccessLevel } from '../engine/catalog/catalog-data';
import { checkQuestion, questionCheckServices } from '../engine/catalog/question-check';
import type { Decision, EvalRequest, EvalResult } from '../engine/types';
import type { Result } from '../model/result';
import type { Snapshot } from '../model/snapshot';
import { findFindings } from '../analysis/findings/find-findings';
import {
	adminPrincipalRule,
	escalationPathRule,
	type PrincipalVerdict
} from '../analysis/findings/plugged';
import type { Finding } from '../analysis/findings/types';
import { reportDocument } from '../graph/report-document';
import type { Evaluator } from '../engine/evaluate';
import { AccessSession } from './access-session';
import type {
	ActionsForResourceParams,
	ActionsForResourceResult,
	EngineCalls,
	EngineReply,
	EngineRequest,
	WhoCanParams,
	WhoCanResult
} from './engine-protocol';

/** The evaluator contract of engine/evaluate.ts, as the session needs it (`trace: false` = decision and reasons only). */
export type CreateEvaluator = (snapshot: Snapshot) => {
	evaluate(req: EvalRequest, options?: { trace?: boolean }): EvalResult;
};

/** Reads a stored snapshot by id (SnapshotStore.get in the worker). */
export type ReadStoredSnapshot = (id: string) => Promise<Result<Snapshot>>;

/** Bulk questions (who-can, every action of a resource) need decisions, not traces or summaries. */
const BULK = { trace: false, summary: false };

/** The request the background warm-up asks for each principal: cheap, and it compiles the principal's policies. */
const WARM_UP = { action: 'sts:GetCallerIdentity', resource: '*' };

/** An error reply's payload carried by a throw inside the session. */
class SessionError extends Error {
	constructor(
		readonly code: string,
		message: string
	) {
		super(message);
	}
}

const now = () => performance.now();

/** Every IAM user and role ARN of a snapshot, in snapshot order. */
export function principalsOf(snapshot: Snapshot): string[] {
	return snapshot.accounts.flatMap((a) => [
		...a.users.map((u) => u.arn),
		...a.roles.map((r) => r.arn)
	]);
}

/** The worker's state and request handling. */
export class EngineSession {
	readonly #createEvaluator: CreateEvaluator;
	readonly #openCatalog: () => Promise<ActionCatalog>;
	readonly #readStored: ReadStoredSnapshot | null;
	#catalog: Promise<ActionCatalog> | null = null;
	#evaluator: ReturnType<CreateEvaluator> | null = null;
	#principals: string[] = [];
	#warmed = 0;
	#snapshot: Snapshot | null = null;
	/** The built-in rules' findings of the loaded snapshot (computed on first ask). */
	#findings: Finding[] | null = null;
	#access: AccessSession | null = null;
	#catalogComplete: Promise<ActionCatalog> | null = null;

	/** `openCatalog` is called once, on the first request that needs the catalog; `readStored` serves loadStored. */
	constructor(
		createEvaluator: CreateEvaluator,
		openCatalog: () => Promise<ActionCatalog>,
		readStored: ReadStoredSnapshot | null = null
	) {
		this.#createEvaluator = createEvaluator;
		this.#openCatalog = openCatalog;
		this.#readStored = readStored;
	}

	/** Answers one request; `onProgress` hears (done, total) of long calls (organization). */
	async handle(
		req: EngineRequest,
		onProgress?: (done: number, total: number) => void
	): Promise<EngineReply> {
		try {
			const result = await this.#run(req, onProgress);
			return { type: req.type, id: req.id, ok: true, result } as EngineReply;
		} catch (e) {
			const code = e instanceof SessionError ? e.code : 'engine.failed';
			return {
				type: req.type,
				id: req.id,
				ok: false,
				error: { code, message: (e as Error).message ?? String(e) }
			};
		}
	}

	async #run(
		req: EngineRequest,
		onProgress?: (done: number, total: number) => void
	): Promise<EngineCalls[typeof req.type]['result']> {
		switch (req.type) {
			case 'load':
				return this.#load(req.snapshot);
			case 'loadStored': {
				if (!this.#readStored)
					throw new SessionError(
						'engine.no-store',
						'This engine has no snapshot store to read from.'
					);
				const t = now();
				const read = await this.#readStored(req.snapshotId);
				if (!read.ok) throw new SessionError(read.error.code, read.error.message);
				const loaded = this.#load(read.value);
				return { ...loaded, ms: now() - t };
			}
			case 'evaluate':
				return this.#requireEvaluator().evaluate(req.request);
			case 'whoCan':
				return this.#whoCan(req);
			case 'actionsForResource':
				return this.#actionsForResource(req);
			case 'completions': {
				const catalog = await this.#catalogReady();
				const service = req.prefix.includes(':')
					? [req.prefix.slice(0, req.prefix.indexOf(':'))]
					: [];
				await catalog.ensure(service);
				return catalog.completions(req.prefix, req.limit);
			}
			case 'conditionKeys': {
				const catalog = await this.#catalogReady();
				const colon = req.prefix.indexOf(':');
				await catalog.ensure([
					...(req.action ? catalog.servicesOfActionPattern(req.action) : []),
					...(colon > 0 ? [req.prefix.slice(0, colon)] : [])
				]);
				return catalog.conditionKeyCompletions(req.prefix, req.action, req.limit);
			}
			case 'status':
				return {
					loaded: this.#evaluator !== null,
					principals: this.#principals.length,
					warmed: this.#warmed
				};
			case 'lintPolicy': {
				const catalog = await this.#catalogReady();
				await catalog.ensureForPolicy(req.document);
				return catalog.lintPolicy(req.document);
			}
			case 'checkQuestion': {
				const catalog = await this.#catalogReady();
				await catalog.ensure(questionCheckServices(catalog, req.action, req.resource));
				return checkQuestion(catalog, req.action, req.resource);
			}
			case 'findings': {
				const t = now();
				return { findings: this.#findingsOf(req.verdicts), ms: now() - t };
			}
			case 'report':
				return reportDocument(
					{ ...this.#requireSnapshot(), notes: req.notes },
					{
						format: req.format,
						generatedAt: req.generatedAt,
						findings: this.#findingsOf(req.verdicts),
						verdicts: req.verdicts
					}
				);
			case 'access': {
				const catalog = await this.#wholeCatalog();
				return this.#accessSession().access(req.principal, catalog);
			}
			case 'accessService': {
				const catalog = await this.#wholeCatalog();
				return this.#accessSession().accessService(req.principal, req.service, catalog);
			}
			case 'organization':
				return this.#accessSession().organization(onProgress);
			default:
				throw new SessionError(
					'engine.unknown-request',
					`Unknown engine request type "${(req as { type: unknown }).type}".`
				);
		}
	}

	#load(snapshot: Snapshot): EngineCalls['load']['result'] {
		const t = now();
		this.#evaluator = null;
		this.#evaluator = this.#createEvaluator(snapshot);
		this.#snapshot = snapshot;
		this.#access = null;
		this.#principals = principalsOf(snapshot);
		this.#warmed = 0;
		this.#snapshot = snapshot;
		this.#findings = null;
		return { principals: this.#principals.length, ms: now() - t };
	}

	/**
	 * Background warm-up after a load: the evaluator compiles each principal on first use, so the
	 * worker spends idle time (about `budgetMs` per call, between requests) asking one cheap
	 * question per principal. Returns true while principals remain.
	 */
	warmStep(budgetMs = 12): boolean {
		if (!this.#evaluator) return false;
		const end = now() + budgetMs;
		while (this.#warmed < this.#principals.length && now() < end) {
			this.#evaluator.evaluate({ principal: this.#principals[this.#warmed++], ...WARM_UP }, BULK);
		}
		return this.#warmed < this.#principals.length;
	}

	#requireEvaluator(): ReturnType<CreateEvaluator> {
		if (!this.#evaluator)
			throw new SessionError('engine.no-snapshot', 'No snapshot is loaded in the engine yet.');
		return this.#evaluator;
	}

	#requireSnapshot(): Snapshot {
		if (!this.#snapshot)
			throw new SessionError('engine.no-snapshot', 'No snapshot is loaded in the engine yet.');
		return this.#snapshot;
	}

	/** The findings, with the admin-principal / escalation-path ones when the access-path verdicts are given. */
	#findingsOf(verdicts?: PrincipalVerdict[]): Finding[] {
		const snapshot = this.#requireSnapshot();
		if (verdicts)
			return findFindings(snapshot, {
				extraRules: [adminPrincipalRule(verdicts), escalationPathRule(verdicts)]
			});
		this.#findings ??= findFindings(snapshot);
		return this.#findings;
	}

	/** The access analyses of the loaded snapshot (sharing the evaluator when it is a full one). */
	#accessSession(): AccessSession {
		const evaluator = this.#requireEvaluator();
		const full = 'identityStatements' in evaluator ? (evaluator as Evaluator) : undefined;
		return (this.#access ??= new AccessSession(this.#snapshot!, full));
	}

	/** The catalog with every service loaded (what-can expands `*`), loaded once. */
	#wholeCatalog(): Promise<ActionCatalog> {
		this.#catalogComplete ??= this.#catalogReady().then(async (c) => {
			await c.ensure(c.servicePrefixes());
			return c;
		});
		this.#catalogComplete.catch(() => (this.#catalogComplete = null));
		return this.#catalogComplete;
	}

	#catalogReady(): Promise<ActionCatalog> {
		this.#catalog ??= this.#openCatalog().catch((e: Error) => {
			this.#catalog = null;
			throw new SessionError(
				'catalog.unavailable',
				`The action catalog could not be loaded: ${e.message}`
			);
		});
		return this.#catalog;
	}

	#whoCan(p: WhoCanParams): WhoCanResult {
		const evaluator = this.#requireEvaluator();
		const t = now();
		const counts: Record<Decision, number> = { allowed: 0, explicitDeny: 0, implicitDeny: 0 };
		const rows = (p.principals ?? this.#principals).map((principal) => {
			const r = evaluator.evaluate(
				{
					principal,
					action: p.action,
					resource: p.resource,
					resourceAccount: p.resourceAccount,
					context: p.context
				},
				BULK
			);
			counts[r.decision]++;
			return r.gap
				? { principal, decision: r.decision, gap: r.gap }
				: { principal, decision: r.decision };
		});
		return { rows, counts, ms: now() - t };
	}

	async #actionsForResource(p: ActionsForResourceParams): Promise<ActionsForResourceResult> {
		const evaluator = this.#requireEvaluator();
		const catalog = await this.#catalogReady();
		await catalog.ensureForArn(p.resource);
		const t = now();
		const found = catalog.actionsForResource(p.resource);
		const levels = Object.fromEntries(
			ACCESS_LEVELS.map((l) => [l, []])
		) as unknown as ActionsForResourceResult['levels'];
		if (found) {
			for (const level of ACCESS_LEVELS as AccessLevel[]) {
				levels[level] = found.levels[level].map((action) => {
					const r = evaluator.evaluate(
						{
							principal: p.principal,
							action,
							resource: p.resource,
							resourceAccount: p.resourceAccount,
							context: p.context
						},
						BULK
					);
					return r.gap
						? { action, decision: r.decision, gap: r.gap }
						: { action, decision: r.decision };
				});
			}
		}
		const resourceType = found && {
			service: found.service,
			resourceType: found.resourceType,
			arnPattern: found.arnPattern
		};
		return { resourceType, levels, ms: now() - t };
	}
}
