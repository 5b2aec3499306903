#!/usr/bin/env node
/**
 * `iam-atlas eval` throughput vs @cloud-copilot/iam-simulate (issue 9 item 7). A synthetic
 * organization (scripts/generate-synthetic.js through the real importer; 20 accounts, 4,000
 * principals by default, EVAL_CLI_ORG="accounts principals policies" to change) is written as a
 * native snapshot, and 100,000 request lines drawn from requestVocabulary() (mixed actions and
 * principals, each action on a resource of its type so the peer accepts it; a third with context,
 * one in a thousand malformed; EVAL_CLI_LINES to change the count) are:
 * - piped through the real CLI (bin/iam-atlas.js: start-up, snapshot parsing, JSON in, reasons
 *   and summaries, JSON out all included), stdin from the file and stdout to a file, timed by
 *   /usr/bin/time (wall and the process's user+system CPU), RUNS times;
 * - given to the peer's runSimulation in this process (the same requests, mapped to its input as
 *   tests/differential does; a spread sample of 1,500, since the peer is ~100× slower), before and
 *   after each CLI run so both see the same load; end-to-end ratios: CLI lines per wall second /
 *   peer requests per wall second, and CLI lines per CPU second / peer per CPU second;
 * - decided in this process by the evaluator alone (decision + summary, no JSON), a first pass
 *   (principals compiled on first sight, as the CLI does) and a warm one: the in-process ratios.
 * The peer is a devDependency used only by benches and tests (AGPL). Prints human lines and a
 * final `BENCH {json}`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const out = join(here, 'out', 'eval-cli');
mkdirSync(out, { recursive: true });
const LINES = Number(process.env.EVAL_CLI_LINES ?? 100_000);
const RUNS = 3;
const PEER_SAMPLE = 1500;
const [accounts, principalCount, policies] = (process.env.EVAL_CLI_ORG ?? '20 4000 1000')
	.split(/\s+/)
	.map(Number);

const { syntheticOrg, requestVocabulary } = await import('./_synthetic-org.js');
const { serializeSnapshot } = await import('../src/lib/import/snapshot-file/index.ts');
const { indexSnapshot } = await import('../src/lib/model/snapshot-index.ts');
const { createEvaluator } = await import('../src/lib/engine/evaluate.ts');
const { peerSimulation } = await import('../tests/differential/peer-input.ts');
const { runSimulation } = await import('@cloud-copilot/iam-simulate');

const snapshot = await syntheticOrg([
	'--accounts',
	String(accounts),
	'--principals',
	String(principalCount),
	'--policies',
	String(policies)
]);
const snapshotPath = join(out, 'snapshot.json');
writeFileSync(snapshotPath, serializeSnapshot(snapshot));

const { principals, resources, actions } = requestVocabulary(snapshot);
const index = indexSnapshot(snapshot);
// Each action meets a resource of the type it acts on (an object in a bucket, a key, a queue, a
// role, "*"), so the peer, which refuses mismatched types, answers every request.
const ofKind = (kind) => resources.filter((arn) => index.resources.get(arn)?.kind === kind);
const byKind = {
	's3-bucket': ofKind('s3-bucket').map((arn) => `${arn}/reports/q1.csv`),
	'kms-key': ofKind('kms-key'),
	'sqs-queue': ofKind('sqs-queue'),
	role: principals.filter((arn) => arn.includes(':role/'))
};
const accountOf = (arn) => /^arn:[^:]+:[^:]*:[^:]*:(\d{12}):/.exec(arn)?.[1] ?? '';
function resourceFor(action, i, principal) {
	const pick = (list) => list[(i * 31) % list.length];
	if (action.startsWith('s3:')) return pick(byKind['s3-bucket']);
	if (action.startsWith('kms:')) return pick(byKind['kms-key']);
	if (action.startsWith('sqs:')) return pick(byKind['sqs-queue']);
	if (action === 'sts:AssumeRole') return pick(byKind.role);
	if (action === 'iam:CreateUser') return `arn:aws:iam::${accountOf(principal)}:user/new-user`;
	return '*';
}
const lines = [];
const requests = []; // the well-formed ones, in order
for (let i = 0; i < LINES; i++) {
	if (i % 1000 === 999) {
		lines.push(i % 2 ? '{"principal":"x"' : '{"action":"s3:GetObject"}');
		continue;
	}
	const action = actions[i % actions.length];
	const principal = principals[(i * 7919) % principals.length];
	const req = { principal, action, resource: resourceFor(action, i, principal) };
	if (i % 3 === 0) req.context = { 'aws:SourceIp': '10.0.0.1', 'aws:RequestedRegion': 'eu-west-1' };
	lines.push(JSON.stringify(req));
	requests.push(req);
}
const requestsPath = join(out, 'requests.jsonl');
writeFileSync(requestsPath, lines.join('\n') + '\n');
console.log(
	`snapshot: ${snapshot.accounts.length} accounts, ${principals.length} principals; ${LINES.toLocaleString('en')} request lines`
);

// --- the peer, on a spread sample of the same requests --------------------------------------------
const TARGET_KIND = { 's3-bucket': 'object', 'kms-key': 'key', 'sqs-queue': 'queue' };
/** One of our requests as the differential generator describes it, for peerSimulation. */
function generated(req) {
	const found = index.principals.get(req.principal);
	const principal = { arn: req.principal, kind: found.kind, account: found.account.id };
	const holder = req.resource.split('/')[0].startsWith('arn:aws:s3:::')
		? req.resource.split('/')[0]
		: req.resource;
	let target;
	if (req.action === 'sts:AssumeRole')
		target = { kind: 'role', arn: req.resource, account: accountOf(req.resource), holder };
	else if (index.resources.has(holder)) {
		const r = index.resources.get(holder);
		target = { kind: TARGET_KIND[r.kind], arn: req.resource, account: r.accountId, holder };
	} else target = { kind: 'table', arn: req.resource, account: principal.account, holder: null };
	return { request: req, principal, target, requestContext: req.context ?? {} };
}
const step = Math.floor(requests.length / PEER_SAMPLE);
const sims = Array.from({ length: PEER_SAMPLE }, (_, k) => {
	const sim = peerSimulation(index, null, generated(requests[k * step]));
	// the peer refuses AWS's own RCPFullAWSAccess (an Allow * RCP) as invalid; without it an RCP
	// level means the same to it (RCPs only deny)
	for (const level of sim.resourceControlPolicies)
		level.policies = level.policies.filter((p) => p.name !== 'p-RCPFullAWSAccess');
	return sim;
});
// warm-up (the peer loads its IAM data lazily) and a check that it answers every request
for (const s of sims) {
	const r = await runSimulation(s, {});
	if (r.resultType === 'error')
		throw new Error(`iam-simulate refused a request: ${JSON.stringify(r.errors)}`);
}
/** The peer's rate over the sample: requests per second of wall and of this process's CPU. */
async function peerRate() {
	const t0 = performance.now();
	const c0 = process.cpuUsage();
	for (const s of sims) await runSimulation(s, {});
	const cpu = process.cpuUsage(c0);
	return {
		wall: sims.length / ((performance.now() - t0) / 1000),
		cpu: sims.length / ((cpu.user + cpu.system) / 1e6)
	};
}

