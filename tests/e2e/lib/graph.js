/**
 * Helpers for the graph journeys: open the demo in the graph explorer, wait for the canvas to
 * draw, read the explorer's debug JSON (decision and highlight classes), and trace by link.
 */
import assert from 'node:assert/strict';
import { openApp } from './app.js';

/** Open the app on the demo and show the Graph tab; resolves when Cytoscape has drawn. */
export async function openGraph(page, hash = '') {
	await page.goto(`/${hash}`);
	await page.getByTestId('open-snapshot-name').waitFor({ timeout: 60000 });
	const tab = page.getByRole('tab', { name: 'Graph' });
	if (await tab.count()) await tab.click();
	await hideSidebar(page);
	await page.getByTestId('graph-canvas').waitFor();
	await page.waitForFunction(() => (window.__atlasGraph?.stats.applies ?? 0) > 0, null, {
		timeout: 30000
	});
}

export { openApp };

/** The explorer's debug state: decision, gap, trace ends, highlighted elements, expansions. */
export async function graphDebug(page) {
	return JSON.parse(await page.getByTestId('graph-debug').textContent());
}

/** Wait until the debug state satisfies `predicate(debug)` (polled from Node: the CSP forbids eval in the page). */
export async function waitForDebug(page, predicate, timeout = 30000) {
	const until = Date.now() + timeout;
	let last = null;
	while (Date.now() < until) {
		last = await graphDebug(page).catch(() => null);
		if (last && predicate(last)) return last;
		await page.waitForTimeout(100);
	}
	throw new Error(
		`graph debug state never satisfied ${predicate}; last: ${JSON.stringify(last)?.slice(0, 600)}`
	);
}

/** The URL hash that opens a designed path's trace (graph/view-hash.ts format). */
export function traceHash(request) {
	const p = new URLSearchParams();
	p.set('p', request.principal);
	p.set('r', request.resource);
	p.set('a', request.action);
	if (request.context) p.set('c', JSON.stringify(request.context));
	return `#${p.toString()}`;
}

/** The graph node a designed path's deciding policy is drawn as. */
export function decidingNode(d) {
	if (d.policyType === 'scp' || d.policyType === 'rcp') return `${d.policy}@${d.attachedTo}`;
	if (d.policyType === 'resource') return d.attachedTo;
	return d.policy.startsWith('arn:') ? d.policy : `${d.attachedTo}#inline/${d.policy}`;
}

/** The highlight class a decision marks its deciding node with. */
export const decidingClass = (expected) =>
	expected === 'explicitDeny' ? 'tr-deny' : expected === 'allowed' ? 'tr-allow' : 'tr-gap';

/** Wait for the camera to settle after a fit (animations take 250 ms). */
export async function settle(page) {
	await page.waitForTimeout(600);
}

/** Assert the node carries the class in the debug state. */
export function assertHighlighted(debug, node, cls) {
	assert.ok(
		(debug.highlighted[node] ?? []).includes(cls),
		`${node} should carry ${cls}; highlighted: ${JSON.stringify(debug.highlighted)}`
	);
}

/** Hide the shell's snapshot list (presentation mode: more room for the graph). */
export async function hideSidebar(page) {
	await page.getByTestId('open-snapshot-name').waitFor({ timeout: 60000 });
	const toggle = page.locator('button[aria-controls="snapshot-sidebar"][aria-expanded="true"]');
	if (await toggle.count()) await toggle.click();
}
