#!/usr/bin/env node
/**
 * Findings speed (issue 12, target < 2 s): every built-in rule over the synthetic organization of
 * scripts/generate-synthetic.js (100 accounts, 20,000 principals), imported with importFiles. The
 * generator writes no review evidence, so each account is given here a credential report row per
 * user, the root row, a password policy, and last-accessed data for every role (5 services), so the
 * credential and last-accessed rules have work to do. Times the whole call (index + evaluator +
 * rules), cold, then again warm. Prints human lines and a final `BENCH {json}`.
 */
import { register } from 'tsx/esm/api';

register();
const { syntheticOrg } = await import('./_synthetic-org.js');
const { findFindings } = await import('../src/lib/analysis/findings/find-findings.ts');
const { withReviewEvidence } = await import('./_synthetic-evidence.js');

const snapshot = await syntheticOrg();
const rows = withReviewEvidence(snapshot);
const principals = snapshot.accounts.reduce((n, a) => n + a.users.length + a.roles.length, 0);
const resources = snapshot.accounts.reduce((n, a) => n + a.resources.length, 0);
console.log(
	`synthetic org: ${snapshot.accounts.length} accounts, ${principals} principals, ${resources} resources, ${rows} credential-report rows`
);

function timed(fn) {
	const c0 = process.cpuUsage();
	const t0 = performance.now();
	const value = fn();
	const wallMs = Math.round(performance.now() - t0);
	const c = process.cpuUsage(c0);
	return { value, wallMs, cpuMs: Math.round((c.user + c.system) / 1000) };
}
globalThis.gc?.();
const cold = timed(() => findFindings(snapshot));
globalThis.gc?.();
const warm = timed(() => findFindings(snapshot));
const byRule = {};
for (const f of cold.value) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
console.log(`findings: ${cold.value.length} (${JSON.stringify(byRule)})`);
console.log(
	`first run: ${cold.wallMs} ms wall / ${cold.cpuMs} ms CPU; second: ${warm.wallMs} ms wall / ${warm.cpuMs} ms CPU (target < 2000 ms)`
);
console.log(
	`BENCH ${JSON.stringify({
		findings: {
			accounts: snapshot.accounts.length,
			principals,
			count: cold.value.length,
			byRule,
			coldWallMs: cold.wallMs,
			coldCpuMs: cold.cpuMs,
			warmWallMs: warm.wallMs,
			warmCpuMs: warm.cpuMs,
			targetMs: 2000
		}
	})}`
);
