/**
 * The typed messages between the app and the engine worker (house style §5). Each call is a
 * request `{ type, id, …params }` answered by exactly one reply `{ type, id, ok, result | error }`
 * with the same id. The engine itself stays synchronous and directly callable (engine/evaluate.ts);
 * this protocol is transport only.
 *
 * Two ways in for the snapshot: `loadStored {snapshotId}` makes the worker read it from IndexedDB
 * itself (src/lib/store) — preferred for stored snapshots, since nothing is serialised on the main
 * thread (posting 20,000 principals blocks it for hundreds of milliseconds); `load {snapshot}`
 * posts it (a structured clone, paid once per snapshot) for snapshots that are not stored (tests,
 * a file opened without saving).
 */
import type { AccessLevel } from '../engine/catalog/catalog-data';
import type { ResourceTypeMatch } from '../engine/catalog/action-catalog';
import type { CatalogFinding } from '../engine/catalog/lint-policy';
import type { QuestionCheck } from '../engine/catalog/question-check';
import type { ContextValue, Decision, EvalRequest, EvalResult, LayerName } from '../engine/types';
import type { PolicyDocument } from '../model/policy-document';
import type { ReviewNote, Snapshot } from '../model/snapshot';
import type { PrincipalVerdict } from '../analysis/findings/plugged';
import type { Finding } from '../analysis/findings/types';
import type { ReportFormat } from '../graph/report-document';
import type { AssumeEdge } from '../analysis/assume/assume';
import type { EscalationStatus, PrincipalEscalation } from '../analysis/escalation/escalation';
import type { WhatCanService } from '../analysis/what-can/what-can';

/** Request context keys, as EvalRequest takes them. */
export type EvalContext = Record<string, ContextValue>;

/** One principal's decision in a who-can or actions-for-resource answer. */
export interface DecisionRow {
	decision: Decision;
	/** The layer that failed to allow, for implicit denies. */
	gap?: LayerName;
}

/** "Who can do `action` on `resource`?" over every user and role of the snapshot (or the given principals). */
export interface WhoCanParams {
	action: string;
	resource: string;
	resourceAccount?: string;
	context?: EvalContext;
	/** Limit to these principal ARNs; default: every IAM user and role in the snapshot. */
	principals?: string[];
}

/** The decision for each principal, in snapshot order, with totals. */
export interface WhoCanResult {
	rows: Array<DecisionRow & { principal: string }>;
	counts: Record<Decision, number>;
	/** Time spent evaluating inside the worker, in milliseconds. */
	ms: number;
}

/** "What may `principal` do on `resource`?" for every catalog action of the resource's type. */
export interface ActionsForResourceParams {
	principal: string;
	resource: string;
	resourceAccount?: string;
	context?: EvalContext;
}

/** The resource's type and, per access level, each action with its decision (sorted by action). */
export interface ActionsForResourceResult {
	/** null when the catalog knows no resource type for the ARN (then `levels` are empty). */
	resourceType: ResourceTypeMatch | null;
	levels: Record<AccessLevel, Array<DecisionRow & { action: string }>>;
	ms: number;
}

/** One service of a principal's what-can, without the actions (the Access view's table row). */
export interface AccessServiceSummary {
	service: string;
	/** Allowed actions per access level. */
	levels: WhatCanService['levels'];
	/** Actions some Allow covers but a deny, SCP or boundary takes away everywhere. */
	takenAway: number;
	/** Actions listed in the drill-down. */
	actions: number;
}

/** One principal's access: escalation status and paths, role chains, what it can do per service. */
export interface AccessResult extends PrincipalEscalation {
	/** Role chains it can follow, shortest first (each an ordered list of assume edges). */
	chains: AssumeEdge[][];
	services: AccessServiceSummary[];
	/** Technique id → name, for the techniques on its paths. */
	techniques: Record<string, string>;
	ms: number;
	/** Where the time went, in the worker. */
	parts: { escalationMs: number; chainsMs: number; whatCanMs: number };
}

/** One service of a principal's what-can with every action and resource (null when none). */
export interface AccessServiceResult {
	service: WhatCanService | null;
	ms: number;
}

