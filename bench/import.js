#!/usr/bin/env node
// Import speed (issue 2 "Speed"): generates the synthetic collection (100 accounts, 20,000
// principals, 5,000 policies) into bench/out/, then times importFiles in-process and the full
// CLI (`node bin/iam-atlas.js import …`, a fresh process, peak RSS via /usr/bin/time when present).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { generate, writeCollection } from '../scripts/generate-synthetic.js';

register();
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench/out/import');
const collection = join(out, 'synthetic');
const opts = { accounts: 100, principals: 20000, policies: 5000 };

let t = performance.now();
const bytes = writeCollection(generate(opts), collection);
console.log(
	`generated ${(bytes / 1048576).toFixed(1)} MiB in ${((performance.now() - t) / 1000).toFixed(2)} s`
);

const walk = (d) =>
	readdirSync(d)
		.sort()
		.flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
const files = walk(collection).map((p) => ({
	path: relative(out, p),
	bytes: new Uint8Array(readFileSync(p))
}));
const { importFiles } = await import('../src/lib/import/import-files.ts');
const { serializeSnapshot } = await import('../src/lib/import/snapshot-file/index.ts');

const runs = [];
let snapshot;
for (let i = 0; i < 3; i++) {
	globalThis.gc?.();
	t = performance.now();
	const outcome = importFiles(files, { now: '2026-01-01T00:00:00.000Z' });
	runs.push((performance.now() - t) / 1000);
	if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors.slice(0, 3)));
	snapshot = outcome.snapshot;
}
t = performance.now();
const text = serializeSnapshot(snapshot);
const serializeSeconds = (performance.now() - t) / 1000;
const inProcess = Math.min(...runs);
const principals = snapshot.accounts.reduce((n, a) => n + a.users.length + a.roles.length, 0);
console.log(
	`importFiles in-process: best ${inProcess.toFixed(2)} s of ${runs.map((r) => r.toFixed(2)).join(', ')} (${principals} principals); serialize ${serializeSeconds.toFixed(2)} s, ${(text.length / 1048576).toFixed(1)} MiB`
);
console.log(
	`in-process heap after import: ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB RSS`
);

const target = join(out, 'snapshot.json');
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const cmd = [
	process.execPath,
	join(root, 'bin/iam-atlas.js'),
	'import',
	collection,
	'--out',
	target
];
t = performance.now();
const run = timeBin
	? spawnSync(timeBin, ['-f', 'RSS_KB %M', ...cmd], { encoding: 'utf8' })
	: spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8' });
const cliSeconds = (performance.now() - t) / 1000;
if (run.status !== 0) throw new Error(`CLI failed: ${run.stderr}`);
const rssKb = Number(/RSS_KB (\d+)/.exec(run.stderr ?? '')?.[1] ?? NaN);
console.log(run.stdout.trim());
console.log(
	`CLI (fresh process, incl. tsx start-up): ${cliSeconds.toFixed(2)} s, peak RSS ${Number.isNaN(rssKb) ? 'n/a' : (rssKb / 1024).toFixed(0) + ' MiB'} (target < 5 s)`
);
console.log(
	'BENCH ' +
		JSON.stringify({
			collectionMiB: +(bytes / 1048576).toFixed(1),
			files: files.length,
			principals,
			importFilesSeconds: +inProcess.toFixed(3),
			serializeSeconds: +serializeSeconds.toFixed(3),
			cliSeconds: +cliSeconds.toFixed(3),
			cliPeakRssMiB: Number.isNaN(rssKb) ? null : Math.round(rssKb / 1024),
			targetCliSeconds: 5
		})
);
