/**
 * Every designed path of the demo bank (src/lib/demo/designed-paths.json), opened by link:
 * the panel shows the expected decision in words, and the graph marks the deciding policy (or
 * the SCP/RCP attachment, or the resource) with the allow / deny / gap class. One screenshot each.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
	hideSidebar,
	assertHighlighted,
	decidingClass,
	decidingNode,
	graphDebug,
	openGraph,
	settle,
	traceHash,
	waitForDebug
} from '../lib/graph.js';

export const name = 'graph: trace every designed demo path, deciding nodes highlighted';

const paths = JSON.parse(
	readFileSync(new URL('../../../src/lib/demo/designed-paths.json', import.meta.url), 'utf8')
);
const words = {
	allowed: /^ALLOWED/,
	explicitDeny: /^DENIED — an explicit Deny/,
	implicitDeny: /^DENIED — no Allow in/
};

export default async function (page, ctx) {
	assert.ok(paths.length >= 5, 'the demo designs at least five paths');
	for (const path of paths) {
		await openGraph(page, traceHash(path.request));
		await page.reload();
		await hideSidebar(page);
		await page.getByTestId('graph-canvas').waitFor();
		await waitForDebug(page, (d) => d.decision !== null);
		const debug = await graphDebug(page);
		assert.equal(debug.decision, path.expected, `${path.id}: decision`);
		if (path.gap) assert.equal(debug.gap, path.gap, `${path.id}: gap layer`);
		const panel = page.getByTestId('trace-decision');
		assert.equal(await panel.getAttribute('data-decision'), path.expected);
		assert.match(
			await panel.locator('h3').innerText(),
			words[path.expected],
			`${path.id}: decision in words`
		);
		for (const d of path.deciding)
			assertHighlighted(debug, decidingNode(d), decidingClass(path.expected));
		assert.ok(
			(debug.highlighted[debug.ends.subject] ?? []).includes('tr-subject'),
			`${path.id}: principal marked`
		);
		assert.ok(
			(debug.highlighted[debug.ends.object] ?? []).includes('tr-object'),
			`${path.id}: resource marked`
		);
		await settle(page);
		await ctx.screenshot(path.id);
	}
}
