/**
 * Real data no one here wrote (issue 2, "Real data"): every GAAD of ../shared/corpus/gaad and the
 * raw CloudMapper CLI demo, imported through the browser's pickers, give the exact counts of
 * ../shared/corpus/README.md §2; the dangling attachment it lists is flagged in the outline.
 * Skipped when the corpus is not beside the repository.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importThrough, openApp, rowOf, showOutline, waitForCount } from '../lib/app.js';

export const name = 'the public corpus imports in the browser with the README counts';

const CORPUS = path.resolve(
	path.dirname(fileURLToPath(import.meta.url)),
	'../../../../shared/corpus'
);

export const skip = () => (existsSync(CORPUS) ? null : `no corpus at ${CORPUS}`);

/** README §2, per file: accounts (from entity ARNs), users, groups, roles, managed policies (null: not stated per account). */
const GAADS = [
	['example.json', '2 accounts · 44 users · 5 groups · 78 roles'],
	['example-authz-details.json', '1 account · 3 users · 2 groups · 3 roles · 32 policies'],
	['example_authz_v2.json', '1 account · 1 user · 1 group · 2 roles · 2 policies'],
	['managed_policy_mismatch.json', '1 account · 1 group · 1 policy']
];

export default async function (page, ctx) {
	await openApp(page);
	let count = 1;
	for (const [file, counts] of GAADS) {
		await importThrough(page, { files: [path.join(CORPUS, 'gaad/cloudsplaining', file)] });
		await waitForCount(page, ++count);
		const name = file.replace(/\.json$/, '');
		const shown = await rowOf(page, name).getByTestId('snapshot-counts').innerText();
		// example.json's per-account policy split (AWS-managed ones listed for both accounts) is the importer's choice, not the README's.
		assert.ok(shown.startsWith(counts), `${file}: "${shown}" starts with "${counts}"`);
		await page.getByRole('button', { name: 'Dismiss' }).click();
	}

	// The attached-but-unlisted AdministratorAccess of example_authz_v2.json is flagged, not dropped.
	await rowOf(page, 'example_authz_v2').getByTestId('snapshot-name').click();
	await page.waitForFunction(
		() =>
			document.querySelector('[data-testid="open-snapshot-name"]')?.textContent ===
			'example_authz_v2'
	);
	const outline = await showOutline(page);
	await outline
		.locator('li', { hasText: 'Dangling references' })
		.getByRole('button')
		.first()
		.click();
	await outline.getByText('arn:aws:iam::aws:policy/AdministratorAccess', { exact: true }).waitFor();
	await ctx.screenshot('dangling');

	// The CloudMapper demo folder (CLI outputs, parameter files without .json, a LICENSE beside them).
	await importThrough(page, { folder: path.join(CORPUS, 'cli/cloudmapper-demo') });
	await waitForCount(page, ++count);
	const demo = await rowOf(page, 'cloudmapper-demo').getByTestId('snapshot-counts').innerText();
	assert.ok(demo.startsWith('1 account · 2 users · 1 group · 4 roles · 2 policies'), demo);
	await ctx.screenshot('cloudmapper');
}
