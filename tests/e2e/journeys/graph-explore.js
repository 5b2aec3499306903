/** Open the demo bank as a graph, expand an account, search with the keyboard, collapse again. */
import assert from 'node:assert/strict';
import { graphDebug, openGraph, settle, waitForDebug } from '../lib/graph.js';

export const name = 'graph: org tree, expand an account, keyboard search, collapse';

export default async function (page, ctx) {
	await openGraph(page);
	const org = await graphDebug(page);
	assert.deepEqual(org.expanded, [], 'the org tree opens with every account collapsed');
	assert.ok(
		org.visible >= 10 && org.visible < 60,
		`org view shows only the spine (${org.visible} nodes)`
	);
	await settle(page);
	await ctx.screenshot('org-tree');

	// Search an account by name, reveal it with the keyboard, expand it from the details panel.
	const search = page.getByTestId('graph-search');
	await search.fill('core-banking');
	await page.getByTestId('graph-search-results').waitFor();
	await search.press('Enter');
	await page
		.getByTestId('node-details')
		.getByRole('heading', { name: /core-banking/ })
		.waitFor();
	await page.getByTestId('toggle-expand').click();
	await waitForDebug(page, (d) => d.expanded.length === 1);
	const open = await graphDebug(page);
	assert.ok(
		open.visible > org.visible + 10,
		`expanding shows the account's principals (${open.visible} nodes)`
	);
	await page.getByRole('button', { name: 'Fit' }).click();
	await settle(page);
	await ctx.screenshot('account-expanded');

	// Keyboard: ↓ twice then ↑ selects the first hit again; Enter reveals and selects it.
	await search.fill('james');
	await page.getByTestId('graph-search-results').waitFor();
	await search.press('ArrowDown');
	await search.press('ArrowUp');
	await search.press('Enter');
	const details = page.getByTestId('node-details');
	await details.getByRole('heading', { name: 'james.chen' }).waitFor();
	assert.match(await details.innerText(), /arn:aws:iam::\d{12}:user\/staff\/james\.chen/);
	// His group's policies: expand the group from the Related links.
	await details.getByRole('button', { name: 'LoanOfficers' }).click();
	await details.getByRole('heading', { name: 'LoanOfficers' }).waitFor();
	await page.getByTestId('toggle-expand').click();
	await waitForDebug(page, (d) => d.expanded.some((x) => x.endsWith('group/LoanOfficers')));
	await page.getByRole('button', { name: 'Fit' }).click();
	await settle(page);
	await ctx.screenshot('group-expanded');

	// Focus view: only the group's neighbourhood (hop limit 2, then 1) stays on screen.
	await page.getByRole('button', { name: 'Focus', exact: true }).click();
	const focused = await waitForDebug(page, (d) => d.focus !== null);
	assert.match(focused.focus.id, /group\/LoanOfficers$/);
	assert.equal(focused.focus.hops, 2);
	await page.getByLabel('Focus hops').selectOption('1');
	await waitForDebug(page, (d) => d.focus?.hops === 1);
	await page.getByRole('button', { name: 'Fit' }).click();
	await settle(page);
	await ctx.screenshot('focus-1-hop');
	await page.getByRole('button', { name: 'Show all' }).click();
	await waitForDebug(page, (d) => d.focus === null);

	// Esc clears the search; collapsing the account hides what it revealed.
	await search.fill('zzz-nothing');
	await search.press('Escape');
	assert.equal(await search.inputValue(), '');
	await search.fill('core-banking');
	await search.press('Enter');
	await page.getByTestId('toggle-expand').click();
	await waitForDebug(page, (d) => d.expanded.length === 0);
	assert.equal((await graphDebug(page)).visible, org.visible, 'collapse returns to the org tree');
}
