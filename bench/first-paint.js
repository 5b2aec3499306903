#!/usr/bin/env node
/**
 * First-paint weight (issue 9, item 8): the gzipped JS the built app (build/) loads before its
 * first paint, which files carry it, and the largest lazy chunks. Needs `npm run build` first.
 * Prints human lines and a final `BENCH {json}`.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstPaintJs } from './_first-paint-js.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const paint = firstPaintJs(join(repo, 'build'));
if (paint.error) {
	console.error(`bench/first-paint: ${paint.error}`);
	process.exit(1);
}
console.log(`JS before first paint: ${paint.eagerKB} KB gzipped in ${paint.eagerFiles} files`);
for (const f of paint.eagerTop ?? []) console.log(`  eager ${f.file} ${f.gzipKB} KB`);
console.log(
	`lazy (${paint.lazyCount} chunks), largest: ${paint.lazyTop.map((l) => `${l.what || l.file} ${l.gzipKB} KB`).join(', ')}`
);
console.log(
	`BENCH ${JSON.stringify({ firstPaintJsGzipKB: paint.eagerKB, firstPaintFiles: paint.eagerFiles, lazyChunks: paint.lazyCount })}`
);
