/**
 * The outline's node shape and the small helpers the outline builders share. A node's children
 * are built lazily (only when it is expanded), so a 20,000-principal snapshot costs nothing until
 * someone opens an account.
 */
import type { SnapshotIndex } from '../../model/snapshot-index';

/** What the builders read: the snapshot's lookups and the keys of its dangling references. */
export interface OutlineContext extends SnapshotIndex {
	/** danglingKey(kind, from, ref) of every unresolved reference. */
	dangling: Set<string>;
}

/** What a node stands for; the UI picks its icon and wording from this. */
export type OutlineKind =
	| 'organization'
	| 'root'
	| 'ou'
	| 'account'
	| 'folder'
	| 'user'
	| 'group'
	| 'role'
	| 'policy'
	| 'org-policy'
	| 'resource'
	| 'note';

/** One row of the outline. */
export interface OutlineNode {
	/** Unique within the tree: the parent's id, '>' and this node's key. */
	id: string;
	kind: OutlineKind;
	label: string;
	/** Secondary text (an id, ARN or summary). */
	detail?: string;
	/** A count shown as a badge (e.g. accounts below an OU, users in a folder). */
	count?: number;
	/** The count in words, shown instead of the bare number when the node does not make it obvious ("3 accounts"). */
	countLabel?: string;
	/** Set when the node is a dangling reference: why, in words. */
	dangling?: string;
	/** Short tags shown beside the label (e.g. "management", "default v3"). */
	badges?: string[];
	/** Number of children, known without building them. */
	childCount: number;
	/** Build the children (called when the node is expanded). */
	children: () => OutlineNode[];
}

/** Fields a builder gives; the id and children default sensibly. */
export type NodeSpec = Omit<OutlineNode, 'id' | 'childCount' | 'children'> & {
	key: string;
	children?: () => OutlineNode[];
	childCount?: number;
};

/** Make a node under `parentId` (a leaf unless children are given). */
export function node(parentId: string, spec: NodeSpec): OutlineNode {
	const { key, children, childCount, ...rest } = spec;
	return {
		...rest,
		id: parentId ? `${parentId}>${key}` : key,
		childCount: childCount ?? 0,
		children: children ?? (() => [])
	};
}

/** A folder node ("Users", "Roles", …) whose count is its number of items; empty lists give null. */
export function folder<T>(
	parentId: string,
	key: string,
	label: string,
	items: readonly T[],
	build: (id: string, item: T) => OutlineNode
): OutlineNode | null {
	if (items.length === 0) return null;
	const id = `${parentId}>${key}`;
	return {
		id,
		kind: 'folder',
		label,
		count: items.length,
		childCount: items.length,
		children: () => items.map((item) => build(id, item))
	};
}

/** Drop the nulls of optional folders. */
export const present = (nodes: (OutlineNode | null)[]): OutlineNode[] =>
	nodes.filter((n): n is OutlineNode => n !== null);

// One collator for every sort: localeCompare with options builds a new one per call.
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Compare by a name, case-insensitively and numerically ("acct-2" before "acct-10"). */
export const byName =
	<T>(name: (t: T) => string) =>
	(a: T, b: T): number =>
		collator.compare(name(a), name(b));

/** "3 users" / "1 user". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
