/**
 * Browser side of bench/graph.js: mounts the real Explorer (Cytoscape, the engine worker) on a
 * synthetic snapshot and times what a user feels: the org view from mount to the first painted
 * frame, expanding one account, the trace highlight after the decision arrives, and the frames
 * Cytoscape renders while panning and zooming a view of 2,000+ elements.
 */
import { flushSync, mount, unmount } from 'svelte';
import Explorer from '../../src/lib/ui/graph/Explorer.svelte';
import type { ExplorerState } from '../../src/lib/state/explorer.svelte';
import type { DrawStats } from '../../src/lib/ui/graph/cy-attachment.svelte';

type Hook = { explorer: ExplorerState; stats: DrawStats };
// Turn on the explorer's test hooks (src/lib/ui/graph/test-hooks.ts) before it mounts.
(window as unknown as { __atlasTest: boolean }).__atlasTest = true;
const frame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
const hook = () => (window as unknown as { __atlasGraph: Hook }).__atlasGraph;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function waitFor(pred: () => boolean, timeout = 60000) {
	const until = performance.now() + timeout;
	while (!pred()) {
		if (performance.now() > until) throw new Error('timeout');
		await new Promise((r) => setTimeout(r, 5));
	}
}

/** Open a snapshot file in the explorer and time the org view. */
async function open(url: string) {
	const text = await (await fetch(url)).text();
	const target = document.getElementById('app')!;
	target.replaceChildren();
	const t0 = performance.now();
	const snapshot = JSON.parse(text);
	const parsed = performance.now();
	const app = mount(Explorer, { target, props: { snapshot, snapshotId: null } });
	const mounted = performance.now();
	await waitFor(() => (hook()?.stats.applies ?? 0) > 0);
	const painted = await frame();
	const marks = Object.fromEntries(
		Object.entries(hook().stats.marks ?? {}).map(([k, v]) => [k, Math.round(v - parsed)])
	);
	console.log(
		`org open: mount ${Math.round(mounted - parsed)} ms, marks ${JSON.stringify(marks)}, painted ${Math.round(painted - parsed)}`
	);
	// Steady state for what follows: the snapshot is in the engine worker (it is posted after the first paint).
	await hook().explorer.loadEngine();
	await new Promise((r) => setTimeout(r, 500));
	return {
		app,
		snapshot,
		parseMs: parsed - t0,
		orgInteractiveMs: painted - parsed,
		orgElements: hook().stats.elements
	};
}

/** Expand an account and time it to the painted frame. */
async function expand(id: string) {
	const { explorer, stats } = hook();
	const before = stats.applies;
	const t0 = performance.now();
	explorer.expand(id);
	const t1 = performance.now();
	flushSync();
	const t2 = performance.now();
	await waitFor(() => stats.applies > before);
	const painted = await frame();
	console.log(
		`expand: state ${Math.round(t1 - t0)} ms, effects ${Math.round(t2 - t1)} ms (apply ${Math.round(stats.lastApplyMs)}), to paint ${Math.round(painted - t2)} ms`
	);
	return painted - t0;
}

(window as unknown as Record<string, unknown>).runGraphBench = async (input: {
	big: string;
	dense: string;
}) => {
	const out: Record<string, unknown> = {};
	// 1. The 500-account organization: org view, then one account.
	const big = await open(input.big);
	Object.assign(out, {
		parseMs: big.parseMs,
		orgInteractiveMs: big.orgInteractiveMs,
		orgElements: big.orgElements
	});
	const accounts = big.snapshot.accounts as Array<{
		id: string;
		users: unknown[];
		roles: unknown[];
		resources: Array<{ arn: string; kind: string }>;
	}>;
	const largest = [...accounts].sort(
		(a, b) => b.users.length + b.roles.length - (a.users.length + a.roles.length)
	)[0];
	out.expandBigAccountPrincipals = largest.users.length + largest.roles.length;
	out.expandBigAccountMs = await expand(largest.id);

	// 2. Trace highlight after the decision arrives: first a new principal/resource (the path is
	//    revealed: accounts and principal expanded), then other actions on the same path (classes only).
	const { explorer, stats } = hook();
	const bucket = accounts.flatMap((a) => a.resources).find((r) => r.kind === 's3-bucket')!;
	const timed = async (run: () => Promise<void>) => {
		const before = stats.applies;
		stats.traceHighlightMs = null;
		await run();
		flushSync();
		await waitFor(() => stats.applies > before && stats.traceHighlightMs !== null);
		const applied = stats.traceHighlightMs!;
		const painted = (await frame()) - explorer.trace.resultAt;
		return { applied, painted };
	};
	const reveal: Array<{ applied: number; painted: number }> = [];
	const retrace: Array<{ applied: number; painted: number }> = [];
	for (let i = 0; i < 3; i++) {
		const a = accounts[i * 7 + 1] as unknown as { users: Array<{ arn: string }> };
		reveal.push(
			await timed(() =>
				explorer.trace.setAll({
					principal: a.users[0].arn,
					resource: `${bucket.arn}/reports/q${i}.csv`,
					action: 's3:GetObject',
					context: {}
				})
			)
		);
		for (const action of ['s3:PutObject', 's3:DeleteObject', 's3:GetObject'])
			retrace.push(
				await timed(async () => {
					explorer.trace.setAction(action);
					await waitFor(
						() => explorer.trace.result?.decision !== undefined && !explorer.trace.busy
					);
				})
			);
	}
	out.traceRevealMs = median(reveal.map((r) => r.applied));
	out.traceRevealPaintedMs = median(reveal.map((r) => r.painted));
	out.traceHighlightMs = median(retrace.map((r) => r.applied));
	out.traceHighlightPaintedMs = median(retrace.map((r) => r.painted));
	out.traceDecision = explorer.trace.result?.decision;

	// 3. Pan/zoom FPS with ≥ 2,000 elements drawn.
	explorer.trace.setAll({ principal: null, resource: null, action: null, context: {} });
	for (const a of accounts) {
		if (stats.elements >= 2000) break;
		await expand(a.id);
	}
	explorer.canvas?.fit();
	await new Promise((r) => setTimeout(r, 300));
	out.fpsElements = stats.elements;
	const r0 = stats.renders;
	const t0 = performance.now();
	let step = 0;
	while (performance.now() - t0 < 3000) {
		explorer.canvas?.panBy(step % 120 < 60 ? 6 : -6, 2 * Math.sin(step / 10));
		explorer.canvas?.zoomBy(step % 80 < 40 ? 1.004 : 1 / 1.004);
		step++;
		await frame();
	}
	const secs = (performance.now() - t0) / 1000;
	out.panZoomFps = (stats.renders - r0) / secs;
	out.rafFps = step / secs;
	unmount(big.app);

	// 4. An account with 200 principals (the 100-account, 20,000-principal generator output).
	const dense = await open(input.dense);
	const da = dense.snapshot.accounts as Array<{ id: string; users: unknown[]; roles: unknown[] }>;
	const d0 = [...da].sort(
		(a, b) => b.users.length + b.roles.length - (a.users.length + a.roles.length)
	)[0];
	out.expand200Principals = d0.users.length + d0.roles.length;
	const times: number[] = [];
	for (let i = 0; i < 5; i++) {
		times.push(await expand(d0.id));
		hook().explorer.collapse(d0.id);
		flushSync();
		await frame();
	}
	out.expand200Ms = median(times);
	unmount(dense.app);
	return out;
};
(window as unknown as Record<string, unknown>).benchReady = true;
