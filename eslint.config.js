import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The layering rule of docs/house-style.md §1, enforced here so it cannot erode:
 * the pure core (model, engine, analysis, import, graph) never imports Svelte, Dexie, the DOM
 * or SvelteKit, nor reaches for the environment, the network or the renderer; each layer
 * imports only the layers below it, and every other folder under src/ has its rules too
 * (tests/unit/layering.spec.ts proves each one fires).
 */
const forbiddenInCore = [
	{ group: ['svelte', 'svelte/*'], message: 'The pure core never imports Svelte.' },
	{ group: ['dexie', 'dexie/*'], message: 'Dexie lives only in src/lib/store.' },
	{ group: ['$app/*', '@sveltejs/*'], message: 'The pure core never imports SvelteKit.' },
	{ group: ['cytoscape', 'cytoscape/*'], message: 'Cytoscape is used only by the UI attachment.' },
	{
		group: ['@cloud-copilot/iam-simulate', '@cloud-copilot/iam-simulate/*'],
		message: 'iam-simulate is AGPL: tests and bench only.'
	}
];
/** Globals the pure core never touches: the environment, the network and the renderer. */
const coreGlobals = [
	{ name: 'globalThis', message: 'The pure core takes what it needs as parameters.' },
	{ name: 'self', message: 'The pure core runs anywhere, not only in a worker.' },
	{ name: 'fetch', message: 'The pure core never uses the network (see workers/).' },
	{ name: 'requestAnimationFrame', message: 'Rendering belongs to src/lib/ui.' },
	{ name: 'getComputedStyle', message: 'Rendering belongs to src/lib/ui.' }
];
/** The same, reached as a property of any object (`win.fetch(...)`). */
const coreProperties = ['fetch', 'requestAnimationFrame', 'getComputedStyle'].map((property) => ({
	property,
	message: 'The pure core never uses the network or the renderer.'
}));
const layer = (files, extra) => ({
	files,
	ignores: ['**/*.spec.ts'],
	rules: {
		'no-restricted-imports': ['error', { patterns: [...forbiddenInCore, ...extra] }],
		'no-restricted-globals': [
			'error',
			'window',
			'document',
			'localStorage',
			'indexedDB',
			'navigator',
			...coreGlobals
		],
		'no-restricted-properties': ['error', ...coreProperties]
	}
});
const up = (...names) =>
	names.map((n) => ({
		group: [`**/${n}/*`, `$lib/${n}/*`],
		message: `This layer may not import ${n}/ (house style §1).`
	}));

/** A layer outside the pure core: its import bans, and the browser globals it may not use. */
const outer = (files, patterns, globalsBanned = []) => ({
	files,
	ignores: ['**/*.spec.ts'],
	rules: {
		'no-restricted-imports': ['error', { patterns }],
		...(globalsBanned.length ? { 'no-restricted-globals': ['error', ...globalsBanned] } : {})
	}
});
/** State holds no Cytoscape and never imports components (src/lib/ui). */
const stateBans = [forbiddenInCore[3], forbiddenInCore[4], ...up('ui')];

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	// Later blocks override this one for the layers they name; each repeats the AGPL ban.
	{
		files: ['src/**'],
		ignores: ['**/*.spec.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['@cloud-copilot/iam-simulate', '@cloud-copilot/iam-simulate/*'],
							message: 'iam-simulate is AGPL: tests and bench only.'
						}
					]
				}
			]
		}
	},
	layer(
		['src/lib/model/**'],
		up('engine', 'import', 'graph', 'store', 'state', 'ui', 'analysis', 'workers', 'demo')
	),
	layer(
		['src/lib/engine/**'],
		up('import', 'graph', 'store', 'state', 'ui', 'analysis', 'workers', 'demo')
	),
	layer(
		['src/lib/import/**'],
		up('engine', 'graph', 'store', 'state', 'ui', 'analysis', 'workers', 'demo')
	),
	layer(['src/lib/graph/**'], up('import', 'store', 'state', 'ui', 'workers', 'demo')),
	layer(['src/lib/analysis/**'], up('import', 'graph', 'store', 'state', 'ui', 'workers', 'demo')),
	{
		files: ['src/lib/store/**'],
		ignores: ['**/*.spec.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['svelte', 'svelte/*', 'cytoscape'], message: 'store/ is Dexie only.' },
						forbiddenInCore[4],
						...up('state', 'ui', 'graph', 'engine', 'import', 'analysis', 'workers', 'demo')
					]
				}
			]
		}
	},
	// The outer layers: workers → core + store; the demo builds a collection from the core;
	// state → everything below it; ui never → store; the CLI is a shell over the core.
	outer(
		['src/lib/workers/**'],
		[...forbiddenInCore, ...up('state', 'ui', 'demo')],
		['window', 'document', 'localStorage']
	),
	outer(
		['src/lib/demo/**'],
		[...forbiddenInCore, ...up('graph', 'store', 'state', 'ui', 'workers')],
		['window', 'document', 'localStorage', 'indexedDB']
	),
	outer(
		['src/lib/state/**'],
		[
			...stateBans,
			{
				group: ['dexie', 'dexie/*'],
				message: 'Dexie enters state only through live-query.svelte.ts (house style §4).'
			}
		]
	),
	outer(['src/lib/state/live-query.svelte.ts'], stateBans),
	outer(
		['src/lib/ui/**'],
		[
			{ group: ['dexie', 'dexie/*'], message: 'Dexie lives only in src/lib/store.' },
			forbiddenInCore[4],
			...up('store')
		]
	),
	outer(
		['src/cli/**'],
		[...forbiddenInCore, ...up('store', 'state', 'ui', 'workers')],
		['window', 'document', 'localStorage', 'indexedDB', 'requestAnimationFrame']
	),
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'static/',
			'test-results/',
			'bench/out/',
			'src/lib/demo/collection/',
			'cli-dist/',
			'src/lib/import/**/*.validate.js',
			'src/lib/import/**/*.validate.d.ts'
		]
	}
);
