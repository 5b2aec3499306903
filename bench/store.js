#!/usr/bin/env node
/**
 * Store speed (issue 2, "Speed"): importing the synthetic 100-account collection
 * (scripts/generate-synthetic.js) into IndexedDB in headless Chromium through the real import
 * worker and ImportClient — target under 10 s — while checking the tab stays responsive (longest
 * requestAnimationFrame gap and long tasks on the main thread during the import).
 * Builds a small Vite harness (bench/store/) into bench/out/store/, serves it with the app's CSP
 * as a header (so the worker runs under it), drives /usr/bin/chromium via playwright-core, and
 * samples memory: the import worker's JS heap over CDP, the page's performance.memory, and the
 * Chromium processes' resident memory from /proc.
 * Prints human lines and a final `BENCH {json}`.
 */
import { execFileSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { register } from 'tsx/esm/api';
import { build } from 'vite';
import { appCsp, startCspServer } from './store/csp-server.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const outDir = join(here, 'out', 'store');
const collectionDir = join(outDir, 'collection');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const generator = join(repo, 'scripts', 'generate-synthetic.js');
const TARGET_MS = 10_000;
const ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--enable-precise-memory-info'
];

for (const [need, hint] of [
	[executablePath, 'apt-get install -y chromium'],
	[generator, "the import engineer's synthetic collection generator"]
])
	if (!existsSync(need)) {
		console.error(`bench/store: ${need} is missing (${hint}).`);
		process.exit(2);
	}

/** Every file under `dir`, as '/'-separated paths relative to it. */
function listFiles(dir) {
	return readdirSync(dir, { recursive: true })
		.map(String)
		.filter((p) => statSync(join(dir, p)).isFile())
		.map((p) => p.split('\\').join('/'))
		.sort();
}

/** Pids of `root` and all its descendants (from /proc). */
function processTree(root) {
	const children = new Map();
	for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
		try {
			const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			children.set(ppid, [...(children.get(ppid) ?? []), Number(pid)]);
		} catch {
			/* the process ended while we looked */
		}
	}
	const out = [];
	for (const stack = [root]; stack.length;) {
		const pid = stack.pop();
		out.push(pid);
		stack.push(...(children.get(pid) ?? []));
	}
	return out;
}

const rssKiB = (pid) => {
	try {
		return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
	} catch {
		return 0;
	}
};

// 1. The collection, exactly as the generator writes it.
rmSync(collectionDir, { recursive: true, force: true });
mkdirSync(collectionDir, { recursive: true });
const tg = performance.now();
execFileSync(process.execPath, [generator, '--out', collectionDir], {
	stdio: ['ignore', 'inherit', 'inherit']
});
const paths = listFiles(collectionDir);
const collectionBytes = paths.reduce((n, p) => n + statSync(join(collectionDir, p)).size, 0);
console.log(
	`collection: ${paths.length} files, ${(collectionBytes / 1048576).toFixed(1)} MiB (generated in ${((performance.now() - tg) / 1000).toFixed(1)} s)`
);

// 2. The native snapshot file of the same data, in Node: export (serialize) and import (parse + validate).
register();
const { importFiles } = await import('../src/lib/import/import-files.ts');
const { parseSnapshotFile, serializeSnapshot } =
	await import('../src/lib/import/snapshot-file/index.ts');
const nodeImport = importFiles(
	paths.map((p) => ({ path: p, bytes: new Uint8Array(readFileSync(join(collectionDir, p))) }))
);
if (!nodeImport.ok)
	throw new Error(`synthetic import failed: ${JSON.stringify(nodeImport.errors.slice(0, 3))}`);
const ts = performance.now();
const snapshotText = serializeSnapshot(nodeImport.snapshot);
const serializeMs = performance.now() - ts;
const tp = performance.now();
const reparsed = parseSnapshotFile(snapshotText, 'synthetic.json');
const parseMs = performance.now() - tp;
if (!reparsed.ok) throw new Error(`snapshot file rejected: ${reparsed.error.message}`);
console.log(
	`snapshot file (Node): ${(snapshotText.length / 1048576).toFixed(1)} MiB, serialize ${serializeMs.toFixed(0)} ms, parse + validate ${parseMs.toFixed(0)} ms`
);

// 3. The harness page and the import worker, built like the app.
const tb = performance.now();
await build({
	root: join(here, 'store'),
	base: './',
	configFile: false,
	publicDir: false,
	logLevel: 'warn',
	worker: { format: 'es' },
	build: { outDir, emptyOutDir: false, reportCompressedSize: false }
});
writeFileSync(join(outDir, 'collection-manifest.json'), JSON.stringify(paths));
console.log(`harness built in ${((performance.now() - tb) / 1000).toFixed(1)} s`);