/** One account of the organization overview. */
export interface OrganizationAccount {
	account: string;
	name: string;
	/** Users and roles in the account. */
	principals: number;
	admins: string[];
	/** Principals that can become administrators (status escalates or conditional) and their shortest path. */
	escalates: Array<{
		principal: string;
		status: Exclude<EscalationStatus, 'admin' | 'none'>;
		reaches: string;
		steps: number;
	}>;
}

/** Administrators and principals that can become administrators, per account, counted. */
export interface OrganizationAccessResult {
	accounts: OrganizationAccount[];
	counts: Record<EscalationStatus, number>;
	ms: number;
}

/** Progress of a long call (`organization`), posted before its reply with the call's id. */
export interface EngineProgress {
	type: 'progress';
	id: number;
	done: number;
	total: number;
}

/** Every call the worker answers: its parameters and its result. */
export interface EngineCalls {
	/** Replace the snapshot (compiles the evaluator once). */
	load: { params: { snapshot: Snapshot }; result: { principals: number; ms: number } };
	/** Replace the snapshot with a stored one, read from IndexedDB inside the worker (error code store.not-found …). */
	loadStored: { params: { snapshotId: string }; result: { principals: number; ms: number } };
	/** One request with its full trace. */
	evaluate: { params: { request: EvalRequest }; result: EvalResult };
	whoCan: { params: WhoCanParams; result: WhoCanResult };
	actionsForResource: { params: ActionsForResourceParams; result: ActionsForResourceResult };
	/** Action-name completion ("s3:getob" → ["s3:GetObject", …]); loads the service's catalog file. */
	completions: { params: { prefix: string; limit?: number }; result: string[] };
	/** Condition-key completion for the request-context editor (globals, the action's keys, a typed service's keys). */
	conditionKeys: { params: { prefix: string; action?: string; limit?: number }; result: string[] };
	/** Whether a snapshot is loaded, and how many principals the background warm-up has compiled. */
	status: {
		params: Record<never, never>;
		result: { loaded: boolean; principals: number; warmed: number };
	};
	/** Unknown actions and condition keys of a policy, with JSON pointers. */
	lintPolicy: { params: { document: PolicyDocument }; result: CatalogFinding[] };
	/** Is the question right: unknown action (with close matches), action/resource-type mismatch (with a fix), the action's condition keys. */
	checkQuestion: { params: { action: string; resource: string | null }; result: QuestionCheck };
	/** The loaded snapshot's findings (analysis/findings), plus admin/escalation ones when verdicts are given. */
	findings: {
		params: { verdicts?: PrincipalVerdict[] };
		result: { findings: Finding[]; ms: number };
	};
	/** The review report of the loaded snapshot with these notes (the app's current ones), as Markdown or HTML text. */
	report: {
		params: {
			format: ReportFormat;
			generatedAt: string;
			notes: ReviewNote[];
			verdicts?: PrincipalVerdict[];
		};
		result: string;
	};
	/** One principal's access paths and what it can do (loads the whole action catalog once). */
	access: { params: { principal: string }; result: AccessResult };
	/** One service of a principal's what-can, with actions and resources. */
	accessService: { params: { principal: string; service: string }; result: AccessServiceResult };
	/** Every principal's escalation status, per account (posts EngineProgress while it runs). */
	organization: { params: Record<never, never>; result: OrganizationAccessResult };
}

/** The name of a call. */
export type EngineCallName = keyof EngineCalls;

/** A message to the worker. */
export type EngineRequest = {
	[K in EngineCallName]: { type: K; id: number } & EngineCalls[K]['params'];
}[EngineCallName];

/** A failure, as data (dotted codes: engine.no-snapshot, engine.failed, catalog.unavailable, store.*). */
export interface EngineError {
	code: string;
	message: string;
}

/** A message from the worker: the result of request `id`, or why it failed. */
export type EngineReply =
	| {
			[K in EngineCallName]: { type: K; id: number; ok: true; result: EngineCalls[K]['result'] };
	  }[EngineCallName]
	| { type: EngineCallName; id: number; ok: false; error: EngineError };
