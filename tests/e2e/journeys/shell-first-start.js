/** A newcomer's first visit: the demo bank opens by itself, its organization outline shows, themes work. */
import assert from 'node:assert/strict';
import { assertCspMeta, DEMO_NAME, openApp, showOutline, snapshotNames } from '../lib/app.js';

export const name = 'first start shows the demo bank outline';

export default async function (page, ctx) {
	await openApp(page);
	await assertCspMeta(page);
	assert.equal(await page.getByTestId('open-snapshot-name').innerText(), DEMO_NAME);
	assert.deepEqual(await snapshotNames(page), [DEMO_NAME]);
	const counts = await page.getByTestId('snapshot-counts').innerText();
	assert.match(counts, /\d+ accounts · \d+ users · \d+ groups · \d+ roles/);

	// Until the user picks a theme, the page follows the system preference, live.
	const theme = () => page.locator('.app').getAttribute('data-theme');
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.waitForFunction(
		() => document.querySelector('.app')?.getAttribute('data-theme') === 'dark'
	);
	await page.emulateMedia({ colorScheme: 'light' });
	await page.waitForFunction(
		() => document.querySelector('.app')?.getAttribute('data-theme') === 'light'
	);
	assert.equal(await theme(), 'light');

	const outline = await showOutline(page);
	// The org spine is open: root, the bank's OUs and accounts directly under the root.
	for (const ou of ['Root', 'Security', 'Workloads', 'Prod', 'NonProd', 'Regulated']) {
		assert.ok(
			await outline
				.getByRole('button', { name: new RegExp(`(^| )${ou}$`) })
				.first()
				.isVisible(),
			`${ou} in the outline`
		);
	}
	await ctx.screenshot('outline-light');

	// Open an account and its users: principals and their policies appear, with counts.
	const account = outline
		.locator('li[data-kind="account"]', { hasText: 'core-banking-prod' })
		.first();
	await account.getByRole('button').first().click();
	await account
		.locator('li[data-kind="folder"]', { hasText: 'Users' })
		.getByRole('button')
		.first()
		.click();
	assert.ok(
		(await account.locator('li[data-kind="user"]').count()) > 0,
		'users listed under the account'
	);
	await ctx.screenshot('outline-account-open');

	// Find in the outline reaches collapsed accounts: each hit shows in place, with its path open.
	const find = page.getByTestId('outline-find');
	await find.fill('olivia.brown');
	await page.getByTestId('outline-found').waitFor();
	assert.match(
		await page.getByTestId('outline-found').innerText(),
		/^\d+ match(es)?, shown in place/
	);
	assert.ok((await outline.locator('.line.hit').count()) >= 1);
	assert.equal(await outline.locator('.line.hit .label').first().innerText(), 'olivia.brown');
	await ctx.screenshot('outline-find');
	await find.fill('no-such-thing-anywhere');
	assert.match(
		await page.getByTestId('outline-found').innerText(),
		/Nothing in this snapshot matches/
	);
	await find.press('Escape');
	assert.equal(await page.getByTestId('outline-found').count(), 0);

	// Every control of the shell (header, sidebar, outline) has a name a screen reader can say.
	const unnamed = await page.evaluate(() =>
		[
			...document.querySelectorAll(
				'header button, aside button, aside input, section[aria-label^="Outline"] button'
			)
		]
			.filter((el) => {
				const label = el.id ? document.querySelector(`label[for="${el.id}"]`) : el.closest('label');
				const name =
					(el.getAttribute('aria-label') ?? '') +
					(el.textContent ?? '') +
					(label?.textContent ?? '');
				return name.trim() === '';
			})
			.map((el) => el.outerHTML.slice(0, 80))
	);
	assert.deepEqual(unnamed, [], 'unnamed controls');

	// Keyboard: a collapsed outline row opens with Enter; the view tabs follow the arrow keys.
	const finance = outline
		.locator('li[data-kind="account"]', { hasText: 'finance' })
		.first()
		.getByRole('button')
		.first();
	await finance.focus();
	await page.keyboard.press('Enter');
	assert.equal(await finance.getAttribute('aria-expanded'), 'true');
	const outlineTab = page.getByRole('tab', { name: 'Outline' });
	if (await outlineTab.count()) {
		await outlineTab.focus();
		await page.keyboard.press('ArrowLeft');
		assert.equal(
			await page.getByRole('tab', { name: 'Graph' }).getAttribute('aria-selected'),
			'true'
		);
		assert.equal(await page.evaluate(() => document.activeElement?.id), 'tab-graph');
		await page.keyboard.press('ArrowRight');
		assert.equal(await outlineTab.getAttribute('aria-selected'), 'true');
	}

	// Installable: Chromium finds no installability error in the manifest and service worker.
	await ctx.waitForServiceWorker();
	const cdp = await page.context().newCDPSession(page);
	const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
	// Playwright contexts are incognito-like, which alone blocks installing; everything else must pass.
	const blocking = installabilityErrors.filter((e) => e.errorId !== 'in-incognito');
	assert.deepEqual(blocking, [], 'the app is installable');
	const manifest = await cdp.send('Page.getAppManifest');
	assert.deepEqual(manifest.errors, []);
	assert.match(manifest.data, /"maskable"/);
	await cdp.detach();

	// Dark theme, remembered across a reload.
	await page.getByRole('button', { name: /Switch to dark theme/ }).click();
	assert.equal(await page.locator('.app').getAttribute('data-theme'), 'dark');
	await ctx.screenshot('outline-dark');

	// The sidebar folds away to give the main area the whole width (for a projector), and comes back.
	const toggle = page.getByRole('button', { name: 'Snapshot list' });
	await toggle.click();
	assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
	assert.equal(
		await page.getByRole('complementary', { name: 'Snapshot manager' }).isVisible(),
		false
	);
	if (await page.getByRole('tab', { name: 'Graph' }).count())
		await page.getByRole('tab', { name: 'Graph' }).click();
	await page.waitForTimeout(500);
	await ctx.screenshot('wide-dark');
	await toggle.click();
	await page.getByTestId('snapshot-list').waitFor();
	await page.reload();
	await page.getByTestId('open-snapshot-name').waitFor();
	await page.waitForFunction(
		() => document.querySelector('.app')?.getAttribute('data-theme') === 'dark'
	);
	assert.deepEqual(await snapshotNames(page), [DEMO_NAME], 'the demo is not imported twice');
}
