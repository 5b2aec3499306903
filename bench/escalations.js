#!/usr/bin/env node
/**
 * Access-path analysis speed (issue 10): on the synthetic 100-account / 20,000-principal
 * organization (scripts/generate-synthetic.js through the real importer), the analysis bundled
 * with esbuild as the engine worker would be, then:
 *  - escalations for every principal (cold: assume graph, admin checks, steps, paths);
 *  - one principal's paths and what-can, warm (ms, median of a few principals);
 *  - peak RSS and heap.
 * Prints human lines and a final `BENCH {json}`.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'out', 'escalations');
mkdirSync(out, { recursive: true });
writeFileSync(
	join(out, 'entry.ts'),
	[
		`export { createEscalation } from '../../../src/lib/analysis/escalation/escalation';`,
		`export { createWhatCan } from '../../../src/lib/analysis/what-can/what-can';`,
		`export { createEvaluator } from '../../../src/lib/engine/evaluate';`
	].join('\n') + '\n'
);
await build({
	entryPoints: [join(out, 'entry.ts')],
	bundle: true,
	platform: 'neutral',
	format: 'esm',
	outfile: join(out, 'analysis.bundle.mjs'),
	logLevel: 'warning'
});
const { createEscalation, createWhatCan, createEvaluator } = await import(
	pathToFileURL(join(out, 'analysis.bundle.mjs')).href
);
register();
const { syntheticOrg } = await import('./_synthetic-org.js');
const { loadNodeCatalog } = await import('../src/lib/engine/catalog/node-catalog.ts');
const { escalationLine } = await import('../src/cli/commands/escalations.ts');
const sha = (s) => createHash('sha256').update(s).digest('hex').slice(0, 16);

const snapshot = await syntheticOrg();
const catalog = await loadNodeCatalog();
const principals = snapshot.accounts.flatMap((a) => [
	...a.users.map((u) => u.arn),
	...a.roles.map((r) => r.arn)
]);
const mb = (n) => Math.round(n / 1048576);
let peakHeap = 0;
const sample = () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed));
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;

const now = '2026-01-01T00:00:00Z';
const t0 = performance.now();
const c0 = process.cpuUsage();
const esc = createEscalation(snapshot, { now, progress: sample });
const all = esc.all();
const allMs = performance.now() - t0;
const cpu = process.cpuUsage(c0);
sample();
const counts = { admin: 0, escalates: 0, conditional: 0, none: 0 };
for (const r of all) counts[r.status]++;
// the `escalations --json` lines, sorted: their hash proves a speed change left the answers alone
const lines = all.map(escalationLine).sort().join('\n') + '\n';
writeFileSync(join(out, 'all.jsonl'), lines);
const allHash = sha(lines);
console.log(
	`escalations, all ${principals.length} principals: ${Math.round(allMs)} ms wall, ${Math.round((cpu.user + cpu.system) / 1000)} ms CPU; ${JSON.stringify(counts)}`
);

// one principal, warm: a fresh analysis sharing the warm evaluator (the worker keeps one per snapshot)
const pick = principals.filter((_, i) => i % 997 === 0).slice(0, 15);
const ev = createEvaluator(snapshot);
ev.prepare();
const one = createEscalation(snapshot, { now, evaluator: ev });
one.forPrincipal(pick[0]);
const oneResults = [];
const times = pick.map((p) => {
	const t = performance.now();
	oneResults.push(escalationLine(one.forPrincipal(p)));
	return performance.now() - t;
});
const whatCan = createWhatCan(snapshot, catalog, { now, evaluator: ev });
whatCan.forPrincipal(pick[0]);
const wResults = [];
const wtimes = pick.map((p) => {
	const t = performance.now();
	wResults.push(JSON.stringify(whatCan.forPrincipal(p)));
	return performance.now() - t;
});
const oneHash = sha(oneResults.join('\n'));
const whatCanHash = sha(wResults.join('\n'));
console.log(`hashes: all ${allHash}, one principal ${oneHash}, what-can ${whatCanHash}`);
sample();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const max = (xs) => Math.max(...xs);
console.log(
	`one principal's paths (warm evaluator, first ask per principal): median ${median(times).toFixed(1)} ms, max ${max(times).toFixed(1)} ms`
);
console.log(
	`what-can one principal (warm): median ${median(wtimes).toFixed(1)} ms, max ${max(wtimes).toFixed(1)} ms`
);
const rss = process.resourceUsage().maxRSS * 1024;
console.log(
	`memory: peak RSS ${mb(rss)} MB, peak heap ${mb(peakHeap)} MB (${mb(peakHeap - heapBefore)} MB over the loaded snapshot)`
);
console.log(
	'BENCH ' +
		JSON.stringify({
			name: 'escalations',
			principals: principals.length,
			allMs: Math.round(allMs),
			allCpuMs: Math.round((cpu.user + cpu.system) / 1000),
			statuses: counts,
			allHash,
			oneHash,
			whatCanHash,
			onePrincipalMedianMs: +median(times).toFixed(1),
			onePrincipalMaxMs: +max(times).toFixed(1),
			whatCanMedianMs: +median(wtimes).toFixed(1),
			whatCanMaxMs: +max(wtimes).toFixed(1),
			peakRssMb: mb(rss),
			peakHeapMb: mb(peakHeap)
		})
);
