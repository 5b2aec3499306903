/**
 * Shared plumbing of the browser benches (engine-worker.js, access-worker.js): checks that the
 * catalog and Chromium exist, builds a small Vite harness folder with the catalog and the
 * snapshot beside it, serves it on 127.0.0.1 and opens it in headless Chromium until the page
 * says `benchReady`.
 */
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { startStaticServer } from '../tests/e2e/lib/static-server.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Exit 2 with a clear message when the catalog or Chromium is missing. */
export function preflight(name) {
	if (!existsSync(join(repo, 'static', 'catalog', 'index.json'))) {
		console.error(`bench/${name}: static/catalog is missing; run \`npm run build:catalog\` first.`);
		process.exit(2);
	}
	if (!existsSync(executablePath)) {
		console.error(`bench/${name}: ${executablePath} is missing (apt-get install -y chromium).`);
		process.exit(2);
	}
}

/** Build the harness in `root` into `outDir` with the catalog and `snapshot.json`; returns the snapshot's size in bytes. */
export async function buildHarness(root, outDir, snapshot) {
	await build({
		root,
		base: './',
		configFile: false,
		publicDir: false,
		logLevel: 'warn',
		worker: { format: 'es' },
		build: { outDir, emptyOutDir: true, reportCompressedSize: false }
	});
	cpSync(join(repo, 'static', 'catalog'), join(outDir, 'catalog'), { recursive: true });
	mkdirSync(outDir, { recursive: true });
	const text = JSON.stringify(snapshot);
	writeFileSync(join(outDir, 'snapshot.json'), text);
	return text.length;
}

/** Serve `outDir`, open its index.html in headless Chromium and wait for the harness; `close()` stops both. */
export async function openHarness(outDir) {
	const server = await startStaticServer(outDir);
	const browser = await chromium.launch({
		executablePath,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
	});
	const page = await browser.newPage();
	page.on('console', (m) => m.type() === 'error' && console.error(`[page] ${m.text()}`));
	await page.goto(`${server.origin}/index.html`);
	await page.waitForFunction(() => globalThis.benchReady === true);
	return {
		page,
		close: async () => {
			await browser.close();
			await server.close();
		}
	};
}
