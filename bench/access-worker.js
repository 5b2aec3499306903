#!/usr/bin/env node
/**
 * Access-view speed (issue 10): in headless Chromium, on the synthetic 100-account / 20,000-principal
 * organization, one principal's escalation paths and what-can (the engine worker's `access` call)
 * through the real engine worker and EngineClient, warm — target under 200 ms — plus the first
 * call (whole action catalog fetched, assume graph built), a drill-down, and the organization run.
 * Builds a small Vite harness (bench/access-worker/) into bench/out/access-worker/, serves it with
 * static/catalog and the snapshot on 127.0.0.1, drives /usr/bin/chromium via playwright-core.
 * Prints human lines and a final `BENCH {json}`. `--no-org` skips the organization run.
 */
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHarness, openHarness, preflight } from './_chromium-harness.js';
import { syntheticSnapshot } from './engine-worker/synthetic.js';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, 'out', 'access-worker');
const TARGET = 200;
preflight('access-worker');

const { snapshot, source } = await syntheticSnapshot();
const principals = snapshot.accounts.reduce((n, a) => n + a.users.length + a.roles.length, 0);
console.log(
	`synthetic org (${source}): ${snapshot.accounts.length} accounts, ${principals} principals`
);

await buildHarness(join(here, 'access-worker'), outDir, snapshot);
const { page, close } = await openHarness(outDir);
try {
	page.setDefaultTimeout(0);
	const r = await page.evaluate((input) => globalThis.runBench(input), {
		every: 997,
		count: 16,
		organization: !process.argv.includes('--no-org')
	});
	const sorted = [...r.times].sort((a, b) => a - b);
	const median = sorted[Math.floor(sorted.length / 2)];
	const max = sorted.at(-1);
	console.log(`background warm-up after load: ${r.warmUpMs.toFixed(0)} ms`);
	console.log(
		`first access (whole catalog fetched, assume graph built): ${r.firstMs.toFixed(0)} ms (in-worker ${r.firstWorkerMs.toFixed(0)} ms)`
	);
	console.log(
		`warm access, ${r.times.length} principals: median ${median.toFixed(0)} ms, max ${max.toFixed(0)} ms (in-worker median ${[...r.workerMs].sort((a, b) => a - b)[Math.floor(r.workerMs.length / 2)].toFixed(0)} ms); statuses ${JSON.stringify(r.statuses)}`
	);
	const med = (k) => {
		const xs = r.parts.map((p) => p[k]).sort((a, b) => a - b);
		return xs[Math.floor(xs.length / 2)];
	};
	const parts = {
		escalationMs: +med('escalationMs').toFixed(1),
		chainsMs: +med('chainsMs').toFixed(1),
		whatCanMs: +med('whatCanMs').toFixed(1)
	};
	console.log(`in-worker medians by part: ${JSON.stringify(parts)}`);
	console.log(`drill-down (one service's actions and resources): ${r.drillMs.toFixed(0)} ms`);
	if (r.orgMs)
		console.log(
			`organization run (every principal, in the worker): ${r.orgMs.toFixed(0)} ms, ${r.progressEvents} progress events; ${JSON.stringify(r.counts)}`
		);
	console.log(
		`target warm under ${TARGET} ms: ${median < TARGET ? 'met' : 'NOT met'} (median), max ${max < TARGET ? 'met' : 'NOT met'}`
	);
	console.log(
		`BENCH ${JSON.stringify({
			name: 'access-worker',
			source,
			principals: r.principals,
			firstAccessMs: Math.round(r.firstMs),
			accessWarmMedianMs: Math.round(median),
			accessWarmMaxMs: Math.round(max),
			accessWarmTimesMs: r.times.map(Math.round),
			inWorkerPartsMedianMs: parts,
			drillDownMs: Math.round(r.drillMs),
			organizationMs: Math.round(r.orgMs),
			progressEvents: r.progressEvents,
			counts: r.counts,
			targetMs: TARGET,
			met: median < TARGET,
			loadAverage: os.loadavg()[0]
		})}`
	);
} finally {
	await close();
}
