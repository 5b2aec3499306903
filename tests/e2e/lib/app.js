/**
 * Page helpers the journeys share: open the app and wait for the demo, read the snapshot list,
 * import through the pickers, and show the outline. Selectors use roles, labels and data-testid.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folder of the journeys' input files. */
export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
/** The demo's name in the snapshot list. */
export const DEMO_NAME = 'Demo bank (built-in)';

/** Open the app at `/` and wait until a snapshot is open (the demo on a first visit). */
export async function openApp(page, { timeout = 60000 } = {}) {
	await page.goto('/');
	await page.getByTestId('open-snapshot-name').waitFor({ timeout });
}

/** The names in the snapshot list, in list order. */
export async function snapshotNames(page) {
	return page.getByTestId('snapshot-name').allInnerTexts();
}

/** The list row of the snapshot named `name`. */
export function rowOf(page, name) {
	return page
		.getByTestId('snapshot-row')
		.filter({ has: page.getByTestId('snapshot-name').getByText(name, { exact: true }) });
}

/** Wait until the list holds exactly `count` snapshots. */
export async function waitForCount(page, count, timeout = 60000) {
	await page.waitForFunction(
		(n) => document.querySelectorAll('[data-testid="snapshot-row"]').length === n,
		count,
		{ timeout }
	);
}

/** Import files or a folder through the hidden inputs; waits for the outcome panel. */
export async function importThrough(page, { files, folder }) {
	const input = page.getByTestId(folder ? 'folder-input' : 'file-input');
	await input.setInputFiles(folder ?? files);
	await page
		.locator('[data-testid="import-done"], [data-testid="import-errors"]')
		.first()
		.waitFor({ timeout: 60000 });
}

/** Show the outline tab (when the graph explorer is present) and return the outline region. */
export async function showOutline(page) {
	const tab = page.getByRole('tab', { name: 'Outline' });
	if (await tab.count()) await tab.click();
	const outline = page.getByRole('region', { name: /^Outline of/ });
	await outline.waitFor();
	return outline;
}

/** Assert the page carries the CSP meta that forbids connections off the origin. */
export async function assertCspMeta(page) {
	const csp = await page
		.locator('meta[http-equiv="content-security-policy"]')
		.getAttribute('content');
	assert.ok(csp, 'the page has a CSP meta');
	assert.match(csp, /default-src 'self'/);
	assert.match(csp, /connect-src 'self'(;|$)/);
	assert.doesNotMatch(csp, /\s'unsafe-eval'/, 'no unsafe-eval');
	return csp;
}
