#!/usr/bin/env node
/**
 * `iam-atlas eval` throughput (issue 3): the synthetic organization (scripts/generate-synthetic.js
 * through the real importer) written as a native snapshot, 100,000 request lines (mixed actions,
 * principals and resources, some with context, a few malformed), piped through the real CLI
 * (bin/iam-atlas.js, so tsx start-up and snapshot parsing are included), stdin from the file and
 * stdout to a file. Reports lines/s end to end and without start-up (an empty run timed apart). Prints human lines and a final `BENCH {json}`.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const out = join(here, 'out', 'eval-cli');
mkdirSync(out, { recursive: true });
const LINES = 100_000;

const { syntheticOrg, requestVocabulary } = await import('./_synthetic-org.js');
const { serializeSnapshot } = await import('../src/lib/import/snapshot-file/index.ts');
const snapshot = await syntheticOrg();
const snapshotPath = join(out, 'snapshot.json');
writeFileSync(snapshotPath, serializeSnapshot(snapshot));

const { principals, resources, actions } = requestVocabulary(snapshot);
const lines = [];
for (let i = 0; i < LINES; i++) {
	if (i % 1000 === 999) {
		lines.push(i % 2 ? '{"principal":"x"' : '{"action":"s3:GetObject"}');
		continue;
	}
	const action = actions[i % actions.length];
	const resource =
		action === 'sts:AssumeRole'
			? principals[(i * 104729) % principals.length].replace(':user/', ':role/')
			: resources[(i * 31) % resources.length];
	const req = { principal: principals[(i * 7919) % principals.length], action, resource };
	if (i % 3 === 0) req.context = { 'aws:SourceIp': '10.0.0.1', 'aws:RequestedRegion': 'eu-west-1' };
	lines.push(JSON.stringify(req));
}
const requestsPath = join(out, 'requests.jsonl');
writeFileSync(requestsPath, lines.join('\n') + '\n');
console.log(
	`snapshot: ${snapshot.accounts.length} accounts, ${principals.length} principals; ${LINES.toLocaleString('en')} request lines`
);

// stdin from the requests file, stdout to a file: the timing covers the CLI alone; the answers are
// checked afterwards.
const outputPath = join(out, 'answers.jsonl');
const t0 = performance.now();
const child = spawn(
	process.execPath,
	[join(repo, 'bin', 'iam-atlas.js'), 'eval', '--snapshot', snapshotPath],
	{
		stdio: [openSync(requestsPath, 'r'), openSync(outputPath, 'w'), 'inherit']
	}
);
const code = await new Promise((res) => child.on('close', res));
const total = (performance.now() - t0) / 1000;
const answers = readFileSync(outputPath, 'utf8').split('\n').filter(Boolean);
const count = answers.length;
let errors = 0;
const decisions = {};
for (const l of answers) {
	const o = JSON.parse(l);
	if (o.error) errors++;
	else decisions[o.decision] = (decisions[o.decision] ?? 0) + 1;
}
if (code !== 0 || count !== LINES) {
	console.error(`eval exited ${code} after ${count} of ${LINES} lines`);
	process.exit(1);
}
// the same command on an empty input: start-up and snapshot loading alone
const t1 = performance.now();
const empty = spawn(
	process.execPath,
	[join(repo, 'bin', 'iam-atlas.js'), 'eval', '--snapshot', snapshotPath],
	{ stdio: ['pipe', 'ignore', 'inherit'] }
);
empty.stdin.end();
await new Promise((res) => empty.on('close', res));
const startup = (performance.now() - t1) / 1000;
const steady = Math.max(total - startup, 0.001);
// the same run in-process (no tsx start-up), timed by this process's CPU as well: the machine is shared
const { run } = await import('../src/cli/commands/eval.ts');
const fd = openSync(join(out, 'answers-in-process.jsonl'), 'w');
const io = {
	stdout: (t) => void writeSync(fd, t),
	stderr: (t) => void process.stderr.write(t),
	stdinLines: async function* () {}
};
const w0 = performance.now();
const c0 = process.cpuUsage();
const rc = await run(['--snapshot', snapshotPath, requestsPath], io);
const cpu = process.cpuUsage(c0);
const inWall = (performance.now() - w0) / 1000;
const inCpu = (cpu.user + cpu.system) / 1e6;
closeSync(fd);
if (rc !== 0) throw new Error(`in-process eval exited ${rc}`);
console.log(
	`in-process (snapshot load included): ${Math.round(LINES / inWall).toLocaleString('en')} lines/s wall, ${Math.round(LINES / inCpu).toLocaleString('en')} lines/s CPU`
);
console.log(`decisions: ${JSON.stringify(decisions)}; per-line errors: ${errors}`);
console.log(
	`end to end (start-up + snapshot load included): ${total.toFixed(1)} s → ${Math.round(LINES / total).toLocaleString('en')} lines/s`
);
console.log(
	`start-up + snapshot load alone: ${startup.toFixed(1)} s; without it: ${Math.round(LINES / steady).toLocaleString('en')} lines/s`
);
console.log(
	`BENCH ${JSON.stringify({ lines: LINES, seconds: +total.toFixed(2), linesPerSec: Math.round(LINES / total), startupSeconds: +startup.toFixed(2), inProcessLinesPerWallSec: Math.round(LINES / inWall), inProcessLinesPerCpuSec: Math.round(LINES / inCpu), linesPerSecWithoutStartup: Math.round(LINES / steady), errors, decisions })}`
);
