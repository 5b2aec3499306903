/**
 * View state of one snapshot's outline: which nodes are expanded and which long lists show in
 * full. Built per snapshot (the shell makes a new one when another snapshot opens). Children are
 * built once per node, on first expansion.
 */
import { SvelteSet } from 'svelte/reactivity';
import type { Snapshot } from '../model/snapshot';
import type { OutlineNode } from './outline/outline-node';
import { buildOutline } from './outline/outline-tree';

/** Lists longer than this show their first rows and a "show all" button. */
export const OUTLINE_PAGE = 200;

/** Expansion state over a snapshot's outline tree. */
export class OutlineView {
	/** The top-level nodes. */
	readonly roots: OutlineNode[];
	readonly expanded = new SvelteSet<string>();
	readonly showingAll = new SvelteSet<string>();
	// A plain memo, not state: filled while rendering, where writing state is not allowed.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#children = new Map<string, OutlineNode[]>();

	constructor(snapshot: Snapshot) {
		this.roots = buildOutline(snapshot);
		this.#expandSpine(this.roots);
	}

	/** A node's children, built on first call and kept. */
	childrenOf(node: OutlineNode): OutlineNode[] {
		let children = this.#children.get(node.id);
		if (!children) {
			children = node.children();
			this.#children.set(node.id, children);
		}
		return children;
	}

	/** The children to render now (the first page unless "show all" was asked). */
	visibleChildren(node: OutlineNode): OutlineNode[] {
		const all = this.childrenOf(node);
		return this.showingAll.has(node.id) ? all : all.slice(0, OUTLINE_PAGE);
	}

	isExpanded(node: OutlineNode): boolean {
		return this.expanded.has(node.id);
	}

	/** Open or close a node. */
	toggle(node: OutlineNode): void {
		if (this.expanded.has(node.id)) this.expanded.delete(node.id);
		else if (node.childCount > 0) this.expanded.add(node.id);
	}

	/** Render every child of a long list. */
	showAll(node: OutlineNode): void {
		this.showingAll.add(node.id);
	}

	/** Close everything but the organization spine. */
	collapseAll(): void {
		this.expanded.clear();
		this.#expandSpine(this.roots);
	}

	/** Open the root and every OU (so the org tree down to accounts shows at once). */
	#expandSpine(nodes: OutlineNode[]): void {
		for (const node of nodes) {
			if (node.kind === 'root' || node.kind === 'ou' || node.kind === 'organization') {
				this.expanded.add(node.id);
				this.#expandSpine(this.childrenOf(node));
			}
		}
		// A snapshot of one lone account opens it.
		if (nodes === this.roots && nodes.length === 1 && nodes[0].kind === 'account') this.expanded.add(nodes[0].id);
	}
}
