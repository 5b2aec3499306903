/**
 * Find in the outline: the nodes whose name or key (id, ARN) contains the query, with the path
 * down to each, so the filtered outline shows every hit in place. It builds children as it walks
 * (through the caller's memo), so the whole tree is searched, not just what is expanded.
 */
import type { OutlineNode } from './outline-node';

/** What a search found. */
export interface OutlineMatches {
	/** Ids of the nodes that matched. */
	hits: Set<string>;
	/** Ids of the nodes on the way to a hit (shown open). */
	open: Set<string>;
	/** True when the search stopped at the limit. */
	truncated: boolean;
}

// Lower-cased text per node, computed once: a search re-walks the tree on every keystroke.
const texts = new WeakMap<OutlineNode, string>();

/** What a node is found by: its name and its key (the id's last segment: an ARN or id). */
function searchText(node: OutlineNode): string {
	let text = texts.get(node);
	if (text === undefined) {
		text =
			node.kind === 'folder'
				? ''
				: `${node.label}\n${node.id.slice(node.id.lastIndexOf('>') + 1)}`.toLowerCase();
		texts.set(node, text);
	}
	return text;
}

/** Search the tree below `roots` for `query` (case-insensitive), stopping after `limit` hits. */
export function searchOutline(
	roots: OutlineNode[],
	childrenOf: (node: OutlineNode) => OutlineNode[],
	query: string,
	limit = 200
): OutlineMatches {
	const needle = query.trim().toLowerCase();
	const result: OutlineMatches = { hits: new Set(), open: new Set(), truncated: false };
	const path: OutlineNode[] = [];
	const visit = (nodes: OutlineNode[]): boolean => {
		for (const node of nodes) {
			if (result.hits.size >= limit) {
				result.truncated = true;
				return false;
			}
			// Folders ("Users") are structure, not things: only their contents can match. The detail is
			// prose ("2 users · …") and is not searched.
			if (searchText(node).includes(needle)) {
				result.hits.add(node.id);
				for (const above of path) result.open.add(above.id);
			}
			if (node.childCount > 0) {
				path.push(node);
				const more = visit(childrenOf(node));
				path.pop();
				if (!more) return false;
			}
		}
		return true;
	};
	if (needle) visit(roots);
	return result;
}
