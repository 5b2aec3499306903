/** Folding the snapshot list re-frames the graph until the user moves the camera; then it is left alone. */
import assert from 'node:assert/strict';
import { openGraph, settle } from '../lib/graph.js';

export const name = 'graph: folding the sidebar re-frames the graph, until the user zooms';

/** The centre of the part of the graph in view (model coordinates), as the canvas reports it. */
async function viewCentre(page) {
	const v = await page.evaluate(() => window.__atlasGraph.explorer.viewport);
	assert.ok(v, 'the canvas reports its viewport');
	const box = await page.getByTestId('graph-canvas').boundingBox();
	return { x: (v.x1 + v.x2) / 2, y: (v.y1 + v.y2) / 2, pixels: box.width };
}

async function toggleSidebar(page, open) {
	await page.locator(`button[aria-controls="snapshot-sidebar"][aria-expanded="${!open}"]`).click();
	await page.locator(`button[aria-controls="snapshot-sidebar"][aria-expanded="${open}"]`).waitFor();
	await settle(page);
}

export default async function (page, ctx) {
	await openGraph(page);
	await settle(page);
	const framed = await viewCentre(page);

	// Programmatic fits (the first one, each resize's) are not user moves: every resize re-frames,
	// so the framed graph stays centred whatever the canvas width.
	await toggleSidebar(page, true);
	const narrow = await viewCentre(page);
	assert.ok(
		narrow.pixels < framed.pixels - 100,
		`the canvas is narrower with the list shown (${narrow.pixels} < ${framed.pixels})`
	);
	assert.ok(
		Math.abs(narrow.x - framed.x) < 2,
		`re-framed on the same centre after showing the list (${narrow.x} vs ${framed.x})`
	);
	await toggleSidebar(page, false);
	const wide = await viewCentre(page);
	assert.ok(
		Math.abs(wide.x - framed.x) < 2,
		`re-framed on the same centre after hiding the list again (${wide.x} vs ${framed.x})`
	);
	await ctx.screenshot('refit-after-fold');

	// Once the user zooms (about the centre), a resize keeps their camera: cytoscape keeps the
	// top-left corner, so the centre moves; a re-frame would have put it back on the graph's centre.
	await page.getByRole('button', { name: 'Zoom in' }).click();
	await settle(page);
	const zoomed = await viewCentre(page);
	await toggleSidebar(page, true);
	const kept = await viewCentre(page);
	assert.ok(
		Math.abs(kept.x - zoomed.x) > 5,
		`the user's camera was not re-framed (${kept.x} vs ${zoomed.x})`
	);
}
