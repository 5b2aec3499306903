/** A bad file: the error names the file and the place, says nothing was stored, and the list is unchanged. */
import assert from 'node:assert/strict';
import { importThrough, openApp, snapshotNames } from '../lib/app.js';

export const name = 'a bad file shows the error and stores nothing';

export default async function (page, ctx) {
	await openApp(page);
	const before = await snapshotNames(page);
	await importThrough(page, {
		files: [
			{
				name: 'broken-gaad.json',
				mimeType: 'application/json',
				buffer: Buffer.from('{\n  "UserDetailList": [\n    {"UserName": "x",\n')
			}
		]
	});
	const panel = page.getByTestId('import-errors');
	await panel.waitFor();
	const text = await panel.innerText();
	assert.match(text, /nothing was stored/i);
	assert.match(text, /broken-gaad\.json/);
	assert.match(text, /line \d+/);
	assert.match(text, /truncated/i);
	await ctx.screenshot('bad-file-error');
	assert.deepEqual(await snapshotNames(page), before, 'the list is unchanged');

	// A valid JSON file of an unknown shape names its JSON location too.
	await page.getByRole('button', { name: 'Dismiss' }).click();
	await importThrough(page, {
		files: [
			{
				name: 'mystery.json',
				mimeType: 'application/json',
				buffer: Buffer.from('{"Hello": [1, 2]}')
			}
		]
	});
	assert.match(await page.getByTestId('import-errors').innerText(), /mystery\.json/);
	assert.deepEqual(await snapshotNames(page), before);
}
