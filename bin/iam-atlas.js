#!/usr/bin/env node
// The iam-atlas command: a thin Node shell over the same TypeScript core the browser runs.
// `npm install` (prepare → build:cli) bundles it into cli-dist/; that bundle is used while it is
// newer than every source it was built from, otherwise tsx compiles the TypeScript on the fly, so
// `npx iam-atlas` always runs the current sources. IAM_ATLAS_FROM_SOURCE=1 forces the sources.
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The bundle's entry when it is complete and up to date, else null. */
function freshBundle() {
	if (process.env.IAM_ATLAS_FROM_SOURCE) return null;
	try {
		const entry = resolve(root, 'cli-dist', 'main.js');
		const built = statSync(entry).mtimeMs;
		const { inputs } = JSON.parse(readFileSync(resolve(root, 'cli-dist', 'inputs.json'), 'utf8'));
		for (const input of inputs) if (statSync(resolve(root, input)).mtimeMs > built) return null;
		return entry;
	} catch {
		return null;
	}
}

const bundle = freshBundle();
let main;
if (bundle) ({ main } = await import(bundle));
else {
	const { register } = await import('tsx/esm/api');
	register();
	({ main } = await import('../src/cli/main.ts'));
}
// A reader that stops early (`| head`) closes the pipe: stop quietly, as other Unix tools do,
// instead of dying with an unhandled EPIPE stack trace.
process.stdout.on('error', (e) => {
	if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
	throw e;
});
process.exitCode = await main(process.argv.slice(2));
