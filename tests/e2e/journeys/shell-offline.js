/** After the first visit the app loads and works with the network off: list, outline and even imports. */
import assert from 'node:assert/strict';
import path from 'node:path';
import {
	DEMO_NAME,
	FIXTURES,
	importThrough,
	openApp,
	rowOf,
	showOutline,
	snapshotNames,
	waitForCount
} from '../lib/app.js';

export const name = 'reload with the network off still shows everything';

export default async function (page, ctx) {
	await openApp(page);
	await ctx.waitForServiceWorker();
	await page.getByTestId('network-status').getByText('Works offline').waitFor();
	assert.match(await page.getByTestId('storage-note').innerText(), /Stored only in this browser/);
	await importThrough(page, { folder: path.join(FIXTURES, 'small-org') });
	await waitForCount(page, 2);

	await ctx.setOffline(true);
	await page.reload();
	await page.getByTestId('open-snapshot-name').waitFor();
	assert.deepEqual(await snapshotNames(page), ['small-org', DEMO_NAME]);
	assert.equal(
		await page.getByTestId('open-snapshot-name').innerText(),
		'small-org',
		'the last opened snapshot reopens'
	);
	assert.equal(await page.evaluate(() => navigator.onLine), false);
	assert.equal(await page.getByTestId('network-status').innerText(), 'Offline');

	// Open the demo: the outline renders from IndexedDB with no network.
	await rowOf(page, DEMO_NAME).getByTestId('snapshot-name').click();
	await page.waitForFunction(
		(n) => document.querySelector('[data-testid="open-snapshot-name"]')?.textContent === n,
		DEMO_NAME
	);
	const outline = await showOutline(page);
	assert.ok(
		await outline
			.getByRole('button', { name: /Workloads$/ })
			.first()
			.isVisible()
	);

	// The import worker (a separate script) also loads from the cache.
	await importThrough(page, {
		files: [
			path.join(FIXTURES, 'small-org/333333333333/iam-get-account-authorization-details.json')
		]
	});
	await waitForCount(page, 3);
	await ctx.screenshot('offline');
	await ctx.setOffline(false);
}
