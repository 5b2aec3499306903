/**
 * The layering rules of eslint.config.js (house style §1) fire: each case lints a small
 * violating source as if it lived at `path` and expects the rule and the offending name in the
 * report; the allowed imports of each layer lint clean. Files are linted from text, never written.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;
beforeAll(() => {
	eslint = new ESLint({ cwd: root });
});

/** The `rule: source text` of every layering problem ESLint reports for `code` at `path`. */
async function problems(path: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath: `${root}/${path}` });
	return result.messages
		.filter((m) => m.ruleId?.startsWith('no-restricted-'))
		.map((m) => `${m.ruleId}: ${m.message}`);
}

interface Violation {
	name: string;
	path: string;
	code: string;
	rule: 'no-restricted-imports' | 'no-restricted-globals' | 'no-restricted-properties';
	/** A piece of the message: the module or global named. */
	names: string;
}

const imp = (spec: string) => `import { x } from '${spec}';\nexport const y = x;\n`;
const use = (expr: string) => `export const y = () => ${expr};\n`;

const violations: Violation[] = [
	// the pure core: no framework, no outer layer, no environment, network or renderer
	...['model', 'engine', 'analysis', 'import', 'graph'].flatMap((l): Violation[] => [
		{
			name: `${l} → svelte`,
			path: `src/lib/${l}/probe.ts`,
			code: imp('svelte'),
			rule: 'no-restricted-imports',
			names: "'svelte'"
		},
		{
			name: `${l} → dexie`,
			path: `src/lib/${l}/probe.ts`,
			code: imp('dexie'),
			rule: 'no-restricted-imports',
			names: "'dexie'"
		},
		{
			name: `${l} → store`,
			path: `src/lib/${l}/probe.ts`,
			code: imp('../store/snapshot-store'),
			rule: 'no-restricted-imports',
			names: 'store'
		},
		{
			name: `${l} → state`,
			path: `src/lib/${l}/probe.ts`,
			code: imp('$lib/state/app.svelte'),
			rule: 'no-restricted-imports',
			names: 'state'
		},
		{
			name: `${l} → workers`,
			path: `src/lib/${l}/probe.ts`,
			code: imp('../workers/engine-client'),
			rule: 'no-restricted-imports',
			names: 'workers'
		},
		{
			name: `${l} uses globalThis`,
			path: `src/lib/${l}/probe.ts`,
			code: use('globalThis.x'),
			rule: 'no-restricted-globals',
			names: "'globalThis'"
		},
		{
			name: `${l} uses self`,
			path: `src/lib/${l}/probe.ts`,
			code: use('self.postMessage(1)'),
			rule: 'no-restricted-globals',
			names: "'self'"
		},
		{
			name: `${l} uses fetch`,
			path: `src/lib/${l}/probe.ts`,
			code: use("fetch('/x')"),
			rule: 'no-restricted-globals',
			names: "'fetch'"
		},
		{
			name: `${l} uses requestAnimationFrame`,
			path: `src/lib/${l}/probe.ts`,
			code: use('requestAnimationFrame(() => 1)'),
			rule: 'no-restricted-globals',
			names: "'requestAnimationFrame'"
		},
		{
			name: `${l} uses getComputedStyle`,
			path: `src/lib/${l}/probe.ts`,
			code: use('getComputedStyle(document.body)'),
			rule: 'no-restricted-globals',
			names: "'getComputedStyle'"
		},
		{
			name: `${l} reaches win.fetch`,
			path: `src/lib/${l}/probe.ts`,
			code: 'export const y = (win: { fetch(u: string): void }) => win.fetch("/x");\n',
			rule: 'no-restricted-properties',
			names: "'fetch'"
		},
		{
			name: `${l} reaches w.getComputedStyle`,
			path: `src/lib/${l}/probe.ts`,
			code: 'export const y = (w: { getComputedStyle(): void }) => w.getComputedStyle();\n',
			rule: 'no-restricted-properties',
			names: "'getComputedStyle'"
		}
	]),
	{
		name: 'model → engine',
		path: 'src/lib/model/probe.ts',
		code: imp('../engine/evaluate'),
		rule: 'no-restricted-imports',
		names: 'engine'
	},
	{
		name: 'engine → import',
		path: 'src/lib/engine/probe.ts',
		code: imp('../import/import-files'),
		rule: 'no-restricted-imports',
		names: 'import'
	},
	{
		name: 'engine → analysis',
		path: 'src/lib/engine/probe.ts',
		code: imp('../analysis/admins/admins'),
		rule: 'no-restricted-imports',
		names: 'analysis'
	},
	{
		name: 'analysis → import',
		path: 'src/lib/analysis/admins/probe.ts',
		code: imp('../../import/import-files'),
		rule: 'no-restricted-imports',
		names: 'import'
	},
	{
		name: 'analysis → graph',
		path: 'src/lib/analysis/admins/probe.ts',
		code: imp('$lib/graph/elements'),
		rule: 'no-restricted-imports',
		names: 'graph'
	},
	{
		name: 'import → engine',
		path: 'src/lib/import/probe.ts',
		code: imp('../engine/evaluate'),
		rule: 'no-restricted-imports',
		names: 'engine'
	},
	{
		name: 'graph → import',
		path: 'src/lib/graph/probe.ts',
		code: imp('../import/import-files'),
		rule: 'no-restricted-imports',
		names: 'import'
	},
	// store → model only
	{
		name: 'store → import',
		path: 'src/lib/store/probe.ts',
		code: imp('../import/snapshot-file/parse-snapshot-file'),
		rule: 'no-restricted-imports',
		names: 'import'
	},
	{
		name: 'store → engine',
		path: 'src/lib/store/probe.ts',
		code: imp('../engine/evaluate'),
		rule: 'no-restricted-imports',
		names: 'engine'
	},
	{
		name: 'store → analysis',
		path: 'src/lib/store/probe.ts',
		code: imp('../analysis/admins/admins'),
		rule: 'no-restricted-imports',
		names: 'analysis'
	},
	{
		name: 'store → graph',
		path: 'src/lib/store/probe.ts',
		code: imp('../graph/elements'),
		rule: 'no-restricted-imports',
		names: 'graph'
	},
	{
		name: 'store → svelte',
		path: 'src/lib/store/probe.ts',
		code: imp('svelte'),
		rule: 'no-restricted-imports',
		names: "'svelte'"
	},
	// workers → core + store
	{
		name: 'workers → state',
		path: 'src/lib/workers/probe.ts',
		code: imp('../state/app.svelte'),
		rule: 'no-restricted-imports',
		names: 'state'
	},
	{
		name: 'workers → ui',
		path: 'src/lib/workers/probe.ts',
		code: imp('$lib/ui/graph/download'),
		rule: 'no-restricted-imports',
		names: 'ui'
	},
	{
		name: 'workers → dexie',
		path: 'src/lib/workers/probe.ts',
		code: imp('dexie'),
		rule: 'no-restricted-imports',
		names: "'dexie'"
	},
	{
		name: 'workers → svelte',
		path: 'src/lib/workers/probe.ts',
		code: imp('svelte'),
		rule: 'no-restricted-imports',
		names: "'svelte'"
	},
	{
		name: 'workers use document',
		path: 'src/lib/workers/probe.ts',
		code: use('document.title'),
		rule: 'no-restricted-globals',
		names: "'document'"
	},
	// demo: built from the core only
	{
		name: 'demo → store',
		path: 'src/lib/demo/probe.ts',
		code: imp('../store/snapshot-store'),
		rule: 'no-restricted-imports',
		names: 'store'
	},
	{
		name: 'demo → state',
		path: 'src/lib/demo/probe.ts',
		code: imp('../state/app.svelte'),
		rule: 'no-restricted-imports',
		names: 'state'
	},
	{
		name: 'demo → svelte',
		path: 'src/lib/demo/probe.ts',
		code: imp('svelte'),
		rule: 'no-restricted-imports',
		names: "'svelte'"
	},
	{
		name: 'demo uses window',
		path: 'src/lib/demo/probe.ts',
		code: use('window.name'),
		rule: 'no-restricted-globals',
		names: "'window'"
	},
	// state: never components, Cytoscape, or Dexie outside live-query
	{
		name: 'state → ui',
		path: 'src/lib/state/probe.ts',
		code: imp('../ui/graph/download'),
		rule: 'no-restricted-imports',
		names: 'ui'
	},
	{
		name: 'state → cytoscape',
		path: 'src/lib/state/probe.ts',
		code: imp('cytoscape'),
		rule: 'no-restricted-imports',
		names: "'cytoscape'"
	},
	{
		name: 'state → dexie',
		path: 'src/lib/state/probe.ts',
		code: imp('dexie'),
		rule: 'no-restricted-imports',
		names: "'dexie'"
	},
	// ui never → store
	{
		name: 'ui → store',
		path: 'src/lib/ui/graph/probe.ts',
		code: imp('$lib/store/snapshot-store'),
		rule: 'no-restricted-imports',
		names: 'store'
	},
	{
		name: 'ui → store (relative)',
		path: 'src/lib/ui/graph/probe.ts',
		code: imp('../../store/settings-store'),
		rule: 'no-restricted-imports',
		names: 'store'
	},
	{
		name: 'ui → dexie',
		path: 'src/lib/ui/graph/probe.ts',
		code: imp('dexie'),
		rule: 'no-restricted-imports',
		names: "'dexie'"
	},
	// cli: a shell over the core
	{
		name: 'cli → store',
		path: 'src/cli/commands/probe.ts',
		code: imp('../../lib/store/snapshot-store'),
		rule: 'no-restricted-imports',
		names: 'store'
	},
	{
		name: 'cli → state',
		path: 'src/cli/commands/probe.ts',
		code: imp('../../lib/state/app.svelte'),
		rule: 'no-restricted-imports',
		names: 'state'
	},
	{
		name: 'cli → workers',
		path: 'src/cli/commands/probe.ts',
		code: imp('../../lib/workers/engine-client'),
		rule: 'no-restricted-imports',
		names: 'workers'
	},
	{
		name: 'cli → svelte',
		path: 'src/cli/commands/probe.ts',
		code: imp('svelte'),
		rule: 'no-restricted-imports',
		names: "'svelte'"
	},
	{
		name: 'cli → AGPL oracle',
		path: 'src/cli/commands/probe.ts',
		code: imp('@cloud-copilot/iam-simulate'),
		rule: 'no-restricted-imports',
		names: 'iam-simulate'
	},
	{
		name: 'cli uses document',
		path: 'src/cli/commands/probe.ts',
		code: use('document.title'),
		rule: 'no-restricted-globals',
		names: "'document'"
	}
];

