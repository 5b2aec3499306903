/**
 * The one place a Cytoscape instance lives (house style §6): an attachment that loads cytoscape
 * lazily (so it is not in the first paint), creates `cy` on its element, applies the explorer's
 * element definitions as diffs inside one cy.batch, restyles on theme change, forwards taps,
 * lends the state a CanvasHandle (export, fit, centre), and destroys `cy` when the element goes.
 */
import type { Attachment } from 'svelte/attachments';
import type {
	CollectionReturnValue,
	Core,
	ElementDefinition as CyElement,
	StylesheetJson
} from 'cytoscape';
import { untrack } from 'svelte';
import {
	diffElements,
	drawnStateOf,
	type DrawnState,
	type ElementDefinition
} from '$lib/graph/elements';
import { buildStyle } from '$lib/graph/style';
import { themeNamed } from '$lib/graph/theme';
import type { ExplorerState } from '$lib/state/explorer.svelte';

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
		let userMoved = false;
		/** The ids of the last programmatic fit (undefined: everything), re-fitted when the canvas resizes. */
		let lastFit: string[] | undefined = undefined;
		let programmatic = 0;
		let stopResize = () => {};
		/** Run a camera move the user did not make (so resizes keep fitting until the user pans). */
		const camera = (move: () => void) => {
			programmatic++;
			try {
				move();
			} finally {
				programmatic--;
			}
		};

		const mark = (name: string) => ((stats.marks ??= {})[name] ??= performance.now());
		mark('attach');
		void import('cytoscape').then(({ default: cytoscape }) => {
			if (disposed) return;
			mark('imported');
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
			explorer.canvas = {
				png: () =>
					instance.png({
						output: 'blob-promise',
						full: true,
						scale: 2,
						bg: themeNamed(explorer.themeName).background
					}) as Promise<Blob>,
				fit: (ids) =>
					setTimeout(() => {
						instance.resize();
						camera(() => frame(instance, ids?.length ? collect(instance, ids) : undefined));
						lastFit = ids;
						userMoved = false;
					}, 0),
				centre: (id) =>
					setTimeout(() => {
						const n = instance.getElementById(id);
						if (n.nonempty())
							camera(() => {
								instance.zoom(Math.max(instance.zoom(), 0.9));
								instance.center(n);
							});
					}, 0),
				panBy: (dx, dy) => instance.panBy({ x: dx, y: dy }),
				centreAt: (x, y) => {
					const z = instance.zoom();
					instance.pan({ x: instance.width() / 2 - x * z, y: instance.height() / 2 - y * z });
				},
				zoomBy: (f) =>
					instance.zoom({
						level: instance.zoom() * f,
						renderedPosition: { x: instance.width() / 2, y: instance.height() / 2 }
					})
			};
			mark('created');
			instance.one('render', () => {
				mark('firstRender');
				// The org view is on screen: now hand the snapshot to the engine worker.
				// (loadEngine handles its own rejection: an unmount mid-load is ignored, a failure is shown.)
				setTimeout(() => {
					if (!disposed) void explorer.loadEngine();
				}, 30);
			});
			cy = instance;
			let viewportQueued = false;
			/** Tell the state (the overview) what part of the graph is in view, once per frame. */
			const reportViewport = () => {
				if (viewportQueued) return;
				viewportQueued = true;
				requestAnimationFrame(() => {
					viewportQueued = false;
					if (instance.destroyed()) return;
					const e = instance.extent();
					explorer.viewport = { x1: e.x1, y1: e.y1, x2: e.x2, y2: e.y2 };
				});
			};
			instance.on('viewport', () => {
				if (programmatic === 0) userMoved = true;
				reportViewport();
			});
			// Cytoscape caches its container size: tell it when the panel around it changes, and
			// re-frame unless the user has moved the camera since the last programmatic fit.
			const resize = new ResizeObserver(() => {
				instance.resize();
				if (!userMoved)
					camera(() => frame(instance, lastFit?.length ? collect(instance, lastFit) : undefined));
				reportViewport();
			});
			resize.observe(el);
			stopResize = () => resize.disconnect();
		});

		/**
		 * Frame nodes by their centres (plus room for shapes and labels) instead of cy.fit, which
		 * measures every label's bounding box first — the slowest step of a first paint.
		 */
		const frame = (instance: Core, eles?: CollectionReturnValue) => {
			const nodes = (eles ?? instance.nodes()).nodes(':visible');
			if (nodes.empty()) return;
			let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
			nodes.forEach((n) => {
				const p = n.position();
				[x1, y1, x2, y2] = [
					Math.min(x1, p.x),
					Math.min(y1, p.y),
					Math.max(x2, p.x),
					Math.max(y2, p.y)
				];
			});
			// Room for shapes and labels; more on the right, where SCP/RCP tags and their names sit.
			const [padLeft, padRight, padTop, padBottom] = [110, 240, 50, 80];
			const w = instance.width();
			const h = instance.height();
			const zoom = Math.max(
				instance.minZoom(),
				Math.min(1.4, w / (x2 - x1 + padLeft + padRight), h / (y2 - y1 + padTop + padBottom))
			);
			const cx = (x1 - padLeft + x2 + padRight) / 2;
			const cy = (y1 - padTop + y2 + padBottom) / 2;
			instance.viewport({ zoom, pan: { x: w / 2 - cx * zoom, y: h / 2 - cy * zoom } });
		};

		const collect = (instance: Core, ids: string[]) => {
			const c = instance.collection();
			for (const id of ids) c.merge(instance.getElementById(id));
			return c;
		};

		const apply = (instance: Core, wanted: ElementDefinition[]) => {
			const t0 = performance.now();
			const d = diffElements(drawn, wanted);
			instance.batch(() => {
				if (d.remove.length) instance.remove(collect(instance, d.remove));
				if (d.add.length) instance.add(d.add as unknown as CyElement[]);
				for (const n of d.move) instance.getElementById(n.data.id).position(n.position);
				for (const u of d.update) {
					const ele = instance.getElementById(u.data.id);
					if (u.group === 'nodes') ele.data('display', u.data.display);
					ele.classes(u.classes);
				}
			});
			drawn = drawnStateOf(wanted);
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
				camera(() => frame(instance));
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
			stopResize();
			explorer.canvas = null;
			cy?.destroy();
		};
	};
}
