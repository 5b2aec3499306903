/** Rename a snapshot inline (the header follows), then delete it after confirming. */
import assert from 'node:assert/strict';
import { DEMO_NAME, openApp, rowOf, snapshotNames, waitForCount } from '../lib/app.js';

export const name = 'rename and delete';

export default async function (page, ctx) {
	await openApp(page);
	await rowOf(page, DEMO_NAME)
		.getByRole('button', { name: `Rename ${DEMO_NAME}` })
		.click();
	const input = page.getByLabel(`New name for ${DEMO_NAME}`);
	await input.fill('Bank <review> Q3');
	await ctx.screenshot('renaming');
	await input.press('Enter');
	await page.waitForFunction(
		() =>
			document.querySelector('[data-testid="open-snapshot-name"]')?.textContent ===
			'Bank <review> Q3'
	);
	assert.deepEqual(await snapshotNames(page), ['Bank <review> Q3']);

	// Escape cancels a rename.
	await rowOf(page, 'Bank <review> Q3')
		.getByRole('button', { name: /^Rename/ })
		.click();
	await page.getByLabel(/^New name for/).fill('not kept');
	await page.getByLabel(/^New name for/).press('Escape');
	assert.deepEqual(await snapshotNames(page), ['Bank <review> Q3']);

	// The name survives a reload.
	await page.reload();
	await page.getByTestId('open-snapshot-name').waitFor();
	assert.equal(await page.getByTestId('open-snapshot-name').innerText(), 'Bank <review> Q3');

	const row = rowOf(page, 'Bank <review> Q3');
	await row.getByRole('button', { name: /^Delete/ }).click();
	await ctx.screenshot('confirm-delete');
	await row.getByRole('button', { name: 'Keep it' }).click();
	assert.deepEqual(await snapshotNames(page), ['Bank <review> Q3']);
	await row.getByRole('button', { name: /^Delete/ }).click();
	await row.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
	await waitForCount(page, 0);
	await page.getByRole('heading', { name: 'No snapshot open' }).waitFor();
	assert.equal(await page.getByTestId('open-snapshot-name').count(), 0);
	await ctx.screenshot('after-delete');

	// The demo can be brought back from the empty list.
	await page.getByRole('button', { name: 'Load the demo bank' }).click();
	await waitForCount(page, 1);
	assert.deepEqual(await snapshotNames(page), [DEMO_NAME]);
}
