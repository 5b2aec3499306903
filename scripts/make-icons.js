#!/usr/bin/env node
/**
 * Renders the PWA icons (static/icons/*.png) from their SVG sources with headless Chromium
 * (playwright-core + /usr/bin/chromium), since the machine has no ImageMagick. Run it after
 * changing static/icons/icon.svg or maskable.svg; the PNGs are committed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../static/icons');
const jobs = [
	['icon.svg', 192, 'icon-192.png'],
	['icon.svg', 512, 'icon-512.png'],
	['maskable.svg', 192, 'maskable-192.png'],
	['maskable.svg', 512, 'maskable-512.png'],
	['icon.svg', 180, 'apple-touch-icon.png']
];
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu']
});
const page = await browser.newPage();
for (const [source, size, out] of jobs) {
	const svg = readFileSync(path.join(dir, source), 'utf8');
	await page.setViewportSize({ width: size, height: size });
	await page.setContent(
		`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`
	);
	await page.screenshot({ path: path.join(dir, out), omitBackground: true });
	console.log(`${out} (${size}×${size})`);
}
await browser.close();
