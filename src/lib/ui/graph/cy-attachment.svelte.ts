/**
 * The one place a Cytoscape instance lives (house style §6): an attachment that loads cytoscape
 * lazily (so it is not in the first paint), creates `cy` on its element, applies the explorer's
 * element definitions as diffs inside one cy.batch, restyles on theme change, forwards taps,
 * lends the state a CanvasHandle (export, fit, centre: cy-camera.ts), and destroys `cy` — and
 * cancels every timer and frame it scheduled — when the element goes. Diffing is cy-apply.ts.
 */
import type { Attachment } from 'svelte/attachments';
import type { Core, StylesheetJson } from 'cytoscape';
import { untrack } from 'svelte';
import type { DrawnState, ElementDefinition } from '$lib/graph/elements';
import { buildStyle } from '$lib/graph/style';
import { themeNamed } from '$lib/graph/theme';
import type { ExplorerState } from '$lib/state/explorer.svelte';
import { applyElements } from './cy-apply';
import { canvasHandle, collect, frame } from './cy-camera';

/** Timings of the last redraws, for the bench and the debug panel (not reactive). */
export interface DrawStats {
	/** ms spent in the last apply (diff + batch). */
	lastApplyMs: number;
	/** ms from the last decision's arrival to its highlight being drawn. */
	traceHighlightMs: number | null;
	/** How many elements are drawn. */
	elements: number;
	applies: number;
	/** Frames Cytoscape has rendered (its `render` event), for the pan/zoom FPS bench. */
	renders: number;
	/** performance.now() marks of the first load: cytoscape imported, instance created, first batch applied. */
	marks?: Record<string, number>;
}

/** Timers and animation frames that die with the canvas. */
class Deferred {
	#timers = new Set<ReturnType<typeof setTimeout>>();
	#frames = new Set<number>();
	#cancelled = false;

