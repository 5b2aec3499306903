#!/usr/bin/env node
/**
 * `npm run build:cli` (run by `prepare`): bundles the CLI (src/cli/main.ts and the core it
 * imports) with esbuild into cli-dist/ (gitignored), so `iam-atlas` starts without compiling
 * TypeScript on every run. bin/iam-atlas.js loads the bundle only while it is newer than every
 * source file it was built from (cli-dist/inputs.json) and otherwise runs the TypeScript sources
 * through tsx, as tests do. Never fails an install: without esbuild the CLI simply uses tsx.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'cli-dist');

// Modules that find their data next to themselves (the demo collection, the static catalog) keep
// their own import.meta.url once bundled; the CLI's own (src/cli: the worker file) is the bundle's.
const ownUrl = {
	name: 'own-import-meta-url',
	setup(build) {
		build.onLoad({ filter: /[\\/]src[\\/]lib[\\/].*\.ts$/ }, (args) => ({
			contents: readFileSync(args.path, 'utf8').replaceAll(
				'import.meta.url',
				JSON.stringify(pathToFileURL(args.path).href)
			),
			loader: 'ts'
		}));
	}
};

try {
	const { build } = await import('esbuild');
	rmSync(out, { recursive: true, force: true });
	mkdirSync(out, { recursive: true });
	const result = await build({
		absWorkingDir: root,
		entryPoints: ['src/cli/main.ts', 'src/cli/eval-worker.ts'],
		define: { 'process.env.IAM_ATLAS_BUNDLED': '"1"' },
		outdir: out,
		bundle: true,
		splitting: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		packages: 'external',
		metafile: true,
		logLevel: 'warning',
		plugins: [ownUrl]
	});
	const inputs = Object.keys(result.metafile.inputs);
	// written last: its presence says the bundle is complete
	writeFileSync(join(out, 'inputs.json'), JSON.stringify({ inputs }) + '\n');
	console.log(`build:cli: bundled ${inputs.length} source files into cli-dist/`);
} catch (e) {
	rmSync(out, { recursive: true, force: true });
	console.warn(
		`build:cli: no bundle (${e.message}); iam-atlas will compile its TypeScript with tsx`
	);
}
