#!/usr/bin/env node
// `npm run bench`: runs every bench/<area>.js in turn and gathers their `BENCH {json}` lines
// into bench/out/results.json. Benchmarks measure; unit tests never time anything.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
	.filter((f) => f.endsWith('.js') && f !== 'run.js' && !f.startsWith('_'))
	.filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
	.sort();

const results = {};
let failed = 0;
for (const file of files) {
	console.log(`\n=== bench/${file}`);
	const run = spawnSync(process.execPath, ['--expose-gc', join(here, file)], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
		maxBuffer: 64 * 1024 * 1024
	});
	process.stdout.write(run.stdout ?? '');
	const line = (run.stdout ?? '')
		.split('\n')
		.reverse()
		.find((l) => l.startsWith('BENCH '));
	if (run.status !== 0 || !line) {
		failed++;
		results[file] = { error: `exit ${run.status}${line ? '' : ', no BENCH line'}` };
		continue;
	}
	results[file] = JSON.parse(line.slice(6));
}
mkdirSync(join(here, 'out'), { recursive: true });
writeFileSync(join(here, 'out', 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(
	`\n=== results written to bench/out/results.json (${files.length - failed} ok, ${failed} failed)`
);
process.exitCode = failed ? 1 : 0;
