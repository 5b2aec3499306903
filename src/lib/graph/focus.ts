/**
 * The focus view: the neighbourhood of one node within a hop limit, over the visible graph's
 * edges in either direction (and the layout parent link, so a principal keeps its account).
 */
import type { GraphView } from './graph-view';

/** Node ids within `hops` of `center` (including it); empty when the centre is not visible. */
export function neighbourhood(view: GraphView, center: string, hops: number): Set<string> {
	const out = new Set<string>();
	if (!view.nodes.has(center)) return out;
	const adj = new Map<string, string[]>();
	const link = (a: string, b: string) => {
		adj.set(a, [...(adj.get(a) ?? []), b]);
		adj.set(b, [...(adj.get(b) ?? []), a]);
	};
	for (const e of view.edges.values()) link(e.source, e.target);
	for (const [child, parent] of view.parent)
		if (parent && view.nodes.has(child)) link(child, parent);
	let frontier = [center];
	out.add(center);
	for (let h = 0; h < hops; h++) {
		const next: string[] = [];
		for (const id of frontier)
			for (const n of adj.get(id) ?? [])
				if (!out.has(n)) {
					out.add(n);
					next.push(n);
				}
		frontier = next;
	}
	return out;
}

/** Focus classes: `focus-hidden` on every node and edge outside the neighbourhood. */
export function focusClasses(view: GraphView, keep: Set<string>): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const id of view.nodes.keys()) if (!keep.has(id)) out.set(id, ['focus-hidden']);
	for (const e of view.edges.values())
		if (!keep.has(e.source) || !keep.has(e.target)) out.set(e.id, ['focus-hidden']);
	return out;
}
