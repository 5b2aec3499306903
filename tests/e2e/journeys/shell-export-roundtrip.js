/** Export the demo, import the exported file: the new snapshot has the same counts. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
	DEMO_NAME,
	importThrough,
	openApp,
	rowOf,
	snapshotNames,
	waitForCount
} from '../lib/app.js';

export const name = 'export then import the exported file gives the same counts';

export default async function (page, ctx) {
	await openApp(page);
	const demo = rowOf(page, DEMO_NAME);
	const demoId = await demo.getAttribute('data-snapshot-id');
	const counts = await demo.getByTestId('snapshot-counts').innerText();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		demo.getByRole('button', { name: `Export ${DEMO_NAME}` }).click()
	]);
	assert.equal(download.suggestedFilename(), `${DEMO_NAME}.iam-atlas.json`);
	const file = path.join(ctx.resultsDir, 'shell-export-roundtrip.iam-atlas.json');
	await download.saveAs(file);
	const exported = JSON.parse(readFileSync(file, 'utf8'));
	assert.equal(exported.format, 'iam-atlas-snapshot');
	assert.equal(exported.meta.name, DEMO_NAME);

	await importThrough(page, { files: [file] });
	await waitForCount(page, 2);
	const names = await snapshotNames(page);
	assert.equal(names.length, 2);
	const rows = await page.getByTestId('snapshot-counts').allInnerTexts();
	assert.deepEqual(rows, [counts, counts], 'the re-imported snapshot has the same counts');
	await ctx.screenshot('roundtrip');

	// The re-imported copy is open now; a link naming the original reopens the original.
	const openId = async () =>
		page
			.locator('[data-testid="snapshot-row"]:has([aria-current="true"])')
			.getAttribute('data-snapshot-id');
	const copyId = await openId();
	assert.notEqual(copyId, demoId);

	// Exporting the re-imported copy gives back the same document: the round trip is lossless.
	const copyRow = page.locator(`[data-snapshot-id="${copyId}"]`);
	const [again] = await Promise.all([
		page.waitForEvent('download'),
		copyRow.getByRole('button', { name: `Export ${DEMO_NAME}` }).click()
	]);
	const file2 = path.join(ctx.resultsDir, 'shell-export-roundtrip-again.iam-atlas.json');
	await again.saveAs(file2);
	// The copy is listed as "… (2)" (a re-import gets a distinct name); everything else is the same.
	assert.deepEqual(JSON.parse(readFileSync(file2, 'utf8')), {
		...exported,
		meta: { ...exported.meta, name: `${DEMO_NAME} (2)` }
	});
	// Links name a snapshot by its content fingerprint: the copy and the original share it.
	await page.waitForURL((url) => /^[0-9a-f]{24}$/.test(url.searchParams.get('snapshot') ?? ''));
	await page.goto(`/?snapshot=${demoId}`);
	await page.getByTestId('open-snapshot-name').waitFor();
	assert.equal(await openId(), demoId);
}