// --- the CLI end to end ----------------------------------------------------------------------------
const outputPath = join(out, 'answers.jsonl');
const timesPath = join(out, 'time.txt');
/** One run of the real CLI over the request file: wall and CPU seconds of the whole process. */
async function cliRun() {
	const child = spawn(
		'/usr/bin/time',
		[
			'-f',
			'%e %U %S',
			'-o',
			timesPath,
			process.execPath,
			join(repo, 'bin', 'iam-atlas.js'),
			'eval',
			'--snapshot',
			snapshotPath
		],
		{ stdio: [openSync(requestsPath, 'r'), openSync(outputPath, 'w'), 'inherit'] }
	);
	const code = await new Promise((res) => child.on('close', res));
	if (code !== 0) throw new Error(`eval exited ${code}`);
	const [wall, user, sys] = readFileSync(timesPath, 'utf8')
		.trim()
		.split(/\s+/)
		.slice(-3)
		.map(Number);
	return { wall, cpu: user + sys };
}
/** Check the answers: one line per input line, numbered 1..N, decisions counted. */
function checkAnswers() {
	const answers = readFileSync(outputPath, 'utf8').split('\n');
	if (answers.at(-1) === '') answers.pop();
	if (answers.length !== LINES)
		throw new Error(`${answers.length} answer lines for ${LINES} input lines`);
	let errors = 0;
	const decisions = {};
	answers.forEach((l, i) => {
		const o = JSON.parse(l);
		if (o.line !== i + 1) throw new Error(`answer ${i + 1} says line ${o.line}`);
		if (o.error) errors++;
		else decisions[o.decision] = (decisions[o.decision] ?? 0) + 1;
	});
	return { errors, decisions };
}
// start-up and snapshot loading alone: the same command on an empty input
async function startupRun() {
	const t0 = performance.now();
	const child = spawn(
		process.execPath,
		[join(repo, 'bin', 'iam-atlas.js'), 'eval', '--snapshot', snapshotPath],
		{
			stdio: ['pipe', 'ignore', 'inherit']
		}
	);
	child.stdin.end();
	await new Promise((res) => child.on('close', res));
	return (performance.now() - t0) / 1000;
}

