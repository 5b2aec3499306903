/**
 * What the graph explorer needs from the engine worker: the EngineClient of
 * src/lib/workers/engine-client.ts satisfies it; tests pass a fake that calls the engine directly.
 */
import type { CatalogFinding } from '../engine/catalog/lint-policy';
import type { QuestionCheck } from '../engine/catalog/question-check';
import type { EvalRequest, EvalResult } from '../engine/types';
import type { PolicyDocument } from '../model/policy-document';
import type { Snapshot } from '../model/snapshot';
import type {
	AccessResult,
	AccessServiceResult,
	ActionsForResourceParams,
	ActionsForResourceResult,
	EngineCalls,
	OrganizationAccessResult,
	WhoCanParams,
	WhoCanResult
} from '../workers/engine-protocol';
import type { CallOptions } from '../workers/engine-client';

/** The engine calls the explorer makes. */
export interface ExplorerEngine {
	load(snapshot: Snapshot): Promise<unknown>;
	/** Load a stored snapshot by id, read inside the worker (preferred when the snapshot has an id). */
	loadStored?(snapshotId: string): Promise<unknown>;
	evaluate(request: EvalRequest, options?: CallOptions): Promise<EvalResult>;
	actionsForResource(
		params: ActionsForResourceParams,
		options?: CallOptions
	): Promise<ActionsForResourceResult>;
	completions(prefix: string, limit?: number, options?: CallOptions): Promise<string[]>;
	lintPolicy(document: PolicyDocument, options?: CallOptions): Promise<CatalogFinding[]>;
	/** Whether the question is right (unknown action, resource-type mismatch); optional for fakes. */
	checkQuestion?(
		action: string,
		resource: string | null,
		options?: CallOptions
	): Promise<QuestionCheck>;
	/** Every user and role's decision on one action and resource (the who-can section; optional for fakes). */
	whoCan?(params: WhoCanParams, options?: CallOptions): Promise<WhoCanResult>;
	/** The snapshot's findings (the findings view; optional for fakes). */
	findings?(
		params?: EngineCalls['findings']['params'],
		options?: CallOptions
	): Promise<EngineCalls['findings']['result']>;
	/** The review report's text (the report export; optional for fakes). */
	report?(params: EngineCalls['report']['params'], options?: CallOptions): Promise<string>;
	/** One principal's access paths and what-can summary (the Access view; optional for fakes). */
	access?(principal: string, options?: CallOptions): Promise<AccessResult>;
	/** One service of a principal's what-can (the Access view's drill-down). */
	accessService?(
		principal: string,
		service: string,
		options?: CallOptions
	): Promise<AccessServiceResult>;
	/** Administrators and principals that can become one, per account (the Organization view). */
	organization?(options?: CallOptions): Promise<OrganizationAccessResult>;
}
