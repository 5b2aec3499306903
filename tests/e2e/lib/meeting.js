/**
 * Helpers of the meeting journeys (graph-meeting-*.js): the designed demo paths, the item-8 link
 * of a request (`?snapshot=<fingerprint>&principal=…&resource=…&action=…`), opening a link and
 * reading the decision, and the trace panel's overflow check.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { hideSidebar } from './graph.js';

export const paths = JSON.parse(
	readFileSync(new URL('../../../src/lib/demo/designed-paths.json', import.meta.url), 'utf8')
);
/** Paths whose point is a context key the user must set (MFA present). */
export const NEEDS_USER_CONTEXT = new Set(['f-break-glass-with-mfa']);

/** The link of the item-8 form for a request (no context). */
export function linkFor(fingerprint, r, extra = {}) {
	const p = new URLSearchParams();
	if (fingerprint) p.set('snapshot', fingerprint);
	p.set('principal', r.principal);
	p.set('resource', r.resource);
	p.set('action', r.action);
	for (const [k, v] of Object.entries(extra)) p.set(k, v);
	return `/?${p}`;
}

export async function decisionOf(page) {
	const el = page.locator('[data-testid="trace-decision"][data-decision]');
	await el.waitFor({ timeout: 30000 });
	return el.getAttribute('data-decision');
}

/** Open the demo and return its content fingerprint (the explorer writes it into the URL). */
export async function demoFingerprint(page) {
	await page.goto('/');
	await page.getByTestId('graph-canvas').waitFor({ timeout: 60000 });
	await page.waitForFunction(() => /[?&]snapshot=[0-9a-f]{24}/.test(location.search), null, {
		timeout: 30000
	});
	return new URL(page.url()).searchParams.get('snapshot');
}

/** Open a link and wait until the trace shows the request it names. */
export async function openLink(page, url, request) {
	await page.goto(url);
	await page.getByTestId('graph-canvas').waitFor({ timeout: 60000 });
	await hideSidebar(page);
	await page.getByTestId('trace-principal').waitFor({ timeout: 30000 });
	assert.equal(await page.getByTestId('trace-principal').getAttribute('title'), request.principal);
	assert.equal(await page.getByTestId('trace-resource').getAttribute('title'), request.resource);
}

/** Nothing in the trace panel sticks out of it (no horizontal overflow or clipping). */
export async function assertNoOverflow(page, label) {
	const pane = page.getByTestId('graph-explorer').getByRole('tabpanel');
	const over = await pane.evaluate((el) => el.scrollWidth - el.clientWidth);
	assert.ok(over <= 1, `${label}: the trace panel overflows horizontally by ${over}px`);
}

/**
 * The journey body shared by graph-meeting-paths-<size>.js: at this viewport, every designed path
 * but the MFA one opened as a link with no context shows its designed decision; the URL keeps the
 * fingerprint and carries no ctx.; nothing in the trace panel overflows. One screenshot.
 */
export async function everyPathWithoutContext(page, ctx, width, height) {
	await page.setViewportSize({ width, height });
	const fp = await demoFingerprint(page);
	assert.match(fp, /^[0-9a-f]{24}$/);
	for (const path of paths.filter((p) => !NEEDS_USER_CONTEXT.has(p.id))) {
		await openLink(page, linkFor(fp, path.request), path.request);
		assert.equal(await decisionOf(page), path.expected, `${path.id}: decision`);
		const url = new URL(page.url());
		assert.equal(url.searchParams.get('snapshot'), fp, 'the URL keeps the fingerprint');
		assert.equal(url.searchParams.get('action'), path.request.action);
		assert.ok(![...url.searchParams.keys()].some((k) => k.startsWith('ctx.')), 'no ctx typed');
		await assertNoOverflow(page, `${path.id}`);
	}
	await page.waitForTimeout(500);
	await ctx.screenshot('trace-panel');
}
