/**
 * The Node (CLI, tests) loader of the built-in demo bank: reads src/lib/demo/collection from disk,
 * located relative to this module, as import input.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InputFile } from '../import/import-files';

/** The folder holding the demo collection. */
export const DEMO_COLLECTION_DIR = fileURLToPath(new URL('./collection', import.meta.url));

/** Every file under a folder, as paths relative to it with '/' separators, sorted. */
export function listFiles(root: string): string[] {
	const out: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.isFile()) out.push(relative(root, full).split(sep).join('/'));
		}
	};
	walk(root);
	return out.sort();
}

/** The demo collection as import input: paths relative to the collection root, sorted. */
export function readDemoFilesFromDisk(): InputFile[] {
	return listFiles(DEMO_COLLECTION_DIR).map((path) => ({
		path,
		bytes: new Uint8Array(readFileSync(join(DEMO_COLLECTION_DIR, path)))
	}));
}
