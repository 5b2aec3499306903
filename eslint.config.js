import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The layering rule of docs/house-style.md §1, enforced here so it cannot erode:
 * the pure core (model, engine, import, graph) never imports Svelte, Dexie, the DOM
 * or SvelteKit, and each layer imports only the layers below it.
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
			'navigator'
		]
	}
});
const up = (...names) =>
	names.map((n) => ({
		group: [`**/${n}/*`, `$lib/${n}/*`],
		message: `This layer may not import ${n}/ (house style §1).`
	}));

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
	layer(['src/lib/model/**'], up('engine', 'import', 'graph', 'store', 'state', 'ui')),
	layer(['src/lib/engine/**'], up('import', 'graph', 'store', 'state', 'ui')),
	layer(['src/lib/import/**'], up('engine', 'graph', 'store', 'state', 'ui')),
	layer(['src/lib/graph/**'], up('import', 'store', 'state', 'ui')),
	layer(['src/lib/analysis/**'], up('import', 'graph', 'store', 'state', 'ui')),
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
						...up('state', 'ui', 'graph', 'engine')
					]
				}
			]
		}
	},
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'static/',
			'test-results/',
			'bench/out/',
			'src/lib/demo/collection/',
			'cli-dist/'
		]
	}
);