describe('each layering rule fires on a violating file', () => {
	it.each(violations.map((v) => [v.name, v] as const))('%s', async (_, v) => {
		const found = await problems(v.path, v.code);
		expect(found.some((p) => p.startsWith(`${v.rule}:`) && p.includes(v.names))).toBe(true);
	});
});

describe('the imports each layer is allowed lint clean', () => {
	it.each([
		['engine → model', 'src/lib/engine/probe.ts', imp('../model/snapshot')],
		['analysis → engine', 'src/lib/analysis/admins/probe.ts', imp('../../engine/evaluate')],
		['graph → analysis', 'src/lib/graph/probe.ts', imp('../analysis/admins/admins')],
		['store → model and dexie', 'src/lib/store/probe.ts', imp('../model/snapshot') + imp('dexie')],
		['workers → store', 'src/lib/workers/probe.ts', imp('../store/snapshot-store')],
		['workers use self', 'src/lib/workers/probe.ts', use('self.postMessage(1)')],
		['state → store', 'src/lib/state/probe.ts', imp('../store/snapshot-store')],
		['ui → state', 'src/lib/ui/graph/probe.ts', imp('$lib/state/app.svelte')],
		['cli → engine', 'src/cli/commands/probe.ts', imp('../../lib/engine/evaluate')]
	])('%s', async (_, path, code) => {
		expect(await problems(path, code)).toEqual([]);
	});
});

// A *.svelte.ts file is parsed with type information (slow to set up under load).
it(
	'state/live-query.svelte.ts, the one helper, may import dexie',
	{ timeout: 180_000 },
	async () => {
		expect(await problems('src/lib/state/live-query.svelte.ts', imp('dexie'))).toEqual([]);
	}
);
