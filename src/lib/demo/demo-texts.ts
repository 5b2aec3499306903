/**
 * The demo collection's files as text, bundled by Vite's import.meta.glob into this one module.
 * Only demo-files.ts imports it, dynamically, so the whole demo is one lazy chunk (about 16 KB
 * gzipped) that is fetched when the demo is opened, not with the first paint.
 */

/** Collection file text keyed by './collection/<path>'. */
export const DEMO_TEXTS = import.meta.glob('./collection/**/*', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;
