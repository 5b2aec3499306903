/**
 * The graph explorer's view state for one open snapshot: which nodes are expanded (in order),
 * their positions (kept stable: graph/layout.ts), selection, focus, search, theme and the trace
 * (explorer-trace.svelte.ts). It derives the Cytoscape element definitions the canvas draws; the
 * canvas (ui/graph/cy-attachment.svelte.ts) owns the `cy` instance and only applies diffs.
 */
/* eslint-disable svelte/prefer-svelte-reactivity -- the maps here are immutable values, replaced whole ($state.raw / $derived), never mutated in place */
import { defaultContext } from '../engine/request/default-context';
import { snapshotFingerprint } from '../model/fingerprint';
import { indexSnapshot } from '../model/snapshot-index';
import type { Snapshot } from '../model/snapshot';
import { toElements, type ElementDefinition } from '../graph/elements';
import { focusClasses, neighbourhood } from '../graph/focus';
import { GraphSource } from '../graph/graph-source';
import { buildView, withCollapsed, withExpanded, type GraphView } from '../graph/graph-view';
import type { GraphNode } from '../graph/kinds';
import { externalNode } from '../graph/node-factory';
import { extendLayout, type Positions } from '../graph/layout';
import {
	buildSearchIndex,
	searchEntries,
	typedEntry,
	type SearchEntry
} from '../graph/search-index';
import { traceBadges, traceClasses } from '../graph/trace-classes';
import { emptyViewState, type ExplorerViewState } from '../graph/view-hash';
import { encodeViewQuery } from '../graph/view-link';
import { isStopped } from '../workers/engine-client';
import type { ExplorerEngine } from './explorer-engine';
import { ExplorerTrace } from './explorer-trace.svelte';
import { WhoCanState } from './who-can.svelte';
import { AccessState } from './access.svelte';

/** What the canvas lends the state for export and camera moves (set by the attachment). */
export interface CanvasHandle {
	png(): Promise<Blob>;
	fit(ids?: string[]): void;
	centre(id: string): void;
	zoomBy(factor: number): void;
	panBy(dx: number, dy: number): void;
	/** Centre the view on a model position (the overview's click). */
	centreAt(x: number, y: number): void;
}

/** The explorer's state. */
export class ExplorerState {
	readonly snapshot: Snapshot;
	readonly snapshotId: string | null;
	readonly source: GraphSource;
	readonly trace: ExplorerTrace;
	readonly whoCan: WhoCanState;
	readonly access: AccessState;
	readonly engine: ExplorerEngine;
	view = $state.raw<GraphView>() as GraphView;
	positions = $state.raw<Positions>(new Map());
	selected = $state<string | null>(null);
	focus = $state.raw<{ id: string; hops: number } | null>(null);
	searchHit = $state<string | null>(null);
	themeName = $state<'light' | 'dark'>('light');
	/** The part of the graph in view (model coordinates), kept by the canvas for the overview. */
	viewport = $state.raw<{ x1: number; y1: number; x2: number; y2: number } | null>(null);
	/** Why the engine could not load the snapshot (shown in the explorer), or null. */
	engineError = $state<string | null>(null);
	/** Why the link the explorer was opened with was not applied (wrong snapshot), or null. */
	linkProblem = $state<string | null>(null);
	/** The canvas, once mounted (not reactive). */
	canvas: CanvasHandle | null = null;
	#search: SearchEntry[] | null = null;
	#rawEngine: ExplorerEngine;
	#loaded: Promise<unknown> | null = null;
	#pinned: GraphNode[] = [];
	#fingerprint: string | null;

	/** The snapshot's content fingerprint (given by the library, else computed once here). */
	get fingerprint(): string {
		this.#fingerprint ??= snapshotFingerprint(this.snapshot);
		return this.#fingerprint;
	}

	/** The view as a link's query string (`?snapshot=<fingerprint>&principal=…`). */
	get linkQuery(): string {
		return encodeViewQuery({ ...this.viewState, snapshot: this.fingerprint });
	}

	/**
	 * Open a link's view when it names this snapshot (by fingerprint or store id) or none; otherwise
	 * say so and trace nothing. Returns whether it was applied.
	 */
	openLink(v: ExplorerViewState): boolean {
		if (v.snapshot && v.snapshot !== this.fingerprint && v.snapshot !== this.snapshotId) {
			this.linkProblem =
				`This link is for a snapshot this browser does not hold (fingerprint ${v.snapshot}). ` +
				'Import the same data here to open it; nothing was traced.';
			return false;
		}
		this.linkProblem = null;
		void this.applyViewState(v);
		return true;
	}

	/** The traced principal's and resource's graph nodes. */
	traceEnds = $derived.by(() => {
		const { principal, resource } = this.trace;
		if (!principal || !resource) return null;
		return {
			subject: this.source.principalNodeId(principal),
			object: this.source.objectNode(resource).id
		};
	});

