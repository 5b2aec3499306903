/**
 * The analysis cases (src/lib/analysis/<analysis>/cases/*.json): a compact world (the evaluator
 * cases' format, ../../engine/testing/world.ts) and what the analyses must say about it. Each case
 * cites the AWS page or the technique reference it follows. Tests only.
 */
import { expect } from 'vitest';
import { adminCheck } from '../admin/admin';
import { createAsk } from '../ask/ask';
import { assumeGraph, roleChains } from '../assume/assume';
import { createEscalation, type EscalationStatus } from '../escalation/escalation';
import { createEvaluator } from '../../engine/evaluate';
import { worldToSnapshot, type World } from '../../engine/testing/world';

/** One analysis case. */
export interface AnalysisCase {
	name: string;
	doc: string;
	note?: string;
	/** "Now" for the default context (default 2026-06-01T00:00:00Z). */
	now?: string;
	world: World;
	expect: {
		/** principal → is an administrator. */
		admin?: Record<string, boolean>;
		/** Assume edges that must (allowed) or must not exist. */
		assume?: { from: string; to: string; allowed: boolean; kind?: string; sent?: string[] }[];
		/** The role chains from a principal, shortest first, as lists of role ARNs. */
		chains?: { from: string; paths: string[][] }[];
		/** principal → status, and the first path's `reaches` and technique ids. */
		escalation?: Record<
			string,
			{ status: EscalationStatus; reaches?: string; techniques?: string[]; needs?: boolean }
		>;
	};
}

const NOW = '2026-06-01T00:00:00Z';

/** Run one case's expectations (each makes assertions that can fail). */
export function runAnalysisCase(c: AnalysisCase): void {
	expect(c.doc, 'every case cites its reference').toMatch(/^https:\/\//);
	const snapshot = worldToSnapshot(c.world);
	const now = c.now ?? NOW;
	const ask = createAsk(createEvaluator(snapshot), { now });
	for (const [p, want] of Object.entries(c.expect.admin ?? {})) {
		const v = adminCheck(ask, p);
		expect(v.admin, `${p} admin? failed probe: ${JSON.stringify(v.failed)}`).toBe(want);
	}
	if (c.expect.assume || c.expect.chains) {
		const g = assumeGraph(ask, snapshot);
		for (const e of c.expect.assume ?? []) {
			const found = g.edges.find((x) => x.from === e.from && x.to === e.to);
			const all = JSON.stringify(g.edges.map((x) => `${x.from} → ${x.to}`));
			expect(!!found, `${e.from} → ${e.to} in ${all}`).toBe(e.allowed);
			if (found && e.kind) expect(found.kind).toBe(e.kind);
			if (found && e.sent) expect(Object.keys(found.sent).sort()).toEqual([...e.sent].sort());
		}
		for (const ch of c.expect.chains ?? [])
			expect(roleChains(g, ch.from).map((path) => path.map((e) => e.to))).toEqual(ch.paths);
	}
	if (c.expect.escalation) {
		const esc = createEscalation(snapshot, { now });
		const all = new Map(esc.all().map((r) => [r.principal, r]));
		for (const [p, want] of Object.entries(c.expect.escalation)) {
			const r = esc.forPrincipal(p);
			const detail = JSON.stringify(
				r.paths,
				(k, v) => (k === 'requests' || k === 'reasons' ? undefined : v),
				1
			);
			expect(r.status, detail).toBe(want.status);
			expect(all.get(p)?.status, 'the whole-snapshot run agrees').toBe(want.status);
			if (want.reaches) expect(r.paths[0]?.reaches, detail).toBe(want.reaches);
			if (want.techniques)
				expect(
					r.paths[0]?.steps.map((s) => s.technique),
					detail
				).toEqual(want.techniques);
			if (want.needs !== undefined)
				expect(
					r.paths[0]?.steps.some((s) => s.needs.length > 0),
					detail
				).toBe(want.needs);
		}
	}
}
