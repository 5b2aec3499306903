/** Import a small collection by folder picker and a file by drop; both are listed and opened. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
	FIXTURES,
	importThrough,
	openApp,
	rowOf,
	showOutline,
	snapshotNames,
	waitForCount
} from '../lib/app.js';

export const name = 'import a small collection (folder picker and drop)';

export default async function (page, ctx) {
	await openApp(page);
	await importThrough(page, { folder: path.join(FIXTURES, 'small-org') });
	await waitForCount(page, 2);
	assert.equal((await snapshotNames(page))[0], 'small-org');
	assert.equal(await page.getByTestId('open-snapshot-name').innerText(), 'small-org');
	const counts = await rowOf(page, 'small-org').getByTestId('snapshot-counts').innerText();
	assert.equal(counts, '1 account · 2 users · 1 group · 1 role · 1 policy');

	// Names holding HTML are shown as text, never run.
	const outline = await showOutline(page);
	await outline
		.locator('li[data-kind="folder"]', { hasText: 'Users' })
		.getByRole('button')
		.first()
		.click();
	await outline.getByText('eli<script>alert(1)</script>', { exact: true }).waitFor();
	assert.equal(await page.evaluate(() => document.querySelectorAll('main script').length), 0);
	await ctx.screenshot('small-org-outline');

	// A drop of a single GAAD file (synthetic DataTransfer, as a drop from the desktop gives).
	const gaad = readFileSync(
		path.join(FIXTURES, 'small-org/333333333333/iam-get-account-authorization-details.json'),
		'utf8'
	);
	await page.evaluate((text) => {
		const data = new DataTransfer();
		data.items.add(new File([text], 'dropped-gaad.json', { type: 'application/json' }));
		for (const type of ['dragover', 'drop'])
			window.dispatchEvent(
				new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true })
			);
	}, gaad);
	await waitForCount(page, 3);
	assert.equal((await snapshotNames(page))[0], 'dropped-gaad');
	await ctx.screenshot('after-drop');

	// A file name holding markup becomes the snapshot name and is shown as text, in the list and the header.
	const evil = '<img src=x onerror=alert(1)>';
	await importThrough(page, {
		files: [{ name: `${evil}.json`, mimeType: 'application/json', buffer: Buffer.from(gaad) }]
	});
	await waitForCount(page, 4);
	assert.equal((await snapshotNames(page))[0], evil);
	assert.equal(await page.getByTestId('open-snapshot-name').innerText(), evil);
	assert.equal(
		await page.locator('img[src="x"]').count(),
		0,
		'no element was created from the name'
	);
}
