#!/usr/bin/env node
/**
 * Graph explorer speed (issue 4), in headless Chromium (/usr/bin/chromium via playwright-core)
 * on the synthetic organization of scripts/generate-synthetic.js --accounts 500 (20,000
 * principals), imported with importFiles and opened in the real Explorer (Cytoscape + engine
 * worker) through a small Vite harness (bench/graph/):
 *   - org view interactive: mount → first painted frame (target < 1.5 s)
 *   - expanding an account: to the painted frame; the 500-account org has 40 principals per
 *     account, so the 200-principal figure uses the 100-account generator output (target < 300 ms)
 *   - trace highlight after the decision arrives (target < 100 ms)
 *   - frames Cytoscape renders per second while panning/zooming ≥ 2,000 elements (target > 30)
 *   - JS before first paint of the built app (build/, gzipped; target < 250 KB) and what is lazy.
 * Prints human lines and a final `BENCH {json}`.
 */
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { register } from 'tsx/esm/api';
import { build } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { startStaticServer } from '../tests/e2e/lib/static-server.js';
import { firstPaintJs } from './_first-paint-js.js';

register();
const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const outDir = join(here, 'out', 'graph');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Generate + import a synthetic org; returns the snapshot's JSON text and counts. */
async function synthetic(accounts) {
	const { generate } = await import(
		pathToFileURL(join(repo, 'scripts', 'generate-synthetic.js')).href
	);
	const { importFiles } = await import('../src/lib/import/import-files.ts');
	const enc = new TextEncoder();
	const files = [...generate({ accounts, principals: 20000, policies: 5000 })].map(
		([path, value]) => ({
			path,
			bytes: enc.encode(typeof value === 'string' ? value : JSON.stringify(value))
		})
	);
	const outcome = importFiles(files, {
		name: `synthetic-${accounts}`,
		now: '2026-01-01T00:00:00Z'
	});
	if (!outcome.ok)
		throw new Error(`synthetic import failed: ${outcome.errors.map((e) => e.message).join('; ')}`);
	const s = outcome.snapshot;
	const principals = s.accounts.reduce((n, a) => n + a.users.length + a.roles.length, 0);
	return { text: JSON.stringify(s), accounts: s.accounts.length, principals };
}

if (!existsSync(executablePath)) {
	console.error(`bench/graph: ${executablePath} is missing (apt-get install -y chromium).`);
	process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const tg = performance.now();
const big = await synthetic(500);
const dense = await synthetic(100);
console.log(
	`synthetic orgs: ${big.accounts} accounts / ${big.principals} principals, ${dense.accounts} accounts / ${dense.principals} principals (${((performance.now() - tg) / 1000).toFixed(1)} s to generate + import)`
);

await build({
	root: join(here, 'graph'),
	base: './',
	configFile: false,
	publicDir: false,
	logLevel: 'warn',
	plugins: [svelte({ configFile: false })],
	resolve: { alias: { $lib: join(repo, 'src', 'lib') } },
	worker: { format: 'es' },
	build: { outDir, emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 5000 }
});
writeFileSync(join(outDir, 'big.json'), big.text);
writeFileSync(join(outDir, 'dense.json'), dense.text);
if (existsSync(join(repo, 'static', 'catalog')))
	cpSync(join(repo, 'static', 'catalog'), join(outDir, 'catalog'), { recursive: true });

const server = await startStaticServer(outDir);
const browser = await chromium.launch({
	executablePath,
	headless: true,
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
});
let figures;
try {
	const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
	page.on('pageerror', (e) => console.error(`[page] ${e.message}`));
	if (process.env.GRAPH_BENCH_VERBOSE) page.on('console', (m) => console.log(`[page] ${m.text()}`));
	await page.goto(`${server.origin}/index.html`);
	await page.waitForFunction(() => window.benchReady === true);
	figures = await page.evaluate((input) => window.runGraphBench(input), {
		big: './big.json',
		dense: './dense.json'
	});
} finally {
	await browser.close();
	server.close();
}
const paint = firstPaintJs(join(repo, 'build'));
const r = (x) => Math.round(x * 10) / 10;
console.log(
	`org view (${big.accounts} accounts, ${figures.orgElements} elements): parse ${r(figures.parseMs)} ms, mount → painted ${r(figures.orgInteractiveMs)} ms (target < 1500)`
);
console.log(
	`expand an account of the 500-account org (${figures.expandBigAccountPrincipals} principals): ${r(figures.expandBigAccountMs)} ms`
);
console.log(
	`expand an account with ${figures.expand200Principals} principals: ${r(figures.expand200Ms)} ms (target < 300)`
);
console.log(
	`trace highlight after the decision (another action on the same path): ${r(figures.traceHighlightMs)} ms applied, ${r(figures.traceHighlightPaintedMs)} ms to the painted frame (target < 100; decision ${figures.traceDecision})`
);
console.log(
	`first trace of a new path (accounts and principal expanded to show it): ${r(figures.traceRevealMs)} ms applied, ${r(figures.traceRevealPaintedMs)} ms to the painted frame`
);
console.log(
	`pan/zoom with ${figures.fpsElements} elements: ${r(figures.panZoomFps)} frames rendered/s (rAF ${r(figures.rafFps)}/s; target > 30)`
);
console.log(
	`JS before first paint: ${paint.eagerKB ?? '?'} KB gzipped in ${paint.eagerFiles ?? '?'} files (target < 250); lazy: ${(paint.lazyTop ?? []).map((l) => `${l.what || l.file} ${l.gzipKB} KB`).join(', ')}`
);
console.log(
	'BENCH ' +
		JSON.stringify({
			accounts: big.accounts,
			principals: big.principals,
			orgElements: figures.orgElements,
			orgInteractiveMs: r(figures.orgInteractiveMs),
			snapshotParseMs: r(figures.parseMs),
			expandAccountPrincipals: figures.expand200Principals,
			expandAccountMs: r(figures.expand200Ms),
			expand500OrgAccountMs: r(figures.expandBigAccountMs),
			traceHighlightMs: r(figures.traceHighlightMs),
			traceHighlightPaintedMs: r(figures.traceHighlightPaintedMs),
			traceRevealMs: r(figures.traceRevealMs),
			traceRevealPaintedMs: r(figures.traceRevealPaintedMs),
			panZoomElements: figures.fpsElements,
			panZoomFps: r(figures.panZoomFps),
			firstPaintJsGzipKB: paint.eagerKB ?? null,
			lazyChunks: paint.lazyCount ?? null,
			lazyTop: paint.lazyTop ?? []
		})
);
