#!/usr/bin/env node
/**
 * Browser journeys: serves the built app (build/, made by `npm run build` — this script builds
 * nothing) on 127.0.0.1, drives Debian's /usr/bin/chromium through playwright-core and runs every
 * tests/e2e/journeys/*.js. A journey exports `name` and `default async function (page, ctx)` and
 * asserts with node:assert; ctx is described in lib/journey-context.js. It may export
 * `skip()` returning a reason (e.g. the optional ../shared/corpus is absent) to be skipped, said so. After each journey the
 * runner asserts no request left the origin, no CSP violation and no unexpected console error.
 * Usage: node tests/e2e/run.js [substring to select journeys]
 * Prints `N passed, M failed` last and exits non-zero on any failure.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { openJourney } from './lib/journey-context.js';
import { startStaticServer } from './lib/static-server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const buildDir = path.join(repo, 'build');
const resultsDir = path.join(repo, 'test-results');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const JOURNEY_TIMEOUT_MS = Number(process.env.JOURNEY_TIMEOUT_MS ?? 180000);

if (!existsSync(path.join(buildDir, 'index.html'))) {
	console.error(
		'tests/e2e: build/index.html is missing. Run `npm run build` first (this script builds nothing).'
	);
	process.exit(2);
}
if (!existsSync(executablePath)) {
	console.error(
		`tests/e2e: ${executablePath} is missing. Install it: apt-get update && apt-get install -y chromium`
	);
	process.exit(2);
}
mkdirSync(resultsDir, { recursive: true });

const filter = process.argv[2] ?? '';
const journeyDir = path.join(here, 'journeys');
const files = readdirSync(journeyDir)
	.filter((f) => f.endsWith('.js') && f.includes(filter))
	.sort();

// Serve a copy: the working tree is shared, and a `vite build` started elsewhere during the run
// empties build/ and renames every chunk, so pages would meet 404s for lazy chunks mid-journey.
const servedDir = mkdtempSync(path.join(os.tmpdir(), 'iam-atlas-e2e-build-'));
cpSync(buildDir, servedDir, { recursive: true });
const server = await startStaticServer(servedDir);
// playwright launches Chromium with a fresh temporary user-data dir, and each journey gets a new context.
const browser = await chromium.launch({
	executablePath,
	headless: true,
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run',
		'--disable-quic'
	]
});

let passed = 0;
let failed = 0;
let skipped = 0;
console.log(`serving a copy of build/ at ${server.origin}; ${files.length} journeys`);
for (const file of files) {
	const mod = await import(pathToFileURL(path.join(journeyDir, file)).href);
	const journeyName = path.basename(file, '.js');
	const title = mod.name ?? journeyName;
	const skipReason = mod.skip?.();
	if (skipReason) {
		skipped += 1;
		console.log(`- ${title}: skipped (${skipReason})`);
		continue;
	}
	const started = Date.now();
	const { page, ctx } = await openJourney(browser, {
		origin: server.origin,
		journeyName,
		resultsDir
	});
	try {
		await withTimeout(mod.default(page, ctx), JOURNEY_TIMEOUT_MS, title);
		ctx.assertClean();
		passed += 1;
		console.log(`✓ ${title} (${Date.now() - started} ms)`);
		if (ctx.errorResponses.length)
			console.log(`  note: error responses: ${ctx.errorResponses.join(' | ')}`);
	} catch (error) {
		failed += 1;
		console.log(
			`✗ ${title} (${Date.now() - started} ms)\n  ${String(error?.stack ?? error)
				.split('\n')
				.slice(0, 8)
				.join('\n  ')}`
		);
		if (ctx.consoleErrors.length) console.log(`  console errors: ${ctx.consoleErrors.join(' | ')}`);
		if (ctx.errorResponses.length)
			console.log(`  error responses: ${ctx.errorResponses.join(' | ')}`);
		await ctx.screenshot('failure').catch(() => {});
	} finally {
		await ctx.context.close().catch(() => {});
	}
}

await browser.close();
await server.close();
rmSync(servedDir, { recursive: true, force: true });
if (skipped) console.log(`${skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

function withTimeout(promise, ms, title) {
	let timer;
	const timeout = new Promise((_, reject) => {
		timer = setTimeout(() => reject(new Error(`journey "${title}" timed out after ${ms} ms`)), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
