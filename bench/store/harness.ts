/**
 * Browser side of bench/store.js: reads the synthetic collection's files (as a folder drop
 * would), hands them to the real import worker through ImportClient, and while the worker imports
 * and saves into IndexedDB watches the main thread: requestAnimationFrame gaps, long tasks, and
 * the page's JS heap. Also checks that the CSP really forbids eval here.
 */
import { ImportClient } from '../../src/lib/workers/import-client';
import { SnapshotStore } from '../../src/lib/store/snapshot-store';

const encodePath = (p: string) => p.split('/').map(encodeURIComponent).join('/');
type MemoryPerformance = Performance & { memory?: { usedJSHeapSize: number } };

async function readCollection() {
	const manifest: string[] = await (await fetch('./collection-manifest.json')).json();
	const files: { path: string; bytes: Uint8Array }[] = [];
	for (let i = 0; i < manifest.length; i += 32)
		files.push(
			...(await Promise.all(
				manifest.slice(i, i + 32).map(async (path) => ({
					path,
					bytes: new Uint8Array(
						await (await fetch(`./collection/${encodePath(path)}`)).arrayBuffer()
					)
				}))
			))
		);
	return files;
}

// Probed at load, from the page's own code (DevTools-initiated evaluation may be exempt from CSP).
let cspBlocksEval = false;
try {
	new Function('return 1')();
} catch {
	cspBlocksEval = true;
}

/** Whether a module worker served like the import worker is refused eval too. */
function workerBlocksEval(): Promise<boolean> {
	const probe = new Worker(new URL('./csp-probe.worker.ts', import.meta.url), { type: 'module' });
	return new Promise((resolve) => {
		probe.onmessage = (e) => (probe.terminate(), resolve(e.data === true));
		probe.onerror = () => (probe.terminate(), resolve(false));
	});
}

async function run() {
	const t0 = performance.now();
	const files = await readCollection();
	const readMs = performance.now() - t0;
	const bytes = files.reduce((n, f) => n + f.bytes.length, 0);

	const longTasks: number[] = [];
	const longTaskStarts: number[] = [];
	const observer = new PerformanceObserver((list) =>
		list.getEntries().forEach((e) => (longTasks.push(e.duration), longTaskStarts.push(e.startTime)))
	);
	observer.observe({ type: 'longtask' });
	const mem = performance as MemoryPerformance;
	let heapPeak = mem.memory?.usedJSHeapSize ?? 0;
	const heapTimer = setInterval(
		() => (heapPeak = Math.max(heapPeak, mem.memory?.usedJSHeapSize ?? 0)),
		50
	);
	let running = true;
	let maxGap = 0;
	let frames = 0;
	let last = performance.now();
	const tick = (t: number) => {
		maxGap = Math.max(maxGap, t - last);
		last = t;
		frames++;
		if (running) requestAnimationFrame(tick);
	};
	requestAnimationFrame(tick);

	let progressMessages = 0;
	let saveStartedMs = 0;
	const client = new ImportClient();
	const t1 = performance.now();
	const result = await client.import(files, {
		name: 'synthetic',
		onProgress: (p) => {
			progressMessages++;
			if (p.phase === 'save' && !saveStartedMs) saveStartedMs = performance.now() - t1;
		}
	});
	const importMs = performance.now() - t1;
	running = false;
	clearInterval(heapTimer);
	observer.disconnect();
	client.dispose();
	const store = new SnapshotStore();
	const listed = await store.list();
	// Opening the stored snapshot on the main thread (as the app does after an import).
	const t2 = performance.now();
	const reopened = result.ok ? await store.get(result.snapshotId) : null;
	const getMs = performance.now() - t2;
	return {
		getMs,
		reopenedPrincipals: reopened?.ok
			? reopened.value.accounts.reduce((n, a) => n + a.users.length + a.roles.length, 0)
			: 0,
		ok: result.ok,
		errors: result.ok ? [] : result.errors.slice(0, 5),
		warnings: result.ok ? result.warnings.length : 0,
		counts: result.ok ? result.record.counts : null,
		listed: listed.map((r) => ({ id: r.id, name: r.name, counts: r.counts })),
		files: files.length,
		bytes,
		readMs,
		importMs,
		saveStartedMs,
		progressMessages,
		frames,
		maxFrameGapMs: maxGap,
		longTasks: longTasks.length,
		longTaskOffsetsMs: longTaskStarts.map((t) => Math.round(t - t1)),
		longestTaskMs: Math.max(0, ...longTasks),
		pageHeapPeakBytes: heapPeak,
		cspBlocksEval,
		workerCspBlocksEval: await workerBlocksEval()
	};
}

(globalThis as unknown as { runStoreBench: typeof run }).runStoreBench = run;
(globalThis as unknown as { benchReady: boolean }).benchReady = true;
