#!/usr/bin/env node
/**
 * Evaluator vs @cloud-copilot/iam-simulate 0.1.173 (issue 3, "Speed"): evaluations per second of
 * our evaluator and of the peer's runSimulation, side by side on the SAME request set (the
 * differential test's generated organizations), and the time for one action + resource over every
 * principal of the synthetic 100-account / 20,000-principal organization (Evaluator.whoCan).
 * The peer is a devDependency used only here and in tests/differential (AGPL).
 * Prints human lines and one final `BENCH {json}`.
 */
import { register } from 'tsx/esm/api';

register();
const { runSimulation } = await import('@cloud-copilot/iam-simulate');
const { createEvaluator } = await import('../src/lib/engine/evaluate.ts');
const { buildRequestSet } = await import('../tests/differential/request-set.ts');
const { peerSimulation } = await import('../tests/differential/peer-input.ts');

const WORLDS = 20;
const PER_WORLD = 110;
const set = buildRequestSet(WORLDS, PER_WORLD);
const total = WORLDS * PER_WORLD;

/**
 * Run `pass` (one sweep over the set) until `seconds` of wall time have passed. Returns evaluations
 * per second of wall time and per second of process CPU time (the machine is shared, so CPU time is
 * the steadier figure).
 */
async function rate(pass, seconds) {
	let n = 0;
	const t0 = performance.now();
	const c0 = process.cpuUsage();
	while (performance.now() - t0 < seconds * 1000) n += await pass();
	const cpu = process.cpuUsage(c0);
	return { wall: n / ((performance.now() - t0) / 1000), cpu: n / ((cpu.user + cpu.system) / 1e6) };
}
const best = (a, b) => ({ wall: Math.max(a.wall, b.wall), cpu: Math.max(a.cpu, b.cpu) });

// Ours: one evaluator per organization, built once (as the app does per snapshot).
const built = set.map(({ world, requests }) => ({
	evaluator: createEvaluator(world.snapshot),
	requests: requests.map((g) => g.request)
}));
const ours = (options) => () => {
	for (const { evaluator, requests } of built)
		for (const r of requests) evaluator.evaluate(r, options);
	return total;
};
ours({ trace: true })();

// Peer: inputs mapped beforehand, so only runSimulation is timed.
const sims = set.flatMap(({ world, index, requests }) =>
	requests.map((g) => peerSimulation(index, world, g))
);
const peerPass = async () => {
	for (const s of sims) await runSimulation(s, {});
	return sims.length;
};
await peerPass(); // warm-up: the peer loads its IAM data lazily per service
// The machine is shared: interleave rounds so both sides see the same load, and keep each side's best.
let oursFull = { wall: 0, cpu: 0 };
let oursFast = { wall: 0, cpu: 0 };
let peer = { wall: 0, cpu: 0 };
for (let round = 0; round < 5; round++) {
	oursFull = best(oursFull, await rate(ours({ trace: true }), 1));
	oursFast = best(oursFast, await rate(ours({ trace: false, summary: false }), 1));
	peer = best(peer, await rate(peerPass, 2));
}
console.log(`request set: ${total} requests over ${WORLDS} generated organizations`);
const fmt = (r) =>
	`${Math.round(r.wall).toLocaleString('en')}/s wall, ${Math.round(r.cpu).toLocaleString('en')}/s CPU`;
console.log(`ours, full trace:       ${fmt(oursFull)}`);
console.log(`ours, decision only:    ${fmt(oursFast)}`);
console.log(`iam-simulate 0.1.173:   ${fmt(peer)}`);
console.log(
	`speed-up (CPU): ${(oursFull.cpu / peer.cpu).toFixed(0)}× full trace, ${(oursFast.cpu / peer.cpu).toFixed(0)}× decision only;` +
		` (wall): ${(oursFull.wall / peer.wall).toFixed(0)}×, ${(oursFast.wall / peer.wall).toFixed(0)}×`
);

// Who can: the synthetic organization through the real importer (bench/_synthetic-org.js).
const { syntheticOrg } = await import('./_synthetic-org.js');
const snapshot = await syntheticOrg();
let t = performance.now();
const evaluator = createEvaluator(snapshot);
const createMs = performance.now() - t;
const bucket = snapshot.accounts.flatMap((a) => a.resources).find((r) => r.kind === 's3-bucket');
const resource = bucket
	? `${bucket.arn}/reports/q1.csv`
	: 'arn:aws:s3:::synthetic-bucket/reports/q1.csv';
t = performance.now();
const cold = evaluator.whoCan('s3:GetObject', resource);
const coldMs = performance.now() - t;
t = performance.now();
const warm = evaluator.whoCan('s3:PutObject', resource);
const warmMs = performance.now() - t;
const allowed = cold.filter((e) => e.decision === 'allowed').length;
console.log(
	`synthetic org: ${snapshot.accounts.length} accounts, ${cold.length} principals; createEvaluator ${createMs.toFixed(0)} ms`
);
console.log(
	`whoCan s3:GetObject on ${resource}: ${coldMs.toFixed(0)} ms cold (${allowed} allowed), ${warmMs.toFixed(0)} ms warm (s3:PutObject, ${warm.length} principals)`
);

console.log(
	'BENCH ' +
		JSON.stringify({
			requests: total,
			oursEvalPerSecFullTrace: Math.round(oursFull.wall),
			oursEvalPerSecDecisionOnly: Math.round(oursFast.wall),
			peerEvalPerSec: Math.round(peer.wall),
			oursEvalPerCpuSecFullTrace: Math.round(oursFull.cpu),
			oursEvalPerCpuSecDecisionOnly: Math.round(oursFast.cpu),
			peerEvalPerCpuSec: Math.round(peer.cpu),
			speedupFullTrace: +(oursFull.cpu / peer.cpu).toFixed(1),
			speedupDecisionOnly: +(oursFast.cpu / peer.cpu).toFixed(1),
			syntheticAccounts: snapshot.accounts.length,
			syntheticPrincipals: cold.length,
			createEvaluatorMs: Math.round(createMs),
			whoCanColdMs: Math.round(coldMs),
			whoCanWarmMs: Math.round(warmMs)
		})
);
