/**
 * Browser side of bench/engine-worker.js: loads the synthetic snapshot into the real engine
 * worker through EngineClient, then times who-can questions (one action, one resource, every
 * principal) as the app would ask them: wall time in the page, postMessage round trip included.
 */
import { createEngineClient } from '../../src/lib/workers/engine-client';

interface BenchInput {
	action: string;
	resource: string;
	runs: number;
}

async function run({ action, resource, runs }: BenchInput) {
	const t0 = performance.now();
	const snapshot = await (await fetch('./snapshot.json')).json();
	const fetchMs = performance.now() - t0;
	const client = createEngineClient();
	const t1 = performance.now();
	const loaded = await client.load(snapshot);
	const loadMs = performance.now() - t1;
	const times: number[] = [];
	const workerMs: number[] = [];
	let counts = {};
	let rows = 0;
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		const r = await client.whoCan({ action, resource });
		times.push(performance.now() - t);
		workerMs.push(r.ms);
		counts = r.counts;
		rows = r.rows.length;
	}
	const t2 = performance.now();
	const side = await client.actionsForResource({ principal: snapshot.accounts[0].users[0]?.arn ?? snapshot.accounts[0].roles[0].arn, resource });
	const actionsMs = performance.now() - t2;
	const actionsCount = Object.values(side.levels).reduce((n: number, l) => n + (l as unknown[]).length, 0);
	client.dispose();
	return { fetchMs, loadMs, compileMs: loaded.ms, principals: loaded.principals, times, workerMs, counts, rows, actionsMs, actionsCount };
}

(globalThis as unknown as { runBench: typeof run }).runBench = run;
(globalThis as unknown as { benchReady: boolean }).benchReady = true;
