/**
 * The browser's loader of the built-in demo bank: the collection files are bundled as raw text by
 * Vite's import.meta.glob, lazily, so the demo is fetched only when it is opened and never weighs
 * on the first paint. The files then go through the real importer like any user's collection.
 */
import type { InputFile } from '../import/import-files';

const modules = import.meta.glob('./collection/**/*', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;
const PREFIX = './collection/';

/** The demo collection as import input: paths relative to the collection root, sorted. */
export async function loadDemoFiles(): Promise<InputFile[]> {
	const encoder = new TextEncoder();
	const files = await Promise.all(
		Object.entries(modules).map(async ([key, load]) => ({ path: key.slice(PREFIX.length), bytes: encoder.encode(await load()) }))
	);
	return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
