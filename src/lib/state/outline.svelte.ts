/**
 * View state of one snapshot's outline: which nodes are expanded and which long lists show in
 * full. Built per snapshot (the shell makes a new one when another snapshot opens). Children are
 * built once per node, on first expansion.
 */
import { SvelteSet } from 'svelte/reactivity';
import type { Snapshot } from '../model/snapshot';
import type { OutlineNode } from './outline/outline-node';
import { searchOutline } from './outline/outline-search';
import { buildOutline } from './outline/outline-tree';

/** Lists longer than this show their first rows and a "show all" button. */
export const OUTLINE_PAGE = 200;

/** Searches shorter than this show the whole outline (one letter matches nearly everything). */
export const MIN_QUERY = 2;

/** Expansion state over a snapshot's outline tree. */
export class OutlineView {
	/** The top-level nodes. */
	readonly roots: OutlineNode[];
	readonly expanded = new SvelteSet<string>();
	readonly showingAll = new SvelteSet<string>();
	// A plain memo, not state: filled while rendering, where writing state is not allowed.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#children = new Map<string, OutlineNode[]>();

	/** The find-in-outline text. */
	query = $state('');
	/** What the query found (null: no search, the whole outline shows). */
	matches = $derived.by(() =>
		this.query.trim().length >= MIN_QUERY
			? searchOutline(this.roots, (n) => this.childrenOf(n), this.query)
			: null
	);

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

	/** The children to render now: while searching, those on the way to a hit; else the first page unless "show all" was asked. */
	visibleChildren(node: OutlineNode): OutlineNode[] {
		const all = this.childrenOf(node);
		if (this.matches) return all.filter((c) => this.isShown(c));
		return this.showingAll.has(node.id) ? all : all.slice(0, OUTLINE_PAGE);
	}

	/** The top-level nodes to render now. */
	visibleRoots(): OutlineNode[] {
		return this.matches ? this.roots.filter((n) => this.isShown(n)) : this.roots;
	}

	/** While searching: whether a node is a hit or on the way to one. */
	isShown(node: OutlineNode): boolean {
		return !this.matches || this.matches.hits.has(node.id) || this.matches.open.has(node.id);
	}

	/** Whether a node is a search hit. */
	isHit(node: OutlineNode): boolean {
		return this.matches?.hits.has(node.id) ?? false;
	}

	isExpanded(node: OutlineNode): boolean {
		if (this.matches) return this.matches.open.has(node.id);
		return this.expanded.has(node.id);
	}

	/** Set the find-in-outline text. */
	search(query: string): void {
		this.query = query;
	}

	/** Open or close a node (ends a search: the outline then shows where the node is). */
	toggle(node: OutlineNode): void {
		if (this.matches) {
			for (const id of this.matches.open) this.expanded.add(id);
			this.query = '';
		}
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
		if (nodes === this.roots && nodes.length === 1 && nodes[0].kind === 'account')
			this.expanded.add(nodes[0].id);
	}
}