// 4. Run it in Chromium under the app's CSP, sampling memory.
const server = await startCspServer(outDir, await appCsp());
const browserServer = await chromium.launchServer({ executablePath, headless: true, args: ARGS });
const browser = await chromium.connect(browserServer.wsEndpoint());
const cspViolations = [];
let peakTotalKiB = 0;
let peakProcessKiB = 0;
const sampler = setInterval(() => {
	const rss = processTree(browserServer.process().pid).map(rssKiB);
	peakTotalKiB = Math.max(
		peakTotalKiB,
		rss.reduce((a, b) => a + b, 0)
	);
	peakProcessKiB = Math.max(peakProcessKiB, ...rss);
}, 100);
// The import worker's JS heap, read over CDP (performance.memory does not exist in workers).
const cdp = await browser.newBrowserCDPSession();
let workerSession = null;
let workerHeapPeak = 0;
let heapRequests = 0;
let lastHeapAnswer = 0;
let heapAnswerGap = 0;
cdp.on('Target.receivedMessageFromTarget', (e) => {
	const used = JSON.parse(e.message).result?.usedSize;
	if (typeof used !== 'number') return;
	workerHeapPeak = Math.max(workerHeapPeak, used);
	const now = performance.now();
	if (lastHeapAnswer) heapAnswerGap = Math.max(heapAnswerGap, now - lastHeapAnswer);
	lastHeapAnswer = now;
});
const heapSampler = setInterval(async () => {
	try {
		if (!workerSession) {
			const { targetInfos } = await cdp.send('Target.getTargets');
			const worker = targetInfos.find((t) => t.type === 'worker' && /import\.worker/.test(t.url));
			if (worker)
				workerSession = (
					await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })
				).sessionId;
		}
		if (workerSession)
			await cdp.send('Target.sendMessageToTarget', {
				sessionId: workerSession,
				message: JSON.stringify({ id: ++heapRequests, method: 'Runtime.getHeapUsage' })
			});
	} catch {
		workerSession = null; // the worker went away
	}
}, 50);
try {
	const page = await browser.newPage();
	page.on('console', (m) => {
		if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
		else if (m.type() === 'error') console.error(`[page] ${m.text()}`);
	});
	page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
	await page.goto(`${server.origin}/index.html`);
	await page.waitForFunction(() => globalThis.benchReady === true);
	const r = await page.evaluate(() => globalThis.runStoreBench());
	clearInterval(sampler);
	clearInterval(heapSampler);
	if (!r.ok) console.error(`import failed: ${JSON.stringify(r.errors, null, 1)}`);
	console.log(
		`read ${r.files} files (${(r.bytes / 1048576).toFixed(1)} MiB) into the page in ${(r.readMs / 1000).toFixed(2)} s (not counted)`
	);
	console.log(
		`import + save into IndexedDB: ${(r.importMs / 1000).toFixed(2)} s (worker import ${(r.saveStartedMs / 1000).toFixed(2)} s, save ${((r.importMs - r.saveStartedMs) / 1000).toFixed(2)} s); ${r.progressMessages} progress messages`
	);
	console.log(`stored: ${JSON.stringify(r.counts)}; snapshot list shows ${r.listed.length} entry`);
	console.log(
		`reading it back on the main thread (SnapshotStore.get): ${r.getMs.toFixed(0)} ms, ${r.reopenedPrincipals} principals`
	);
	console.log(
		`main thread meanwhile: ${r.frames} frames, longest frame gap ${r.maxFrameGapMs.toFixed(0)} ms, ${r.longTasks} long tasks (longest ${r.longestTaskMs.toFixed(0)} ms; starting at ${r.longTaskOffsetsMs.join(', ') || '-'} ms after the import began)`
	);
	console.log(
		`memory: import worker JS heap peak ${(workerHeapPeak / 1048576).toFixed(0)} MiB (${heapRequests} samples, longest wait for one ${heapAnswerGap.toFixed(0)} ms); page JS heap peak ${(r.pageHeapPeakBytes / 1048576).toFixed(0)} MiB; Chromium peak RSS ${(peakProcessKiB / 1024).toFixed(0)} MiB in one process, ${(peakTotalKiB / 1024).toFixed(0)} MiB all processes`
	);
	console.log(
		`CSP (sent as a header): eval blocked in page ${r.cspBlocksEval}, in a worker ${r.workerCspBlocksEval}; violations ${cspViolations.length}`
	);
	const met = r.ok && r.importMs < TARGET_MS;
	console.log(`target: under ${TARGET_MS / 1000} s → ${met ? 'met' : 'NOT met'}`);
	const bench = {
		files: r.files,
		collectionMiB: +(collectionBytes / 1048576).toFixed(1),
		counts: r.counts,
		importSeconds: +(r.importMs / 1000).toFixed(2),
		workerImportSeconds: +(r.saveStartedMs / 1000).toFixed(2),
		saveSeconds: +((r.importMs - r.saveStartedMs) / 1000).toFixed(2),
		mainThreadGetMs: Math.round(r.getMs),
		snapshotFileMiB: +(snapshotText.length / 1048576).toFixed(1),
		serializeMs: Math.round(serializeMs),
		parseValidateMs: Math.round(parseMs),
		maxFrameGapMs: Math.round(r.maxFrameGapMs),
		longestTaskMs: Math.round(r.longestTaskMs),
		longTasks: r.longTasks,
		workerHeapPeakMiB: Math.round(workerHeapPeak / 1048576),
		pageHeapPeakMiB: Math.round(r.pageHeapPeakBytes / 1048576),
		peakRendererRssMiB: Math.round(peakProcessKiB / 1024),
		peakChromiumRssMiB: Math.round(peakTotalKiB / 1024),
		cspBlocksEval: r.cspBlocksEval,
		workerCspBlocksEval: r.workerCspBlocksEval,
		cspViolations: cspViolations.length,
		ok: r.ok,
		targetSeconds: TARGET_MS / 1000,
		met
	};
	console.log(`BENCH ${JSON.stringify(bench)}`);
	process.exitCode = r.ok && cspViolations.length === 0 ? 0 : 1;
} finally {
	clearInterval(sampler);
	clearInterval(heapSampler);
	await browser.close();
	await browserServer.close();
	await server.close();
}
