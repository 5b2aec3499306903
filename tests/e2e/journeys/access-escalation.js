/**
 * The Access view on the demo bank's designed escalation path (docs/demo-bank.md "Escalation
 * paths"): noah.fischer can pass the administrator role DeployAutomation to a new Lambda function
 * (lambda-001). The path is drawn on the graph as an edge labelled with the technique, and each
 * step's requests are traced in the Trace panel, each allowed by the statement the demo designed;
 * grace.lee's EC2 path is blocked by the Regulated OU's SCP. The service × access-level table
 * drills down to actions. Screenshots at 1600×900 and 1280×720.
 */
import assert from 'node:assert/strict';
import { graphDebug, hideSidebar, openGraph, settle, waitForDebug } from '../lib/graph.js';

export const name = 'access: an escalation path drawn on the graph and traced step by step';

const NOAH = 'arn:aws:iam::926359471608:user/engineering/noah.fischer';
const DEPLOY = 'arn:aws:iam::926359471608:role/ci/DeployAutomation';
const GRACE = 'arn:aws:iam::137460582719:user/hr-it/grace.lee';

async function openAccess(page, arn) {
	await page.getByTestId('tab-org').click();
	await page.getByTestId('org-totals').waitFor({ timeout: 60000 });
	const row = page.locator(`[data-testid="org-principal"][data-arn="${arn}"]`);
	if (await row.count()) {
		await row.evaluate((el) => (el.closest('details').open = true));
		await row.locator('[data-testid="org-access"]').click();
	} else {
		// not listed (no path): open it through the search box
		await page.getByTestId('graph-search').fill(arn.split('/').pop());
		await page.getByTestId('graph-search-results').getByRole('option').first().click();
		await page.getByTestId('tab-access').click();
	}
	await page.getByTestId('access-status').waitFor({ timeout: 60000 });
}

export default async function (page, ctx) {
	await page.setViewportSize({ width: 1600, height: 900 });
	await openGraph(page);
	await hideSidebar(page);
	await openAccess(page, NOAH);
	const status = page.getByTestId('access-status');
	assert.equal(await status.getAttribute('data-status'), 'escalates');
	const steps = page.getByTestId('access-step');
	assert.equal(await steps.count(), 1, 'one step');
	assert.equal(await steps.first().getAttribute('data-technique'), 'lambda-001');

	// drawn on the graph: noah → DeployAutomation, labelled with the step and technique
	const drawn = await waitForDebug(page, (d) => d.access?.length > 0);
	assert.deepEqual(drawn.access, [[NOAH, DEPLOY, '1. lambda-001']]);
	await settle(page);
	await ctx.screenshot('access-path-1600x900');

	// drill down: lambda's actions
	await page.locator('[data-testid="access-service"][data-service="lambda"]').click();
	const actions = page.getByTestId('access-actions');
	await actions.waitFor();
	const text = await actions.innerText();
	for (const a of ['lambda:CreateFunction', 'lambda:GetFunction', 'lambda:InvokeFunction'])
		assert.ok(text.includes(a), `${a} in the drill-down`);
	await ctx.screenshot('access-drill-down');

	// trace each request of the step: the trace panel shows the evaluator's decision
	const requests = await page
		.getByTestId('access-trace-request')
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
	assert.ok(
		requests.includes('iam:PassRole') && requests.includes('lambda:CreateFunction'),
		JSON.stringify(requests)
	);
	for (const action of requests) {
		await page.getByTestId('tab-access').click();
		await page.locator(`[data-testid="access-trace-request"][data-action="${action}"]`).click();
		await page.getByTestId('trace-decision').waitFor({ timeout: 30000 });
		await page.waitForFunction(
			(a) => {
				const t = window.__atlasGraph.explorer.trace;
				return t.action === a && t.result !== null && !t.busy;
			},
			action,
			{ timeout: 30000 }
		);
		const d = await graphDebug(page);
		assert.equal(d.decision, 'allowed', `${action}: allowed`);
		assert.equal(
			await page.getByTestId('trace-decision').getAttribute('data-decision'),
			'allowed',
			`${action}: panel says allowed`
		);
		const expected = action === 'iam:PassRole' ? 'PassDeployRole' : 'ManageFunctions';
		assert.ok(
			(d.highlighted[`${NOAH}#inline/ServerlessDeploy`] ?? []).includes('tr-allow'),
			`${action}: the inline ServerlessDeploy (${expected}) allows it`
		);
		await settle(page);
		await ctx.screenshot(`trace-${action.replace(':', '-')}`);
	}
	const debug = await graphDebug(page);
	assert.ok(debug.access.length > 0, 'the path stays drawn while tracing');

	// the SCP-blocked path: grace.lee cannot become an administrator
	await page.getByTestId('tab-access').click();
	await openAccess(page, GRACE);
	assert.equal(await page.getByTestId('access-status').getAttribute('data-status'), 'none');
	const ec2 = page
		.locator('[data-testid="access-service"][data-service="ec2"]')
		.locator('xpath=../..');
	assert.match(await ec2.innerText(), /ec2[\s\S]*\d/, 'ec2 row');
	await page.getByTestId('tab-access').click();

	await openAccess(page, NOAH);
	await page.setViewportSize({ width: 1280, height: 720 });
	await settle(page);
	await ctx.screenshot('access-path-1280x720');
}
