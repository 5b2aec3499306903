/** A .zip of a collection, dropped on the page, imports; a many-file import shows its progress as it runs. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import {
	FIXTURES,
	importThrough,
	openApp,
	rowOf,
	snapshotNames,
	waitForCount
} from '../lib/app.js';

export const name = 'import a dropped .zip and show progress on a many-file import';

const GAAD = 'iam-get-account-authorization-details.json';

export default async function (page, ctx) {
	await openApp(page);
	const gaad = readFileSync(path.join(FIXTURES, 'small-org/333333333333', GAAD));

	// A zip of the collection folder, dropped anywhere on the page.
	const zip = Buffer.from(
		zipSync({ 'zipped-org/333333333333/iam-get-account-authorization-details.json': gaad })
	);
	await page.evaluate(
		(bytes) => {
			const data = new DataTransfer();
			data.items.add(
				new File([new Uint8Array(bytes)], 'zipped-org.zip', { type: 'application/zip' })
			);
			for (const type of ['dragover', 'drop'])
				window.dispatchEvent(
					new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true })
				);
		},
		[...zip]
	);
	await waitForCount(page, 2);
	assert.equal((await snapshotNames(page))[0], 'zipped-org');
	assert.match(
		await rowOf(page, 'zipped-org').getByTestId('snapshot-counts').innerText(),
		/^1 account · 2 users/
	);

	// 120 accounts' GAADs: record what the progress area says while the import runs.
	await page.evaluate(() => {
		const seen = (window.__progressSeen = []);
		new MutationObserver(() => {
			const el = document.querySelector('[data-testid="import-progress"]');
			if (el && !seen.includes(el.textContent.trim())) seen.push(el.textContent.trim());
		}).observe(document.body, { subtree: true, childList: true, characterData: true });
	});
	const text = gaad.toString('utf8');
	const files = Array.from({ length: 120 }, (_, i) => {
		const account = String(400000000000 + i);
		return {
			name: `${account}-${GAAD}`,
			mimeType: 'application/json',
			buffer: Buffer.from(text.replaceAll('333333333333', account))
		};
	});
	await importThrough(page, { files });
	await waitForCount(page, 3);
	const seen = await page.evaluate(() => window.__progressSeen);
	assert.ok(seen.length > 0, 'the progress area showed while importing');
	assert.ok(
		seen.some((t) => /Reading files|Importing \d+ of 120|Saving/.test(t)),
		`progress says what is happening: ${JSON.stringify(seen)}`
	);
	assert.match(
		await page.getByTestId('snapshot-counts').first().innerText(),
		/^120 accounts · 240 users/
	);
	await ctx.screenshot('after-many-files');
}
