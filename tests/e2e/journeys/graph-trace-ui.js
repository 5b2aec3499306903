/**
 * Tracing by hand: find a principal by search, type a resource ARN and an action (with
 * completion from the catalog), fill the request context, read the decision; click a reason to
 * centre its node; then flip MFA in the context and watch the break-glass decision change at once.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
	assertHighlighted,
	hideSidebar,
	graphDebug,
	openGraph,
	settle,
	traceHash,
	waitForDebug
} from '../lib/graph.js';

export const name =
	'graph: trace by hand (search, ARN, action completion, context), reasons centre, MFA flips the decision';

const paths = JSON.parse(
	readFileSync(new URL('../../../src/lib/demo/designed-paths.json', import.meta.url), 'utf8')
);
const pathA = paths.find((p) => p.id.startsWith('a-'));
const withMfa = paths.find((p) => p.id === 'f-break-glass-with-mfa');

export default async function (page, ctx) {
	await openGraph(page);
	const search = page.getByTestId('graph-search');
	await search.fill('james.chen');
	await search.press('Enter');
	await page.getByTestId('node-details').getByRole('button', { name: 'Trace from here' }).click();
	await page.getByTestId('trace-principal').waitFor();
	assert.equal(await page.getByTestId('trace-principal').innerText(), 'james.chen');

	const arn = page.getByTestId('trace-resource-arn');
	await arn.fill(pathA.request.resource);
	await arn.press('Enter');
	await page.getByTestId('trace-resource').waitFor();

	// Completion comes from the action catalog in the worker.
	const action = page.getByTestId('trace-action');
	await action.pressSequentially('s3:getob', { delay: 30 });
	await page.waitForFunction(
		() => document.querySelectorAll('#trace-action-completions option').length > 0,
		null,
		{ timeout: 20000 }
	);
	const options = await page
		.locator('#trace-action-completions option')
		.evaluateAll((els) => els.map((e) => e.getAttribute('value')));
	assert.ok(options.includes('s3:GetObject'), `completions: ${options.join(', ')}`);
	await action.fill('s3:GetObject');
	await action.press('Enter');

	await page.getByTestId('ctx-source-ip').fill(pathA.request.context['aws:SourceIp']);
	await page.getByTestId('ctx-source-ip').press('Enter');
	await page.getByLabel('Region').fill(pathA.request.context['aws:RequestedRegion']);
	await page.getByLabel('Region').press('Enter');
	await page.getByTestId('ctx-add').fill('aws:SecureTransport=true');
	await page.getByTestId('ctx-add').press('Enter');

	const d = await waitForDebug(page, (x) => x.decision === pathA.expected);
	assertHighlighted(d, pathA.deciding[0].policy, 'tr-allow');
	assert.match(await page.getByTestId('trace-decision').locator('h3').innerText(), /^ALLOWED/);
	// The resource type's actions, grouped by access level, each with a decision badge.
	const actions = page.locator('details.actions');
	await actions.locator('summary').click();
	assert.match(await actions.innerText(), /Read[\s\S]*s3:GetObject\s*✓ allowed/);
	await settle(page);
	await ctx.screenshot('allowed-by-hand');

	// Clicking a reason selects and centres its node.
	await page
		.getByTestId('trace-reasons')
		.getByRole('button', { name: /LoanOfficerAccess/ })
		.first()
		.click();
	await waitForDebug(page, (x) => x.selected === pathA.deciding[0].policy);

	// The link reopens the same view.
	const link = page.url();
	assert.match(link, /[?&]principal=[^&]*james\.chen/);

	// Break-glass with MFA is allowed; switching the context to "no MFA" denies it at once.
	await openGraph(page, traceHash(withMfa.request));
	await page.reload();
	await hideSidebar(page);
	await waitForDebug(page, (x) => x.decision === 'allowed');
	// The MFA chip flips with one click (the link set it on).
	await page.getByTestId('ctx-mfa').click();
	const denied = await waitForDebug(page, (x) => x.decision === 'explicitDeny');
	assert.ok(
		Object.values(denied.highlighted).some((c) => c.includes('tr-deny')),
		'the denying statement is marked'
	);
	assert.match(await page.getByTestId('trace-decision').locator('h3').innerText(), /explicit Deny/);
	await settle(page);
	await ctx.screenshot('mfa-off-denied');
	assert.equal((await graphDebug(page)).decision, 'explicitDeny');

	// Exports of the traced view: SVG (our own renderer, the deny drawn in the theme's red) and PNG.
	const [svgDownload] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('export-svg').click()
	]);
	const svg = readFileSync(await svgDownload.path(), 'utf8');
	assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
	assert.match(svg, /DenyAllWithoutMFA/);
	assert.match(svg, /✕ DENIES/);
	assert.match(svgDownload.suggestedFilename(), /\.svg$/);
	const [pngDownload] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('export-png').click()
	]);
	const png = readFileSync(await pngDownload.path());
	assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG file');
	assert.ok(png.length > 20000, `PNG has content (${png.length} bytes)`);

	// Dark theme for the projector: the canvas follows the page theme.
	await page.getByRole('button', { name: /Switch to dark theme/ }).click();
	await page.waitForTimeout(300);
	await ctx.screenshot('mfa-off-denied-dark');
	await page.getByRole('button', { name: /Switch to light theme/ }).click();
}