	/** Highlight classes of the current trace (empty when there is none). */
	traceHighlight = $derived.by(() => {
		const result = this.trace.result;
		const ends = this.traceEnds;
		if (!result || !ends) return new Map<string, string[]>();
		return traceClasses(result, {
			...ends,
			nodes: this.view.nodes.keys(),
			edges: this.view.edges.values(),
			parent: this.view.parent
		});
	});

	/** Element definitions to draw. */
	elements = $derived.by((): ElementDefinition[] => {
		const classes = new Map(this.traceHighlight);
		if (this.focus)
			for (const [id, c] of focusClasses(
				this.view,
				neighbourhood(this.view, this.focus.id, this.focus.hops)
			))
				classes.set(id, [...(classes.get(id) ?? []), ...c]);
		if (this.searchHit)
			classes.set(this.searchHit, [...(classes.get(this.searchHit) ?? []), 'search-hit']);
		for (const id of this.access.overlay.ends)
			classes.set(id, [...(classes.get(id) ?? []), 'access-end']);
		const elements = toElements(this.view, this.positions, {
			classes,
			badges: traceBadges(this.traceHighlight)
		});
		// the Access view's overlay: escalation steps and role chains between visible nodes
		for (const e of this.access.overlay.edges)
			if (this.positions.has(e.data.source) && this.positions.has(e.data.target)) elements.push(e);
		return elements;
	});

	/** The view as a link encodes it. */
	viewState = $derived.by((): ExplorerViewState => ({
		...emptyViewState(this.snapshotId),
		expanded: this.view.expanded,
		selected: this.selected,
		focus: this.focus,
		principal: this.trace.principal,
		resource: this.trace.resource,
		action: this.trace.action,
		context: this.trace.userContext
	}));

	constructor(
		snapshot: Snapshot,
		engine: ExplorerEngine,
		snapshotId: string | null = null,
		fingerprint: string | null = null
	) {
		this.#fingerprint = fingerprint;
		this.snapshot = snapshot;
		this.snapshotId = snapshotId;
		this.source = new GraphSource(indexSnapshot(snapshot));
		// Every call waits for the snapshot to be in the worker; loading starts on first use or
		// when the canvas has painted (so posting 20,000 principals never delays the org view).
		const ready =
			<A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
			async (...a: A): Promise<R> => {
				await this.loadEngine();
				return f(...a);
			};
		const lazy: ExplorerEngine = {
			load: (s) => engine.load(s),
			evaluate: ready((r, o) => engine.evaluate(r, o)),
			actionsForResource: ready((p, o) => engine.actionsForResource(p, o)),
			completions: ready((p, l, o) => engine.completions(p, l, o)),
			lintPolicy: ready((d, o) => engine.lintPolicy(d, o)),
			whoCan: engine.whoCan ? ready((p, o) => engine.whoCan!(p, o)) : undefined,
			checkQuestion: engine.checkQuestion ? (a, r, o) => engine.checkQuestion!(a, r, o) : undefined,
			findings: engine.findings ? ready((p, o) => engine.findings!(p, o)) : undefined,
			report: engine.report ? ready((p, o) => engine.report!(p, o)) : undefined,
			access: engine.access ? ready((p, o) => engine.access!(p, o)) : undefined,
			accessService: engine.accessService
				? ready((p, s, o) => engine.accessService!(p, s, o))
				: undefined,
			organization: engine.organization ? ready((o) => engine.organization!(o)) : undefined
		};
		this.#rawEngine = engine;
		this.engine = lazy;
		const index = this.source.index;
		this.whoCan = new WhoCanState(lazy.whoCan, () => this.trace, {
			accountOf: (arn) => index.principals.get(arn)?.account.id,
			accountName: (id) => index.accounts.get(id)?.name ?? index.orgAccounts.get(id)?.name
		});
		this.trace = new ExplorerTrace(
			lazy,
			() => this.revealTrace(),
			() => void this.whoCan.refresh(),
			(principal, resource) => defaultContext(index, principal, resource)
		);
		this.access = new AccessState({
			engine: lazy,
			nodeOf: (arn) =>
				this.source.nodeFor(this.source.principalNodeId(arn))
					? this.source.principalNodeId(arn)
					: this.source.nodeFor(arn)
						? arn
						: null,
			revealAll: (ids) => this.revealAll(ids),
			trace: async (r) => {
				await this.trace.setAll({
					principal: r.principal,
					resource: r.resource,
					action: r.action,
					context: r.context ?? {}
				});
				this.revealTrace();
			}
		});
		this.#setExpanded([]);
	}

	/** Make several model objects visible at once (the Access view's paths), without selecting them. */
	revealAll(ids: string[]): void {
		let list = [...this.view.expanded];
		for (const id of ids)
			for (const s of this.source.expansionsFor(id) ?? []) list = withExpanded(list, s);
		this.#setExpanded(list);
	}

