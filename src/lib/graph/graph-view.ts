/**
 * The visible graph: the org spine plus what each expanded node reveals, replayed in the order
 * the user expanded them (so the same list always gives the same view and the same layout),
 * plus the relations (membership, trust, attachment, grants) between nodes that are visible.
 */
import type { GraphSource } from './graph-source';
import type { GraphEdge, GraphNode } from './kinds';

/** What is on screen (before focus filtering). */
export interface GraphView {
	nodes: Map<string, GraphNode>;
	edges: Map<string, GraphEdge>;
	/** The node that revealed each node (its layout parent); null for the top node. */
	parent: Map<string, string | null>;
	/** The expansions that took effect, in order (an expansion of a hidden node is dropped). */
	expanded: string[];
}

const RELATED = new Set(['user', 'group', 'role', 'resource']);

/**
 * Build the visible graph for an ordered list of expanded node ids, plus `pinned` nodes that must
 * show whatever is expanded (a traced resource not in the snapshot), each under its account when
 * that is visible, else under the top node.
 */
export function buildView(
	source: GraphSource,
	expanded: readonly string[],
	pinned: readonly GraphNode[] = []
): GraphView {
	const view: GraphView = { nodes: new Map(), edges: new Map(), parent: new Map(), expanded: [] };
	const spine = source.spine();
	for (const n of spine.nodes) view.nodes.set(n.id, n);
	for (const e of spine.edges) {
		view.edges.set(e.id, e);
		// Org containment runs parent → child; an SCP/RCP edge runs attachment → target.
		if (e.kind === 'contains') view.parent.set(e.target, e.source);
		else view.parent.set(e.source, e.target);
	}
	view.parent.set(source.rootId, null);
	const pending: typeof spine.edges = [];
	for (const id of expanded) {
		const node = view.nodes.get(id);
		if (!node || view.expanded.includes(id)) continue;
		view.expanded.push(id);
		const r = source.reveal(node);
		for (const n of r.nodes)
			if (!view.nodes.has(n.id)) {
				view.nodes.set(n.id, n);
				view.parent.set(n.id, id);
			}
		pending.push(...r.edges);
	}
	for (const n of pinned)
		if (!view.nodes.has(n.id)) {
			view.nodes.set(n.id, n);
			const home = n.accountId && view.nodes.has(n.accountId) ? n.accountId : source.rootId;
			view.parent.set(n.id, home);
			pending.push({
				id: `${home}->${n.id}:contains`,
				source: home,
				target: n.id,
				kind: 'contains'
			});
		}
	for (const n of view.nodes.values())
		if (RELATED.has(n.kind)) pending.push(...source.relations(n));
	for (const e of pending)
		if (e.source !== e.target && view.nodes.has(e.source) && view.nodes.has(e.target))
			view.edges.set(e.id, e);
	return view;
}

/** The expansion list with `id` added at the end (no-op when present). */
export const withExpanded = (expanded: readonly string[], id: string): string[] =>
	expanded.includes(id) ? [...expanded] : [...expanded, id];

/** The expansion list without `id` and without the expansions of nodes only `id` revealed. */
export function withCollapsed(
	source: GraphSource,
	expanded: readonly string[],
	id: string
): string[] {
	const rest = expanded.filter((x) => x !== id);
	const view = buildView(source, rest);
	return view.expanded;
}
