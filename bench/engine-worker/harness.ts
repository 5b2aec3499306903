/**
 * Browser side of bench/engine-worker.js: loads the synthetic snapshot into the real engine
 * worker through EngineClient and times who-can questions (one action, one resource, every
 * principal) as the app asks them: wall time in the page, postMessage both ways included.
 * Cold: asked right after `load`. Warm: after the worker's background warm-up has compiled
 * every principal (what a user meets a few seconds after opening a snapshot).
 */
import { createEngineClient } from '../../src/lib/workers/engine-client';
import type { Snapshot } from '../../src/lib/model/snapshot';
import { SnapshotStore } from '../../src/lib/store/snapshot-store';
import { timed, waitWarm } from './timing';

interface BenchInput {
	action: string;
	resource: string;
	runs: number;
}

async function run({ action, resource, runs }: BenchInput) {
	const [snapshot, fetchMs] = await timed(
		async () => (await (await fetch('./snapshot.json')).json()) as Snapshot
	);
	const client = createEngineClient();
	// postMessage serialises synchronously: the time until load() returns its promise is main-thread block.
	let loadBlockMs = 0;
	const [loaded, loadMs] = await timed(() => {
		const t = performance.now();
		const p = client.load(snapshot);
		loadBlockMs = performance.now() - t;
		return p;
	});
	const [cold, coldMs] = await timed(() => client.whoCan({ action, resource }));

	const saved = await new SnapshotStore().save(snapshot, { id: 'bench-engine-worker' });
	if (!saved.ok) throw new Error(saved.error.message);
	let storedBlockMs = 0;
	const [, loadStoredMs] = await timed(() => {
		const t = performance.now();
		const p = client.loadStored('bench-engine-worker');
		storedBlockMs = performance.now() - t;
		return p;
	});
	const warmUpMs = await waitWarm(client);
	const times: number[] = [];
	const workerMs: number[] = [];
	for (let i = 0; i < runs; i++) {
		const [r, ms] = await timed(() => client.whoCan({ action, resource }));
		times.push(ms);
		workerMs.push(r.ms);
	}
	const principal = snapshot.accounts[0].users[0]?.arn ?? snapshot.accounts[0].roles[0].arn;
	const [side, actionsMs] = await timed(() => client.actionsForResource({ principal, resource }));
	const actionsCount = Object.values(side.levels).reduce((n, l) => n + l.length, 0);
	client.dispose();
	return {
		fetchMs,
		loadMs,
		loadBlockMs,
		loadStoredMs,
		storedBlockMs,
		compileMs: loaded.ms,
		principals: loaded.principals,
		coldMs,
		coldWorkerMs: cold.ms,
		counts: cold.counts,
		rows: cold.rows.length,
		warmUpMs,
		times,
		workerMs,
		actionsMs,
		actionsCount
	};
}

(globalThis as unknown as { runBench: typeof run }).runBench = run;
(globalThis as unknown as { benchReady: boolean }).benchReady = true;