	/**
	 * Hand the snapshot to the engine worker (once): by id when it is stored (the worker reads it
	 * from IndexedDB, nothing is copied on the main thread), posted otherwise. The returned promise
	 * may reject, but a rejection is always handled here: a worker stopped because the explorer
	 * unmounted is ignored, any other failure is kept in `engineError` for the UI.
	 */
	loadEngine(): Promise<unknown> {
		if (this.#loaded) return this.#loaded;
		const engine = this.#rawEngine;
		const loaded =
			this.snapshotId && engine.loadStored
				? engine.loadStored(this.snapshotId)
				: engine.load(this.snapshot);
		loaded.catch((e: unknown) => {
			if (!isStopped(e)) this.engineError = e instanceof Error ? e.message : String(e);
		});
		this.#loaded = loaded;
		return loaded;
	}

	/** The selected node's data, if visible. */
	get selectedNode(): GraphNode | null {
		return this.selected
			? (this.view.nodes.get(this.selected) ?? this.source.nodeFor(this.selected))
			: null;
	}

	#setExpanded(list: string[]): void {
		const view = buildView(this.source, list, this.#pinned);
		this.positions = extendLayout(this.positions, view, this.source.rootId);
		this.view = view;
	}

	/** Expand a node (show what it contains or references). */
	expand(id: string): void {
		this.#setExpanded(withExpanded(this.view.expanded, id));
	}

	/** Collapse a node (and what only it revealed). */
	collapse(id: string): void {
		this.#setExpanded(withCollapsed(this.source, this.view.expanded, id));
	}

	/** Expand or collapse. */
	toggle(id: string): void {
		if (this.view.expanded.includes(id)) this.collapse(id);
		else this.expand(id);
	}

	/** Make a model object visible (expanding its account / owner) and select it. */
	reveal(id: string): boolean {
		const steps = this.source.expansionsFor(id);
		if (!steps) return false;
		let list = [...this.view.expanded];
		for (const s of steps) list = withExpanded(list, s);
		this.#setExpanded(list);
		this.selected = id;
		this.searchHit = id;
		return this.view.nodes.has(id);
	}

	/** Select a node (details panel). */
	select(id: string | null): void {
		this.selected = id;
	}

	/** Search everything in the snapshot. */
	search(query: string, limit = 12): SearchEntry[] {
		this.#search ??= buildSearchIndex(this.source.index);
		const found = searchEntries(this.#search, query, limit);
		const typed = typedEntry(query);
		return typed && !found.some((e) => e.id === typed.id) ? [typed, ...found] : found;
	}

	/** Show only the neighbourhood of a node within `hops`; null to show everything. */
	setFocus(id: string | null, hops = 2): void {
		this.focus = id ? { id, hops } : null;
	}

	/** Trace from this principal (and show it). */
	usePrincipal(id: string | null): void {
		this.trace.setPrincipal(id);
		this.revealTrace();
	}

	/** Trace to this resource (and show it). */
	useResource(id: string | null): void {
		this.trace.setResource(id);
		this.revealTrace();
	}

	/** Expand what a trace needs on screen: both accounts, the principal and the groups it came through. */
	revealTrace(): void {
		const { principal, resource, result } = this.trace;
		if (!principal || !resource) return;
		const subject = this.source.principalNodeId(principal);
		const object = this.source.objectNode(resource);
		const pinned = [
			...(this.source.nodeFor(subject) ? [] : [externalNode(subject, 'AWS')]),
			...(this.source.nodeFor(object.id) ? [] : [object])
		];
		const samePins =
			pinned.length === this.#pinned.length && pinned.every((n, i) => n.id === this.#pinned[i].id);
		this.#pinned = pinned;
		let list = [...this.view.expanded];
		for (const id of [
			...(this.source.expansionsFor(subject) ?? []),
			subject,
			...(this.source.expansionsFor(object.id) ?? [])
		])
			list = withExpanded(list, id);
		if (object.accountId && this.source.index.accounts.has(object.accountId))
			list = withExpanded(list, object.accountId);
		for (const layer of result?.layers ?? [])
			for (const p of layer.policies) if (p.via) list = withExpanded(list, p.via);
		// A context edit on the same path changes nothing on screen: keep the view (no rebuild).
		const same =
			samePins &&
			list.length === this.view.expanded.length &&
			list.every((id, i) => id === this.view.expanded[i]);
		if (!same) this.#setExpanded(list);
	}

	/** Reopen a view from a link. */
	async applyViewState(v: ExplorerViewState): Promise<void> {
		this.#setExpanded(v.expanded);
		this.selected = v.selected;
		this.focus = v.focus;
		await this.trace.setAll({
			principal: v.principal,
			resource: v.resource,
			action: v.action,
			context: v.context
		});
		this.revealTrace();
	}
}
