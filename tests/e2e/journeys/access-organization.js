/**
 * The Organization view on the demo bank: the administrators and the principals that can become
 * administrators, per account and counted (docs/demo-bank.md "Escalation paths"), computed in the
 * engine worker; "show on graph" reveals and selects one. Screenshots at 1600×900 and 1280×720.
 */
import assert from 'node:assert/strict';
import { graphDebug, hideSidebar, openGraph, settle, waitForDebug } from '../lib/graph.js';

export const name = 'access: the demo bank’s administrators, per account, shown on the graph';

const ADMINS = [
	'arn:aws:iam::361927408153:user/hannah.kim',
	'arn:aws:iam::704137259486:role/BreakGlassAdmin',
	'arn:aws:iam::137460582719:role/HRPlatformAdmin',
	'arn:aws:iam::926359471608:role/ci/DeployAutomation'
];
const NOAH = 'arn:aws:iam::926359471608:user/engineering/noah.fischer';
const GRACE = 'arn:aws:iam::137460582719:user/hr-it/grace.lee';

export default async function (page, ctx) {
	await page.setViewportSize({ width: 1600, height: 900 });
	await openGraph(page);
	await hideSidebar(page);
	await page.getByTestId('tab-org').click();
	await page.getByTestId('org-totals').waitFor({ timeout: 60000 });
	const count = async (id) =>
		Number((await page.getByTestId(id).innerText()).match(/^\d+/)?.[0] ?? NaN);
	// 15 administrators: every OrganizationAccountAccessRole (9), hannah.kim, OrganizationAdmin,
	// BreakGlassAdmin, HRPlatformAdmin, DeployAutomation and PayrollBatchEc2; one escalates (noah)
	assert.equal(await count('org-count-admin'), 15, 'administrators counted');
	assert.equal(await count('org-count-escalates'), 1, 'one principal can become an administrator');
	const listed = await page
		.getByTestId('org-principal')
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-arn')));
	for (const a of ADMINS) assert.ok(listed.includes(a), `${a} listed`);
	assert.ok(listed.includes(NOAH), 'noah.fischer listed as one that can become an administrator');
	assert.ok(
		!listed.includes(GRACE),
		'grace.lee’s path is blocked by the Regulated SCP: not listed'
	);
	const dev = page.locator('[data-testid="org-account"][data-account="926359471608"]');
	// development: DeployAutomation and OrganizationAccountAccessRole; noah.fischer and Developer (conditional)
	assert.match(
		await dev.locator('summary').innerText(),
		/^development 926359471608\s+2\s+2\s+of 4$/
	);
	await ctx.screenshot('org-1600x900');

	// show one administrator on the graph: revealed and selected
	const row = page.locator(`[data-testid="org-principal"][data-arn="${ADMINS[1]}"]`);
	await row.evaluate((el) => (el.closest('details').open = true));
	await row.locator('[data-testid="org-show"]').click();
	await waitForDebug(page, (d) => d.selected === ADMINS[1]);
	const debug = await graphDebug(page);
	assert.ok(debug.expanded.includes('704137259486'), 'its account expanded');
	await settle(page);
	await ctx.screenshot('org-show-on-graph');

	await page.setViewportSize({ width: 1280, height: 720 });
	await settle(page);
	await ctx.screenshot('org-1280x720');
}
