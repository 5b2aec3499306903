/**
 * The graph on real public data no one here wrote: import the raw CloudMapper CLI demo folder,
 * open it in the graph, find a role and the public bucket by search, trace an allowed and a
 * denied action, ask "Who can do this?", then trace the public object from the who-can list.
 * Skipped when the corpus is not beside the repository.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importThrough, openApp, rowOf, waitForCount } from '../lib/app.js';
import { assertHighlighted, hideSidebar, settle, waitForDebug } from '../lib/graph.js';

export const name = 'graph on real data: CloudMapper demo — search, trace, who can';

const CORPUS = path.resolve(
	path.dirname(fileURLToPath(import.meta.url)),
	'../../../../shared/corpus'
);
const FOLDER = path.join(CORPUS, 'cli/cloudmapper-demo');

export const skip = () => (existsSync(FOLDER) ? null : `no CloudMapper demo at ${FOLDER}`);

const ACCOUNT = '123456789012';
const LEVEL3 = `arn:aws:iam::${ACCOUNT}:role/level3`;
const BUCKET = 'arn:aws:s3:::cloudmapper_demo';

/** Search by name, reveal the first hit and wait for its details. */
async function find(page, query, title) {
	const search = page.getByTestId('graph-search');
	await search.fill(query);
	await page.getByTestId('graph-search-results').waitFor();
	await search.press('Enter');
	const details = page.getByTestId('node-details');
	await details.getByRole('heading', { name: title, exact: true }).waitFor();
	return details;
}

/** The who-can section's headline once it reads `pattern`. */
async function whoCanHeadline(page, pattern) {
	const headline = page.getByTestId('who-can-headline');
	await page.waitForFunction(
		(source) =>
			new RegExp(source).test(
				document.querySelector('[data-testid="who-can-headline"]')?.textContent ?? ''
			),
		pattern.source,
		{ timeout: 30000 }
	);
	return headline.innerText();
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
	const tab = page.getByRole('tab', { name: 'Graph' });
	if (await tab.count()) await tab.click();
	await hideSidebar(page);
	await page.getByTestId('graph-canvas').waitFor();

	// A role found by name; the public bucket found by name.
	let details = await find(page, 'level3', 'level3');
	assert.match(await details.innerText(), /arn:aws:iam::123456789012:role\/level3/);
	await details.getByRole('button', { name: 'Trace from here' }).click();
	assert.equal(await page.getByTestId('trace-principal').innerText(), 'level3');
	await page.getByTestId('tab-details').click();
	details = await find(page, 'cloudmapper_demo', 'cloudmapper_demo');
	await details.getByRole('button', { name: 'Trace to here' }).click();
	assert.equal(await page.getByTestId('trace-resource').getAttribute('title'), BUCKET);

	// Its inline policy "listbuckets" allows s3:GetBucketLocation on any resource.
	const action = page.getByTestId('trace-action');
	await action.fill('s3:GetBucketLocation');
	await action.press('Enter');
	let d = await waitForDebug(page, (x) => x.decision === 'allowed');
	assertHighlighted(d, `${LEVEL3}#inline/listbuckets`, 'tr-allow');
	assert.match(await page.getByTestId('trace-decision').locator('h3').innerText(), /^ALLOWED/);
	await settle(page);
	await ctx.screenshot('level3-allowed');

	// Deleting the bucket: nothing grants it to level3 (an implicit deny, the gap in identity policies).
	await action.fill('s3:DeleteBucket');
	await action.press('Enter');
	d = await waitForDebug(page, (x) => x.decision === 'implicitDeny');
	assert.equal(d.gap, 'identity');
	assert.match(
		await page.getByTestId('trace-decision').locator('h3').innerText(),
		/no Allow in identity policies/
	);

	// Who can? Only the two roles with s3:* or * (bad_role, exfiller), out of the 2 users and 4 roles.
	const whoCan = page.getByTestId('who-can');
	await whoCan.locator('summary').first().click();
	assert.equal(
		await whoCanHeadline(page, /^2 of 6 principals allowed/),
		'2 of 6 principals allowed · 0 explicitly denied · 4 without an allow'
	);
	const arns = () =>
		whoCan
			.getByTestId('who-can-principal')
			.evaluateAll((els) => els.map((e) => e.getAttribute('data-arn')));
	assert.deepEqual(await arns(), [
		`arn:aws:iam::${ACCOUNT}:role/bad_role`,
		`arn:aws:iam::${ACCOUNT}:role/exfiller`
	]);
	const deleteTiming = await page.getByTestId('who-can-timing').innerText();
	await settle(page);
	await ctx.screenshot('who-can-delete-bucket');

	// The public object: the bucket policy's Principal {"AWS": "*"} lets every principal of the
	// account read it. The who-can list follows the new resource and action at once.
	const arn = page.getByTestId('trace-resource-arn');
	await arn.fill(`${BUCKET}/index.html`);
	await arn.press('Enter');
	await action.fill('s3:GetObject');
	await action.press('Enter');
	assert.equal(
		await whoCanHeadline(page, /^6 of 6/),
		'6 of 6 principals allowed · 0 explicitly denied · 0 without an allow'
	);
	const getTiming = await page.getByTestId('who-can-timing').innerText();

	// Clicking a user in the list makes it the traced principal: allowed by the bucket policy.
	assert.equal((await arns()).length, 6);
	await whoCan.locator('[data-arn="arn:aws:iam::aws:user/USER"]').click();
	await page.waitForFunction(
		() => document.querySelector('[data-testid="trace-principal"]')?.textContent === 'USER'
	);
	d = await waitForDebug(
		page,
		(x) => x.decision === 'allowed' && x.ends?.subject === 'arn:aws:iam::aws:user/USER'
	);
	assertHighlighted(d, BUCKET, 'tr-allow');
	assert.match(await page.getByTestId('trace-reasons').innerText(), /PublicReadGetObject/);
	await settle(page);
	await ctx.screenshot('public-object-user-allowed');
	console.log(
		`    who-can timing on the CloudMapper demo: s3:DeleteBucket — ${deleteTiming}; s3:GetObject — ${getTiming}`
	);
}