const runs = [];
for (let k = 0; k < RUNS; k++) {
	const peerBefore = await peerRate();
	const cli = await cliRun();
	const peerAfter = await peerRate();
	const peer = {
		wall: (peerBefore.wall + peerAfter.wall) / 2,
		cpu: (peerBefore.cpu + peerAfter.cpu) / 2
	};
	runs.push({
		cli,
		peer,
		wallRatio: LINES / cli.wall / peer.wall,
		cpuRatio: LINES / cli.cpu / peer.cpu
	});
}
const { errors, decisions } = checkAnswers();
const startup = await startupRun();

// --- in process: the evaluator's decision path alone on the same requests --------------------------
const evaluator = createEvaluator(snapshot);
/** One pass of the evaluator over the requests: per second of wall and of this process's CPU. */
function evalPass() {
	const c0 = process.cpuUsage();
	const w0 = performance.now();
	for (const r of requests) evaluator.evaluate(r, { trace: false, summary: true });
	const cpu = process.cpuUsage(c0);
	return {
		wall: requests.length / ((performance.now() - w0) / 1000),
		cpu: requests.length / ((cpu.user + cpu.system) / 1e6)
	};
}
const inProcessCold = evalPass(); // compiles each principal on first sight, as the CLI does
const inProcess = evalPass();
const peerNow = await peerRate();

const fmt = (n) => Math.round(n).toLocaleString('en');
const range = (xs) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}×`;
for (const [k, r] of runs.entries())
	console.log(
		`run ${k + 1}: CLI ${r.cli.wall.toFixed(2)} s wall, ${r.cli.cpu.toFixed(2)} s CPU → ${fmt(LINES / r.cli.wall)} lines/s wall, ${fmt(LINES / r.cli.cpu)} lines/s CPU; peer ${fmt(r.peer.wall)}/s wall, ${fmt(r.peer.cpu)}/s CPU; end to end ${r.wallRatio.toFixed(0)}× (wall/wall), ${r.cpuRatio.toFixed(0)}× (CPU/CPU)`
	);
console.log(`decisions: ${JSON.stringify(decisions)}; per-line errors: ${errors}`);
console.log(`start-up + snapshot load alone (empty input): ${startup.toFixed(2)} s wall`);
console.log(
	`end to end vs iam-simulate (whole CLI process incl. start-up): ${range(runs.map((r) => r.wallRatio))} by wall time, ${range(runs.map((r) => r.cpuRatio))} by CPU time`
);
console.log(
	`in process, first pass (principals compiled on first sight, as in the CLI): ${fmt(inProcessCold.wall)}/s wall, ${fmt(inProcessCold.cpu)}/s CPU → ${(inProcessCold.cpu / peerNow.cpu).toFixed(0)}× (CPU)`
);
console.log(
	`in process, warm (evaluate with summary, no JSON): ${fmt(inProcess.wall)}/s wall, ${fmt(inProcess.cpu)}/s CPU; peer ${fmt(peerNow.wall)}/s wall, ${fmt(peerNow.cpu)}/s CPU → ${(inProcess.wall / peerNow.wall).toFixed(0)}× (wall), ${(inProcess.cpu / peerNow.cpu).toFixed(0)}× (CPU)`
);
console.log(
	`BENCH ${JSON.stringify({
		lines: LINES,
		accounts: snapshot.accounts.length,
		principals: principals.length,
		cliWallSeconds: runs.map((r) => +r.cli.wall.toFixed(2)),
		cliCpuSeconds: runs.map((r) => +r.cli.cpu.toFixed(2)),
		peerPerWallSec: runs.map((r) => Math.round(r.peer.wall)),
		peerPerCpuSec: runs.map((r) => Math.round(r.peer.cpu)),
		endToEndRatioWall: runs.map((r) => +r.wallRatio.toFixed(1)),
		endToEndRatioCpu: runs.map((r) => +r.cpuRatio.toFixed(1)),
		startupSeconds: +startup.toFixed(2),
		inProcessPerWallSec: Math.round(inProcess.wall),
		inProcessPerCpuSec: Math.round(inProcess.cpu),
		inProcessRatioWall: +(inProcess.wall / peerNow.wall).toFixed(1),
		inProcessRatioCpu: +(inProcess.cpu / peerNow.cpu).toFixed(1),
		inProcessColdPerCpuSec: Math.round(inProcessCold.cpu),
		inProcessColdRatioCpu: +(inProcessCold.cpu / peerNow.cpu).toFixed(1),
		errors,
		decisions
	})}`
);
