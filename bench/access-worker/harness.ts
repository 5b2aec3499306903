/**
 * Browser side of bench/access-worker.js: loads the synthetic snapshot into the real engine
 * worker through EngineClient, waits for the background warm-up, then times the Access view's
 * question — one principal's escalation paths, role chains and what-can summary (`access`) — as
 * the app asks it: wall time in the page, postMessage both ways included. The first `access`
 * also fetches the whole action catalog and builds the organization's assume graph (reported as
 * "first"); the others are warm. Then one drill-down and the organization run with progress.
 */
import { createEngineClient } from '../../src/lib/workers/engine-client';
import type { Snapshot } from '../../src/lib/model/snapshot';
import { timed, waitWarm } from '../engine-worker/timing';

async function run({
	every,
	count,
	organization
}: {
	every: number;
	count: number;
	organization: boolean;
}) {
	const snapshot = (await (await fetch('./snapshot.json')).json()) as Snapshot;
	const client = createEngineClient();
	await client.load(snapshot);
	const warmUpMs = await waitWarm(client);
	const principals = snapshot.accounts.flatMap((a) => [
		...a.users.map((u) => u.arn),
		...a.roles.map((r) => r.arn)
	]);
	const pick = principals.filter((_, i) => i % every === 0).slice(0, count);
	const [first, firstMs] = await timed(() => client.access(pick[0]));
	const times: number[] = [];
	const workerMs: number[] = [];
	const statuses: Record<string, number> = {};
	const parts: Array<Record<string, number>> = [];
	for (const p of pick.slice(1)) {
		const [r, ms] = await timed(() => client.access(p));
		times.push(ms);
		workerMs.push(r.ms);
		parts.push(r.parts);
		statuses[r.status] = (statuses[r.status] ?? 0) + 1;
	}
	const service = first.services[0]?.service ?? 's3';
	const [, drillMs] = await timed(() => client.accessService(pick[0], service));
	let orgMs = 0;
	let progressEvents = 0;
	let counts = {};
	if (organization) {
		const [org, ms] = await timed(() =>
			client.organization({ onProgress: () => progressEvents++ })
		);
		orgMs = ms;
		counts = org.counts;
	}
	client.dispose();
	return {
		principals: principals.length,
		warmUpMs,
		firstMs,
		firstWorkerMs: first.ms,
		times,
		workerMs,
		parts,
		statuses,
		drillMs,
		orgMs,
		progressEvents,
		counts
	};
}

(globalThis as unknown as { runBench: typeof run }).runBench = run;
(globalThis as unknown as { benchReady: boolean }).benchReady = true;
