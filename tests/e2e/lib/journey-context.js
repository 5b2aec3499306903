/**
 * The `ctx` every journey receives: a fresh browser context on the app's origin with guards that
 * record (and abort) any request leaving the origin, console errors and CSP violations, plus small
 * helpers (screenshots, waiting for the service worker, going offline). The runner calls
 * `assertClean()` after each journey so every journey proves "nothing left the origin".
 */
import assert from 'node:assert/strict';
import path from 'node:path';

/** Open a fresh context + page for one journey; resolves to `{ page, ctx }`. */
export async function openJourney(browser, { origin, journeyName, resultsDir }) {
	const context = await browser.newContext({
		baseURL: origin,
		viewport: { width: 1366, height: 860 }
	});
	const external = [];
	const consoleErrors = [];
	const cspViolations = [];
	const allowedConsoleErrors = [];

	// Every request, including the service worker's and workers', passes through here.
	await context.route('**/*', (route) => {
		const url = route.request().url();
		if (isSameOrigin(url, origin) || url.startsWith('blob:') || url.startsWith('data:'))
			return route.fallback();
		external.push(url);
		return route.abort('blockedbyclient');
	});
	await context.exposeBinding('__atlasReportCsp', (_source, violation) =>
		cspViolations.push(violation)
	);
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			// @ts-expect-error the binding is installed by exposeBinding above
			window.__atlasReportCsp({
				directive: e.violatedDirective,
				blocked: e.blockedURI,
				source: e.sourceFile,
				line: e.lineNumber
			});
		});
	});

	// The graph's test hooks (window.__atlasGraph, the hidden graph-debug summary): on for journeys.
	await context.addInitScript(() => {
		// @ts-expect-error a flag only test drivers set (src/lib/ui/graph/test-hooks.ts)
		window.__atlasTest = true;
	});

	const page = await context.newPage();
	// Chromium's console line for a failed load ("Failed to load resource: … 404") does not name the
	// URL: keep every error response's URL so a failure says which request it was.
	const errorResponses = [];
	context.on('response', (response) => {
		if (response.status() >= 400) errorResponses.push(`${response.status()} ${response.url()}`);
	});
	const watch = (p) => {
		p.on('console', (msg) => {
			if (msg.type() !== 'error') return;
			const text = msg.text();
			const url = msg.location()?.url;
			consoleErrors.push(
				text.startsWith('Failed to load resource') && url ? `${text} (${url})` : text
			);
		});
		p.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
	};
	watch(page);
	context.on('page', watch);

	let shot = 0;
	const ctx = {
		origin,
		resultsDir,
		context,
		external,
		consoleErrors,
		errorResponses,
		cspViolations,
		/** Save test-results/<journey>-<n>-<label>.png (full page). */
		async screenshot(label, target = page) {
			shot += 1;
			const file = path.join(
				resultsDir,
				`${journeyName}-${String(shot).padStart(2, '0')}-${label}.png`
			);
			await target.screenshot({ path: file, fullPage: false });
			return file;
		},
		/** Wait until a service worker controls the page (precache done), so offline reloads work. */
		async waitForServiceWorker(timeout = 30000) {
			await page.evaluate(async () => {
				await navigator.serviceWorker.ready;
			});
			// The worker claims open pages on activation (see src/service-worker.ts).
			await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
				timeout
			});
		},
		/** Cut (or restore) the network for the whole context. */
		async setOffline(offline) {
			await context.setOffline(offline);
		},
		/** Declare a console error the journey expects (matched as a substring), so assertClean ignores it. */
		allowConsoleError(substring) {
			allowedConsoleErrors.push(substring);
		},
		/** Assert no request left the origin, no CSP violation, and no unexpected console error. */
		assertClean() {
			assert.deepEqual(external, [], `requests left the origin: ${external.join(', ')}`);
			assert.deepEqual(cspViolations, [], `CSP violations: ${JSON.stringify(cspViolations)}`);
			const unexpected = consoleErrors.filter(
				(text) => !allowedConsoleErrors.some((s) => text.includes(s))
			);
			const responses = errorResponses.length
				? ` (error responses: ${errorResponses.join(', ')})`
				: '';
			assert.deepEqual(unexpected, [], `console errors: ${unexpected.join(' | ')}${responses}`);
		}
	};
	return { page, ctx };
}

function isSameOrigin(url, origin) {
	try {
		return new URL(url).origin === origin;
	} catch {
		return false;
	}
}
