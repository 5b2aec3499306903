#!/usr/bin/env node
/**
 * Engine worker speed (issue 3): in headless Chromium, the time to answer one action on one
 * resource for all 20,000 principals of the synthetic 100-account organization
 * (scripts/generate-synthetic.js) through the real engine worker and EngineClient — wall time in
 * the page, postMessage both ways included. Target: under 1 s.
 * Builds a small Vite harness (bench/engine-worker/) into bench/out/engine-worker/, serves it with
 * static/catalog and the snapshot on 127.0.0.1, drives /usr/bin/chromium via playwright-core.
 * Prints human lines and a final `BENCH {json}`.
 */
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHarness, openHarness, preflight } from './_chromium-harness.js';
import { syntheticSnapshot } from './engine-worker/synthetic.js';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, 'out', 'engine-worker');
const RUNS = 5;
preflight('engine-worker');

const { snapshot, action, resource, source } = await syntheticSnapshot();
const principals = snapshot.accounts.reduce((n, a) => n + a.users.length + a.roles.length, 0);
console.log(
	`synthetic org (${source}): ${snapshot.accounts.length} accounts, ${principals} principals; question: ${action} on ${resource}`
);

const tb = performance.now();
const snapshotBytes = await buildHarness(join(here, 'engine-worker'), outDir, snapshot);
console.log(
	`harness built in ${((performance.now() - tb) / 1000).toFixed(1)} s; snapshot ${(snapshotBytes / 1048576).toFixed(1)} MiB`
);

const { page, close } = await openHarness(outDir);
try {
	const r = await page.evaluate((input) => globalThis.runBench(input), {
		action,
		resource,
		runs: RUNS
	});
	const sorted = [...r.times].sort((a, b) => a - b);
	const median = sorted[Math.floor(sorted.length / 2)];
	const target = 1000;
	console.log(
		`snapshot fetch+parse ${r.fetchMs.toFixed(0)} ms; load (posted) ${r.loadMs.toFixed(0)} ms, main thread blocked ${r.loadBlockMs.toFixed(0)} ms (evaluator created in ${r.compileMs.toFixed(0)} ms)`
	);
	console.log(
		`loadStored (worker reads IndexedDB) ${r.loadStoredMs.toFixed(0)} ms, main thread blocked ${r.storedBlockMs.toFixed(1)} ms`
	);
	console.log(
		`cold: whoCan over ${r.rows} principals right after load: ${r.coldMs.toFixed(0)} ms (in-worker ${r.coldWorkerMs.toFixed(0)} ms); ${JSON.stringify(r.counts)}`
	);
	console.log(`background warm-up of every principal after load: ${r.warmUpMs.toFixed(0)} ms`);
	console.log(
		`warm: whoCan first ${r.times[0].toFixed(0)} ms, median of ${RUNS} ${median.toFixed(0)} ms (in-worker ${r.workerMs.map((m) => m.toFixed(0)).join('/')} ms)`
	);
	console.log(
		`actionsForResource (${r.actionsCount} actions for one principal, catalog fetched lazily): ${r.actionsMs.toFixed(0)} ms`
	);
	console.log(
		`target under ${target} ms: warm ${r.times[0] < target ? 'met' : 'NOT met'}, cold ${r.coldMs < target ? 'met' : 'NOT met'}`
	);
	const bench = {
		source,
		accounts: snapshot.accounts.length,
		principals: r.principals,
		action,
		resource,
		snapshotMiB: +(snapshotBytes / 1048576).toFixed(1),
		loadMs: Math.round(r.loadMs),
		loadMainThreadBlockMs: Math.round(r.loadBlockMs),
		loadStoredMs: Math.round(r.loadStoredMs),
		loadStoredMainThreadBlockMs: +r.storedBlockMs.toFixed(1),
		whoCanColdMs: Math.round(r.coldMs),
		warmUpMs: Math.round(r.warmUpMs),
		whoCanWarmFirstMs: Math.round(r.times[0]),
		whoCanWarmMedianMs: Math.round(median),
		whoCanWorkerMs: r.workerMs.map(Math.round),
		counts: r.counts,
		actionsForResourceMs: Math.round(r.actionsMs),
		actionsForResourceCount: r.actionsCount,
		targetMs: target,
		metWarm: r.times[0] < target,
		metCold: r.coldMs < target,
		loadAverage: os.loadavg()[0]
	};
	console.log(`BENCH ${JSON.stringify(bench)}`);
} finally {
	await close();
}
