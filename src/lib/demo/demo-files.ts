/**
 * The browser's loader of the built-in demo bank. The collection files are bundled as raw text by
 * Vite's import.meta.glob (demo-texts.ts) in one chunk that is imported lazily, so the demo never
 * weighs on the first paint. The files then go through the real importer like any user's collection.
 */
import type { InputFile } from '../import/import-files';

const PREFIX = './collection/';

/** The demo collection as import input: paths relative to the collection root, sorted. */
export async function loadDemoFiles(): Promise<InputFile[]> {
	const { DEMO_TEXTS } = await import('./demo-texts');
	const encoder = new TextEncoder();
	return Object.keys(DEMO_TEXTS)
		.sort()
		.map((key) => ({ path: key.slice(PREFIX.length), bytes: encoder.encode(DEMO_TEXTS[key]) }));
}
