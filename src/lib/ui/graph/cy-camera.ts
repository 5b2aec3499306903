/**
 * Camera helpers over a Cytoscape instance, for the canvas attachment (cy-attachment.svelte.ts):
 * framing nodes by their centres, collecting elements by id, and the CanvasHandle the explorer
 * state borrows (export, fit, centre, pan, zoom). Deferred moves go through `later`, so the
 * attachment can cancel them when it is torn down.
 */
import type { CollectionReturnValue, Core } from 'cytoscape';
import { themeNamed } from '$lib/graph/theme';
import type { CanvasHandle, ExplorerState } from '$lib/state/explorer.svelte';

/** The elements of `instance` with these ids (missing ones are skipped). */
export function collect(instance: Core, ids: string[]): CollectionReturnValue {
	const c = instance.collection();
	for (const id of ids) c.merge(instance.getElementById(id));
	return c;
}

/**
 * Frame nodes by their centres (plus room for shapes and labels) instead of cy.fit, which
 * measures every label's bounding box first — the slowest step of a first paint.
 */
export function frame(instance: Core, eles?: CollectionReturnValue): void {
	const nodes = (eles ?? instance.nodes()).nodes(':visible');
	if (nodes.empty()) return;
	let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
	nodes.forEach((n) => {
		const p = n.position();
		[x1, y1, x2, y2] = [Math.min(x1, p.x), Math.min(y1, p.y), Math.max(x2, p.x), Math.max(y2, p.y)];
	});
	// Room for shapes and labels; more on the right, where SCP/RCP tags and their names sit.
	const [padLeft, padRight, padTop, padBottom] = [110, 240, 50, 80];
	const w = instance.width();
	const h = instance.height();
	const zoom = Math.max(
		instance.minZoom(),
		Math.min(1.4, w / (x2 - x1 + padLeft + padRight), h / (y2 - y1 + padTop + padBottom))
	);
	const centreX = (x1 - padLeft + x2 + padRight) / 2;
	const centreY = (y1 - padTop + y2 + padBottom) / 2;
	instance.viewport({ zoom, pan: { x: w / 2 - centreX * zoom, y: h / 2 - centreY * zoom } });
}

/** What the handle needs from the attachment. */
export interface CameraHooks {
	/** Run a camera move the user did not make. */
	camera(move: () => void): void;
	/** Run `fn` after the current task, unless the canvas is torn down first. */
	later(fn: () => void, ms?: number): void;
	/** A programmatic fit happened (to these ids; undefined: everything). */
	fitted(ids: string[] | undefined): void;
}

/** The CanvasHandle lent to the explorer state for this instance. */
export function canvasHandle(
	instance: Core,
	explorer: ExplorerState,
	hooks: CameraHooks
): CanvasHandle {
	return {
		png: () =>
			instance.png({
				output: 'blob-promise',
				full: true,
				scale: 2,
				bg: themeNamed(explorer.themeName).background
			}) as Promise<Blob>,
		fit: (ids) =>
			hooks.later(() => {
				instance.resize();
				hooks.camera(() => frame(instance, ids?.length ? collect(instance, ids) : undefined));
				hooks.fitted(ids);
			}),
		centre: (id) =>
			hooks.later(() => {
				const n = instance.getElementById(id);
				if (n.nonempty())
					hooks.camera(() => {
						instance.zoom(Math.max(instance.zoom(), 0.9));
						instance.center(n);
					});
			}),
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
}
