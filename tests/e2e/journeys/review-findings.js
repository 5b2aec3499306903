/**
 * The review record on real public data: import the CloudMapper CLI demo folder, see its findings,
 * pick one (its subject is selected on the graph), add a note and accept the risk, note a node,
 * export the snapshot and import the file again (the notes and the decision are intact), then
 * export the HTML report and open it offline (no request leaves). Screenshots of the findings view
 * at 1600×900 and 1280×720. Skipped when the corpus is not beside the repository.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importThrough, openApp, rowOf, waitForCount } from '../lib/app.js';
import { hideSidebar, waitForDebug } from '../lib/graph.js';

export const name =
	'review: CloudMapper demo findings, a note and an accepted risk, export/re-import, HTML report offline';

const here = path.dirname(fileURLToPath(import.meta.url));
// ../shared/corpus beside the repository (or beside the folder of git worktrees).
const CORPUS =
	['../../../../shared/corpus', '../../../../../shared/corpus']
		.map((p) => path.resolve(here, p))
		.find((p) => existsSync(p)) ?? path.resolve(here, '../../../../shared/corpus');
const FOLDER = path.join(CORPUS, 'cli/cloudmapper-demo');

export const skip = () => (existsSync(FOLDER) ? null : `no CloudMapper demo at ${FOLDER}`);

/** The "N of M findings" line, once the worker has answered. */
async function totals(page) {
	await page.waitForFunction(
		() =>
			/\d+ of \d+ findings/.test(
				document.querySelector('[data-testid="findings-total"]')?.textContent ?? ''
			),
		null,
		{ timeout: 60000 }
	);
	const [, shown, total] = (await page.getByTestId('findings-total').innerText()).match(
		/(\d+) of (\d+)/
	);
	return { shown: Number(shown), total: Number(total) };
}

async function openFindings(page) {
	const tab = page.getByRole('tab', { name: 'Graph' });
	if (await tab.count()) await tab.click();
	await hideSidebar(page);
	await page.getByTestId('graph-canvas').waitFor();
	await page.getByTestId('tab-findings').click();
	return totals(page);
}

export default async function (page, ctx) {
	await openApp(page);
	await importThrough(page, { folder: FOLDER });
	await waitForCount(page, 2);
	await rowOf(page, 'cloudmapper-demo').getByTestId('snapshot-name').click();
	await page.waitForFunction(
		() =>
			document.querySelector('[data-testid="open-snapshot-name"]')?.textContent ===
			'cloudmapper-demo'
	);
	const first = await openFindings(page);
	assert.ok(first.total > 0, 'the demo has findings');
	assert.equal(first.shown, first.total);

	for (const [width, height] of [
		[1600, 900],
		[1280, 720]
	]) {
		await page.setViewportSize({ width, height });
		await page.waitForTimeout(300);
		await ctx.screenshot(`findings-${width}x${height}`);
	}
	await page.setViewportSize({ width: 1366, height: 860 });

	// Pick the first finding that has a graph subject: it is selected on the graph.
	const finding = page.getByTestId('finding').first();
	const rule = await finding.getAttribute('data-rule');
	await finding.locator('button.finding').click();
	const subject = (await finding.locator('.subject').innerText()).split(' · ')[1];
	await waitForDebug(page, (d) => d.selected !== null);

	// A note, then a decision: accepted risk with an owner and a date.
	await finding.getByTestId('note-text').fill('Known: the demo account is a sandbox <b>.');
	await finding.getByTestId('note-save').click();
	await finding.getByTestId('note').first().waitFor();
	await finding.getByTestId('note-decision').selectOption('accepted-risk');
	await finding.getByTestId('note-owner').fill('Ana');
	await finding.getByTestId('note-due').fill('2026-12-31');
	await finding.getByTestId('note-save').click();
	await finding.getByTestId('finding-decision').waitFor();
	assert.equal((await finding.getByTestId('finding-decision').innerText()).trim(), 'accepted');
	await ctx.screenshot('accepted');

	// Hidden on request.
	await page.getByTestId('hide-accepted').check();
	assert.equal((await totals(page)).shown, first.total - 1);
	await page.getByTestId('hide-accepted').uncheck();

	// A note on the selected node, from the details tab.
	await page.getByTestId('tab-details').click();
	await page.getByTestId('note-text').fill('Owner team: platform');
	await page.getByTestId('note-save').click();
	await page.getByTestId('note').first().waitFor();

	// Export the snapshot and import the file: the notes and the decision come back.
	const toggle = page.locator('button[aria-controls="snapshot-sidebar"][aria-expanded="false"]');
	if (await toggle.count()) await toggle.click();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		rowOf(page, 'cloudmapper-demo').getByRole('button', { name: 'Export cloudmapper-demo' }).click()
	]);
	const file = path.join(ctx.resultsDir, 'review-findings.iam-atlas.json');
	await download.saveAs(file);
	const exported = JSON.parse(readFileSync(file, 'utf8'));
	assert.equal(exported.notes.length, 3, 'two finding notes and one node note');
	const decision = exported.notes.find((n) => n.status === 'accepted-risk');
	assert.equal(decision.target, `${rule}|${subject}`);
	assert.deepEqual([decision.owner, decision.due], ['Ana', '2026-12-31']);

	await importThrough(page, { files: [file] });
	await waitForCount(page, 3);
	const again = await openFindings(page);
	assert.equal(again.total, first.total);
	const kept = page.locator(
		`[data-testid="finding"][data-rule="${rule}"]:has([data-testid="finding-decision"])`
	);
	await kept.first().waitFor();
	await page.getByTestId('hide-accepted').check();
	assert.equal((await totals(page)).shown, first.total - 1);

	// The HTML report: downloaded, then opened with the network off — nothing is requested.
	const [report] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('report-html').click()
	]);
	assert.match(report.suggestedFilename(), /\.html$/);
	const reportFile = path.join(ctx.resultsDir, 'review-findings-report.html');
	await report.saveAs(reportFile);
	const html = readFileSync(reportFile, 'utf8');
	assert.match(html, /Accepted risk \(owner: Ana, due 2026-12-31\)/);
	assert.match(html, /sandbox &lt;b&gt;\./);
	assert.doesNotMatch(html, /<script/i);

	await ctx.context.setOffline(true);
	const viewer = await ctx.context.newPage();
	const requests = [];
	viewer.on('request', (r) => requests.push(r.url()));
	await viewer.goto('about:blank');
	await viewer.setContent(html, { waitUntil: 'load' });
	assert.match(await viewer.locator('h1').innerText(), /Access review: /);
	assert.deepEqual(requests, [], 'the report requests nothing');
	await ctx.screenshot('report', viewer);
	// It prints (the @media print rules apply) to a PDF.
	const pdf = await viewer.pdf({ path: path.join(ctx.resultsDir, 'review-findings-report.pdf') });
	assert.ok(pdf.length > 10_000, 'a printed report');
	await viewer.close();
	await ctx.context.setOffline(false);
}
