#!/usr/bin/env node
/**
 * Evaluator speed in Node (issue 3). The engine is bundled with esbuild first (as the app's worker
 * bundle would be; tsx's on-the-fly transform adds per-closure overhead), then measured:
 *  - simple evaluations/s: 100 users, one inline + one group policy, an SCP chain, `trace:false`;
 *  - mixed evaluations/s over the synthetic 100-account / 20,000-principal organization
 *    (scripts/generate-synthetic.js through the real importer), `trace:false` and full trace;
 *  - one who-can question (one action, one resource) over all 20,000 principals, cold and warm.
 * The machine is shared, so every rate is given per wall second and per CPU second of this process.
 * Prints human lines and a final `BENCH {json}`.
 */
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'out', 'engine');
mkdirSync(out, { recursive: true });
writeFileSync(
	join(out, 'entry.ts'),
	`export { createEvaluator } from '../../../src/lib/engine/evaluate';\nexport { worldToSnapshot } from '../../../src/lib/engine/testing/world';\n`
);
await build({
	entryPoints: [join(out, 'entry.ts')],
	bundle: true,
	platform: 'neutral',
	format: 'esm',
	outfile: join(out, 'engine.bundle.mjs'),
	logLevel: 'warning'
});
const { createEvaluator, worldToSnapshot } = await import(
	pathToFileURL(join(out, 'engine.bundle.mjs')).href
);

/** Run `fn` (which returns how many evaluations it did) for about `ms`; rates per wall and CPU second. */
function measure(fn, ms = 2000) {
	const t0 = performance.now();
	const c0 = process.cpuUsage();
	let n = 0;
	while (performance.now() - t0 < ms) n += fn();
	const wall = (performance.now() - t0) / 1000;
	const c = process.cpuUsage(c0);
	return {
		perWallSec: Math.round(n / wall),
		perCpuSec: Math.round(n / ((c.user + c.system) / 1e6))
	};
}
function timed(fn) {
	const t0 = performance.now();
	const c0 = process.cpuUsage();
	const value = fn();
	const c = process.cpuUsage(c0);
	return {
		value,
		wallMs: Math.round(performance.now() - t0),
		cpuMs: Math.round((c.user + c.system) / 1000)
	};
}

// simple
const A = '111111111111';
const V = '2012-10-17';
const simple = createEvaluator(
	worldToSnapshot({
		org: {
			management: '999999999999',
			ous: [{ id: 'ou-a', parent: 'r-root' }],
			accounts: { [A]: 'ou-a' },
			scps: [
				{
					id: 'p-d',
					targets: ['ou-a'],
					document: {
						Version: V,
						Statement: [
							{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }
						]
					}
				}
			]
		},
		accounts: {
			[A]: {
				users: Array.from({ length: 100 }, (_, i) => ({
					name: `u${i}`,
					groups: ['devs'],
					policies: [
						{
							Version: V,
							Statement: [
								{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' },
								{ Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }
							]
						}
					]
				})),
				groups: [
					{
						name: 'devs',
						policies: [
							{
								Version: V,
								Statement: [
									{
										Effect: 'Allow',
										Action: 'ec2:Describe*',
										Resource: '*',
										Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } }
									}
								]
							}
						]
					}
				]
			}
		}
	})
);
const sActions = ['s3:GetObject', 's3:PutObject', 'ec2:DescribeInstances', 's3:DeleteBucket'];
const sReqs = Array.from({ length: 1000 }, (_, i) => ({
	principal: `arn:aws:iam::${A}:user/u${i % 100}`,
	action: sActions[i % 4],
	resource: 'arn:aws:s3:::bucket/key',
	resourceAccount: A,
	context: { 'aws:RequestedRegion': 'eu-west-1' }
}));
for (let k = 0; k < 20; k++) for (const r of sReqs) simple.evaluate(r, { trace: false });
const simpleRate = measure(() => {
	for (const r of sReqs) simple.evaluate(r, { trace: false });
	return sReqs.length;
});
console.log(
	`simple evaluations (trace:false): ${simpleRate.perWallSec.toLocaleString('en')}/s wall, ${simpleRate.perCpuSec.toLocaleString('en')}/s CPU`
);

// synthetic
register();
const { syntheticOrg, requestVocabulary } = await import('./_synthetic-org.js');
const snapshot = await syntheticOrg();
const { principals, resources, actions } = requestVocabulary(snapshot);
console.log(
	`synthetic org: ${snapshot.accounts.length} accounts, ${principals.length} principals, ${resources.length} resources with policies`
);
const reqs = [];
for (let i = 0; i < 20000; i++) {
	const a = actions[i % actions.length];
	const resource =
		a === 'sts:AssumeRole'
			? principals[(i * 104729) % principals.length].replace(':user/', ':role/')
			: resources[(i * 31) % resources.length];
	reqs.push({
		principal: principals[(i * 7919) % principals.length],
		action: a,
		resource,
		context:
			i % 3 === 0 ? { 'aws:SourceIp': '10.0.0.1', 'aws:RequestedRegion': 'eu-west-1' } : undefined
	});
}
const question = {
	action: 's3:GetObject',
	resource: resources.find((r) => r.startsWith('arn:aws:s3:::')) ?? resources[0]
};
const cold = createEvaluator(snapshot);
const whoCold = timed(() => cold.whoCan(question.action, question.resource));
const whoWarm = timed(() => cold.whoCan(question.action, question.resource));
const allowed = whoWarm.value.filter((e) => e.decision === 'allowed').length;
console.log(
	`whoCan(${question.action}, ${question.resource}) over ${whoCold.value.length} principals: cold ${whoCold.wallMs} ms wall / ${whoCold.cpuMs} ms CPU (includes compiling every principal), warm ${whoWarm.wallMs} ms wall / ${whoWarm.cpuMs} ms CPU; ${allowed} allowed`
);

const ev = createEvaluator(snapshot);
const warm = timed(() => reqs.forEach((r) => ev.evaluate(r, { trace: false })));
const mixedFast = measure(() => {
	for (const r of reqs) ev.evaluate(r, { trace: false });
	return reqs.length;
});
const mixedTrace = measure(() => {
	for (let i = 0; i < 2000; i++) ev.evaluate(reqs[i]);
	return 2000;
});
console.log(
	`mixed requests, first pass over ${reqs.length} (compiles principals): ${warm.wallMs} ms wall / ${warm.cpuMs} ms CPU`
);
console.log(
	`mixed evaluations (trace:false): ${mixedFast.perWallSec.toLocaleString('en')}/s wall, ${mixedFast.perCpuSec.toLocaleString('en')}/s CPU`
);
console.log(
	`mixed evaluations (full trace):  ${mixedTrace.perWallSec.toLocaleString('en')}/s wall, ${mixedTrace.perCpuSec.toLocaleString('en')}/s CPU`
);
console.log(
	`BENCH ${JSON.stringify({
		simpleEvalPerSec: simpleRate,
		mixedEvalPerSecFast: mixedFast,
		mixedEvalPerSecTrace: mixedTrace,
		whoCan: {
			principals: whoCold.value.length,
			coldWallMs: whoCold.wallMs,
			coldCpuMs: whoCold.cpuMs,
			warmWallMs: whoWarm.wallMs,
			warmCpuMs: whoWarm.cpuMs
		}
	})}`
);
