/**
 * Differential test: our evaluator against @cloud-copilot/iam-simulate 0.1.173's runSimulation
 * over generated organizations. Prints the agreement rate and every disagreement class; exits
 * non-zero when fewer than 5,000 requests ran, the peer rejected a generated input, or a
 * disagreement — of a generated request or of a replayed fixture case (fixtures.ts) — is not
 * explained by a documented divergence (divergences.ts, divergences-grammar.ts).
 * Usage: npm run test:differential [-- --worlds 100 --per-world 110 --seed 1]
 */
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { createEvaluator } from '../../src/lib/engine/evaluate';
import type { Decision } from '../../src/lib/engine/types';
import { classify } from './compare';
import { DIVERGENCES } from './divergences';
import { replayFixtures } from './fixtures';
import { peerSimulation } from './peer-input';
import { buildRequestSet } from './request-set';

const PEER: Record<string, Decision> = {
	Allowed: 'allowed',
	ExplicitlyDenied: 'explicitDeny',
	ImplicitlyDenied: 'implicitDeny'
};

function arg(name: string, fallback: number): number {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const worlds = arg('worlds', 100);
const perWorld = arg('per-world', 110);
const set = buildRequestSet(worlds, perWorld, arg('seed', 1));
let total = 0;
let agree = 0;
let ignoredKeys = 0;
const classes: Record<string, number> = {};
const decisions: Record<string, number> = {};
const unexplained: unknown[] = [];
const peerErrors: unknown[] = [];
for (const { world, index, requests } of set) {
	const evaluator = createEvaluator(world.snapshot);
	for (const g of requests) {
		total++;
		const ours = evaluator.evaluate(g.request);
		const sim = peerSimulation(index, world, g);
		const r = await runSimulation(sim, {});
		if (r.resultType === 'error') {
			peerErrors.push({ seed: world.seed, request: g.request, errors: r.errors });
			continue;
		}
		if (r.resultType === 'single' && r.result.ignoredContextKeys?.length) ignoredKeys++;
		const peer = PEER[r.overallResult];
		decisions[ours.decision] = (decisions[ours.decision] ?? 0) + 1;
		if (peer === ours.decision) {
			agree++;
			continue;
		}
		const name = await classify({
			index,
			g,
			sim,
			ignoredKeys: r.resultType === 'single' ? r.result.ignoredContextKeys : []
		});
		if (name) classes[name] = (classes[name] ?? 0) + 1;
		else
			unexplained.push({
				seed: world.seed,
				request: g.request,
				ours: ours.decision,
				peer,
				reasons: ours.reasons,
				gap: ours.gap,
				summary: ours.summary
			});
	}
}
const explained = Object.values(classes).reduce((a, b) => a + b, 0);
const report = {
	requests: total,
	worlds,
	agreement: agree,
	agreementRate: +(agree / total).toFixed(5),
	explainedByDivergence: explained,
	agreementRateAfterDivergences: +((agree + explained) / total).toFixed(5),
	divergences: classes,
	unexplained: unexplained.length,
	peerErrors: peerErrors.length,
	peerIgnoredContextKeys: ignoredKeys,
	ourDecisions: decisions
};
for (const u of unexplained.slice(0, 15)) console.log('UNEXPLAINED', JSON.stringify(u));
for (const e of peerErrors.slice(0, 5)) console.log('PEER-ERROR', JSON.stringify(e));
console.log(
	`differential: ${total} requests over ${worlds} organizations; agreement ${(100 * report.agreementRate).toFixed(2)}%; ` +
		`explained by documented divergences ${explained}; unexplained ${unexplained.length}`
);
for (const rule of DIVERGENCES)
	console.log(
		`  ${rule.name}: ${Object.entries(classes)
			.filter(([k]) => k.split(' + ').includes(rule.name))
			.reduce((a, [, n]) => a + n, 0)}  (${rule.doc})`
	);
const fixtures = await replayFixtures();
for (const u of fixtures.unexplained) console.log('FIXTURE-UNEXPLAINED', JSON.stringify(u));
console.log(
	`fixture cases replayed against the peer: ${fixtures.replayed} of ${fixtures.cases} (${fixtures.skipped} callers the peer cannot express, ` +
		`${fixtures.peerRejected} inputs it rejects); peer agrees with the expected decision in ${fixtures.agreement}; ` +
		`documented divergences ${JSON.stringify(fixtures.divergences)}; unexplained ${fixtures.unexplained.length}`
);
console.log(
	`DIFFERENTIAL ${JSON.stringify({ ...report, fixtures: { ...fixtures, unexplained: fixtures.unexplained.length } })}`
);
process.exitCode =
	total < 5000 || unexplained.length > 0 || peerErrors.length > 0 || fixtures.unexplained.length > 0
		? 1
		: 0;
