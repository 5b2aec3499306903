/**
 * The vocabulary of the graph: node and edge kinds and the plain element data the pure graph/
 * module hands to Cytoscape. Ids are model ids (model/ids.ts) except where one model object
 * appears in several places: an SCP/RCP attachment is `<policy id>@<target id>` (see attachmentId).
 */

/** What a node stands for; each kind has its own shape and icon (style.ts, icons.ts). */
export type NodeKind =
	| 'root'
	| 'ou'
	| 'account'
	| 'scp'
	| 'rcp'
	| 'group'
	| 'user'
	| 'role'
	| 'policy'
	| 'inline'
	| 'resource'
	| 'external';

/** What an edge means. */
export type EdgeKind =
	| 'contains'
	| 'scp'
	| 'rcp'
	| 'member'
	| 'may-assume'
	| 'attached'
	| 'inline'
	| 'boundary'
	| 'reaches'
	| 'grants'
	| 'escalates';

/** One node's data as Cytoscape receives it (`data` of an element definition). */
export interface GraphNode {
	id: string;
	kind: NodeKind;
	/** Short display name. */
	label: string;
	/** The model id it stands for (equals id except for attachments and externals). */
	ref: string;
	/** A second line: account id, resource kind, ARN tail… */
	sub: string;
	/** The account it belongs to, when it belongs to one. */
	accountId: string | null;
	/** Whether it can be expanded, and how many things expanding it would show. */
	childCount: number;
	/** Which row of its parent's block it goes in (layout.ts groups siblings by it). */
	row: number;
}

/** One edge's data as Cytoscape receives it. */
export interface GraphEdge {
	id: string;
	source: string;
	target: string;
	kind: EdgeKind;
}

/** Id of the node showing one SCP/RCP attached to one root, OU or account. */
export const attachmentId = (policyId: string, targetId: string): string =>
	`${policyId}@${targetId}`;

/** Id of an edge: stable, derived from its ends and meaning. */
export const edgeId = (source: string, target: string, kind: EdgeKind): string =>
	`${source}->${target}:${kind}`;

/** Id of the stand-in root when a snapshot has no organization. */
export const NO_ORG_ROOT = 'snapshot-root';
