/**
 * Regenerates src/lib/demo/collection from the bank definition: `npx tsx src/lib/demo/bank/write-collection.ts`.
 * It replaces the folder's contents; collection-fresh.spec.ts fails when the two drift apart.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemoCollection } from './build-collection';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'collection');
rmSync(root, { recursive: true, force: true });
const files = buildDemoCollection();
for (const [path, text] of Object.entries(files)) {
	mkdirSync(dirname(join(root, path)), { recursive: true });
	writeFileSync(join(root, path), text);
}
console.log(`wrote ${Object.keys(files).length} files to ${root}`);
