/**
 * The view as Cytoscape element definitions (plain objects, no cytoscape import): nodes with
 * their `preset` positions and display text, edges with their kind, and the diff between what is
 * drawn and what should be, so the UI adds, removes and moves only what changed (in one batch).
 */
import type { GraphView } from './graph-view';
import type { GraphEdge, GraphNode } from './kinds';
import type { Point } from './geometry';
import type { Positions } from './layout';
import { EDGE_LOOK, KIND_LOOK, resourceGlyph } from './shapes';

/** A node as Cytoscape takes it. */
export interface NodeDefinition {
	group: 'nodes';
	data: GraphNode & { display: string; glyph: string };
	position: Point;
	classes: string;
}

/** An edge as Cytoscape takes it. */
export interface EdgeDefinition {
	group: 'edges';
	data: GraphEdge & { display: string };
	classes: string;
}

/** Either kind of element definition. */
export type ElementDefinition = NodeDefinition | EdgeDefinition;

/** The text under a node: its name, then a verdict badge when tracing, else its detail line. */
export function nodeDisplay(n: GraphNode, expanded: boolean, badge?: string): string {
	const more =
		n.childCount > 0
			? expanded
				? '  ⊖'
				: `  ⊕${n.kind === 'account' ? '' : ' ' + n.childCount}`
			: '';
	const name = n.label.length > 28 ? n.label.slice(0, 27) + '…' : n.label;
	return `${name}\n${badge ?? n.sub + more}`;
}

/** The glyph drawn inside a node. */
export const nodeGlyph = (n: GraphNode): string =>
	n.kind === 'resource' ? resourceGlyph(n.sub) : KIND_LOOK[n.kind].glyph;

/** Per-element decoration on top of the view: trace badges and classes (trace-classes.ts), selection, focus. */
export interface Decoration {
	badges?: Map<string, string>;
	classes?: Map<string, string[]>;
}

/** Element definitions for every visible, positioned node and edge. */
export function toElements(
	view: GraphView,
	positions: Positions,
	decor: Decoration = {}
): ElementDefinition[] {
	const expanded = new Set(view.expanded);
	const badges = decor.badges ?? new Map<string, string>();
	const extra = (id: string) => decor.classes?.get(id) ?? [];
	const out: ElementDefinition[] = [];
	for (const n of view.nodes.values()) {
		const position = positions.get(n.id);
		if (!position) continue;
		const classes = [
			n.childCount > 0 ? (expanded.has(n.id) ? 'expanded' : 'expandable') : '',
			...extra(n.id)
		]
			.filter(Boolean)
			.join(' ');
		out.push({
			group: 'nodes',
			data: {
				...n,
				display: nodeDisplay(n, expanded.has(n.id), badges.get(n.id)),
				glyph: nodeGlyph(n)
			},
			position,
			classes
		});
	}
	for (const e of view.edges.values())
		if (positions.has(e.source) && positions.has(e.target))
			out.push({
				group: 'edges',
				data: { ...e, display: EDGE_LOOK[e.kind].label },
				classes: extra(e.id).join(' ')
			});
	return out;
}

/** What to change to go from the drawn elements to the wanted ones. */
export interface ElementDiff {
	add: ElementDefinition[];
	remove: string[];
	/** Nodes whose position changed. */
	move: NodeDefinition[];
	/** Elements whose display text or classes changed. */
	update: ElementDefinition[];
}

/** The drawn state the diff compares against: position and display per node id, edge ids. */
export interface DrawnState {
	nodes: Map<string, { position: Point; display: string; classes: string }>;
	edges: Map<string, string>;
}

/** The diff between the drawn state and the wanted elements. */
export function diffElements(drawn: DrawnState, wanted: ElementDefinition[]): ElementDiff {
	const diff: ElementDiff = { add: [], remove: [], move: [], update: [] };
	const seen = new Set<string>();
	for (const el of wanted) {
		seen.add(el.data.id);
		if (el.group === 'edges') {
			const classes = drawn.edges.get(el.data.id);
			if (classes === undefined) diff.add.push(el);
			else if (classes !== el.classes) diff.update.push(el);
			continue;
		}
		const d = drawn.nodes.get(el.data.id);
		if (!d) diff.add.push(el);
		else {
			if (d.position.x !== el.position.x || d.position.y !== el.position.y) diff.move.push(el);
			if (d.display !== el.data.display || d.classes !== el.classes) diff.update.push(el);
		}
	}
	for (const id of drawn.nodes.keys()) if (!seen.has(id)) diff.remove.push(id);
	for (const id of drawn.edges.keys()) if (!seen.has(id)) diff.remove.push(id);
	return diff;
}

/** The drawn state after applying `wanted` in full. */
export function drawnStateOf(wanted: ElementDefinition[]): DrawnState {
	const state: DrawnState = { nodes: new Map(), edges: new Map() };
	for (const el of wanted)
		if (el.group === 'edges') state.edges.set(el.data.id, el.classes);
		else
			state.nodes.set(el.data.id, {
				position: el.position,
				display: el.data.display,
				classes: el.classes
			});
	return state;
}