	/** Run `fn` after `ms` unless cancelled first. */
	later(fn: () => void, ms = 0): void {
		if (this.#cancelled) return;
		const t = setTimeout(() => {
			this.#timers.delete(t);
			fn();
		}, ms);
		this.#timers.add(t);
	}

	/** Run `fn` on the next animation frame unless cancelled first. */
	frame(fn: () => void): void {
		if (this.#cancelled) return;
		const f = requestAnimationFrame(() => {
			this.#frames.delete(f);
			fn();
		});
		this.#frames.add(f);
	}

	/** Cancel everything pending, and anything asked for later. */
	cancel(): void {
		this.#cancelled = true;
		for (const t of this.#timers) clearTimeout(t);
		for (const f of this.#frames) cancelAnimationFrame(f);
		this.#timers.clear();
		this.#frames.clear();
	}
}

/** The camera bookkeeping of one canvas: fits it made, and whether the user has moved since. */
class Camera {
	/** The ids of the last programmatic fit (undefined: everything), re-fitted on resize. */
	lastFit: string[] | undefined = undefined;
	userMoved = false;
	#programmatic = 0;

	/** Run a camera move the user did not make (so resizes keep fitting until the user pans). */
	move(fn: () => void): void {
		this.#programmatic++;
		try {
			fn();
		} finally {
			this.#programmatic--;
		}
	}

	/** The viewport changed: by the user unless inside move(). */
	viewportChanged(): void {
		if (this.#programmatic === 0) this.userMoved = true;
	}

	/** Re-frame what was last fitted, unless the user has moved since. */
	refit(instance: Core): void {
		if (!this.userMoved)
			this.move(() =>
				frame(instance, this.lastFit?.length ? collect(instance, this.lastFit) : undefined)
			);
	}
}

/** Creates the instance for `el` and wires it to the explorer; returns how to stop its observers. */
function createInstance(
	cytoscape: typeof import('cytoscape'),
	el: HTMLElement,
	explorer: ExplorerState,
	stats: DrawStats,
	styledWith: string,
	camera: Camera,
	deferred: Deferred,
	mark: (name: string) => void
): { instance: Core; stop: () => void } {
	const instance = cytoscape({
		container: el,
		style: buildStyle(themeNamed(styledWith)) as unknown as StylesheetJson,
		layout: { name: 'preset' },
		minZoom: 0.03,
		maxZoom: 3,
		boxSelectionEnabled: false,
		selectionType: 'single'
	});
	instance.on('tap', 'node', (e) => explorer.select(e.target.id()));
	instance.on('dbltap', 'node', (e) => explorer.toggle(e.target.id()));
	instance.on('render', () => stats.renders++);
	instance.on('tap', (e) => {
		if (e.target === instance) explorer.select(null);
	});
	explorer.canvas = canvasHandle(instance, explorer, {
		camera: (fn) => camera.move(fn),
		later: (fn, ms) => deferred.later(fn, ms),
		fitted: (ids) => {
			camera.lastFit = ids;
			camera.userMoved = false;
		}
	});
	mark('created');
	instance.one('render', () => {
		mark('firstRender');
		// The org view is on screen: now hand the snapshot to the engine worker.
		// (loadEngine handles its own rejection: an unmount mid-load is ignored, a failure is shown.)
		deferred.later(() => void explorer.loadEngine(), 30);
	});
	let viewportQueued = false;
	/** Tell the state (the overview) what part of the graph is in view, once per frame. */
	const reportViewport = () => {
		if (viewportQueued) return;
		viewportQueued = true;
		deferred.frame(() => {
			viewportQueued = false;
			if (instance.destroyed()) return;
			const e = instance.extent();
			explorer.viewport = { x1: e.x1, y1: e.y1, x2: e.x2, y2: e.y2 };
		});
	};
	instance.on('viewport', () => {
		camera.viewportChanged();
		reportViewport();
	});
	// Cytoscape caches its container size: tell it when the panel around it changes, and
	// re-frame unless the user has moved the camera since the last programmatic fit.
	const resize = new ResizeObserver(() => {
		instance.resize();
		camera.refit(instance);
		reportViewport();
	});
	resize.observe(el);
	return { instance, stop: () => resize.disconnect() };
}

/** The canvas attachment for an explorer; `stats` is filled in as it draws. */
export function cyCanvas(explorer: ExplorerState, stats: DrawStats): Attachment<HTMLElement> {
	return (el) => {
		let cy = $state.raw<Core | null>(null);
		let styledWith = untrack(() => explorer.themeName);
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- plain bookkeeping of what cy holds, never read reactively
		let drawn: DrawnState = { nodes: new Map(), edges: new Map() };
		let disposed = false;
		let firstFit = true;
		let lastResultAt = 0;
		let stopResize = () => {};
		const camera = new Camera();
		const deferred = new Deferred();

		const mark = (name: string) => ((stats.marks ??= {})[name] ??= performance.now());
		mark('attach');
		void import('cytoscape').then(({ default: cytoscape }) => {
			if (disposed) return;
			mark('imported');
			const created = createInstance(
				cytoscape,
				el,
				explorer,
				stats,
				styledWith,
				camera,
				deferred,
				mark
			);
			stopResize = created.stop;
			cy = created.instance;
		});

		const apply = (instance: Core, wanted: ElementDefinition[]) => {
			const t0 = performance.now();
			drawn = applyElements(instance, drawn, wanted);
			mark('firstApplied');
			stats.lastApplyMs = performance.now() - t0;
			stats.elements = wanted.length;
			stats.applies++;
			if (explorer.trace.resultAt !== lastResultAt && explorer.trace.result) {
				lastResultAt = explorer.trace.resultAt;
				stats.traceHighlightMs = performance.now() - lastResultAt;
			}
			if (firstFit) {
				firstFit = false;
				camera.move(() => frame(instance));
			}
		};

		$effect(() => {
			const wanted = explorer.elements;
			if (cy) apply(cy, wanted);
		});
		$effect(() => {
			// Restyle only when the theme changes after creation (a full restyle is costly).
			const name = explorer.themeName;
			if (!cy || name === styledWith) return;
			styledWith = name;
			cy.style(buildStyle(themeNamed(name)) as unknown as StylesheetJson);
		});
		$effect(() => {
			const id = explorer.selected;
			if (!cy) return;
			const current = cy.$(':selected');
			if (current.length === 1 && current[0].id() === id) return;
			current.unselect();
			if (id) cy.getElementById(id).select();
		});

		return () => {
			disposed = true;
			deferred.cancel();
			stopResize();
			explorer.canvas = null;
			cy?.destroy();
		};
	};
}
