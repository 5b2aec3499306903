/**
 * Replays the evaluator's fixture cases (src/lib/engine/cases/*.json) against the peer: every case
 * whose principal the peer can express is mapped like a generated request, and the peer's decision
 * is compared with the case's expected decision. A disagreement must be explained by a named
 * divergence (then the case documents where the peer departs from the docs); the rest are listed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createEvaluator } from '../../src/lib/engine/evaluate';
import { worldToSnapshot, type EvalCase } from '../../src/lib/engine/testing/world';
import { indexSnapshot } from '../../src/lib/model/snapshot-index';
import { classify, peerDecision } from './compare';
import { peerSimulation } from './peer-input';
import { shapeOf } from './request-shape';
import type { GeneratedWorld } from './world-generator';

/** What the fixture replay found. */
export interface FixtureReport {
	cases: number;
	replayed: number;
	/** Callers the peer cannot express (service principals, anonymous, federated users). */
	skipped: number;
	/** The peer rejected the input (unknown action, resource type it does not accept, …). */
	peerRejected: number;
	/** Cases our evaluator currently fails (open engine findings): not replayed. */
	engineFailing: string[];
	agreement: number;
	divergences: Record<string, number>;
	unexplained: { name: string; expected: string; peer: string }[];
}

/**
 * Case files the peer cannot replay in bounded time: their wildcard patterns are built to make a
 * backtracking regular expression take exponential time (issue 9), and the peer compiles wildcards
 * to such regexes. Our engine's answers on them are checked by cases.spec.ts and the matcher's
 * property test against a reference matcher (src/lib/engine/match/pattern.spec.ts).
 */
const PEER_BACKTRACKS = new Set(['pathological-patterns.json']);

/** Replay every fixture case. */
export async function replayFixtures(
	dir = resolve(import.meta.dirname, '../../src/lib/engine/cases')
): Promise<FixtureReport> {
	const report: FixtureReport = {
		cases: 0,
		replayed: 0,
		skipped: 0,
		peerRejected: 0,
		engineFailing: [],
		agreement: 0,
		divergences: {},
		unexplained: []
	};
	for (const file of readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()) {
		const cases = JSON.parse(readFileSync(join(dir, file), 'utf8')) as EvalCase[];
		if (PEER_BACKTRACKS.has(file)) {
			report.cases += cases.length;
			report.skipped += cases.length;
			continue;
		}
		for (const c of cases) {
			report.cases++;
			const snapshot = worldToSnapshot(c.world);
			const index = indexSnapshot(snapshot);
			if (createEvaluator(snapshot).evaluate(c.request).decision !== c.expect.decision) {
				report.engineFailing.push(c.name);
				continue;
			}
			const g = shapeOf(index, c.request);
			if (!g) {
				report.skipped++;
				continue;
			}
			const world = { snapshot } as GeneratedWorld;
			const sim = peerSimulation(index, world, g);
			const peer = await peerDecision(sim);
			if (!('decision' in peer)) {
				report.peerRejected++;
				continue;
			}
			report.replayed++;
			if (peer.decision === c.expect.decision) {
				report.agreement++;
				continue;
			}
			const name = await classify({ index, g, sim, ignoredKeys: peer.ignoredKeys });
			if (name) report.divergences[name] = (report.divergences[name] ?? 0) + 1;
			else
				report.unexplained.push({ name: c.name, expected: c.expect.decision, peer: peer.decision });
		}
	}
	return report;
}
