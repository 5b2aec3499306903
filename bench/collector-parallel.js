/**
 * The collector's speed (issue 14): its own overhead per call, and --parallel 8 against a serial
 * run on a 20-account organization. The `aws` here is bench/collector-fake/aws, a stand-in that
 * answers instantly or after BENCH_LATENCY seconds per call: the real AWS CLI's start-up is CPU
 * bound and this shared machine cannot time it honestly, while what --parallel saves is the wait
 * per call (CLI start-up on a free core plus the API's round trip), modelled by the latency.
 * The emulator test (tests/collector) runs the same script with the real CLI against moto.
 *
 * usage: node bench/collector-parallel.js [--accounts 20] [--latency 0.3]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
	const i = process.argv.indexOf(name);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const accounts = Number(arg('--accounts', '20'));
const latency = arg('--latency', '0.3');

function run(parallel, lat) {
	const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-collector-'));
	const log = join(dir, 'calls.log');
	const began = process.hrtime.bigint();
	const r = spawnSync(
		'bash',
		[
			join(repo, 'collector', 'iam-atlas-collect.sh'),
			'--out',
			join(dir, 'out'),
			'--parallel',
			String(parallel)
		],
		{
			env: {
				PATH: `${join(repo, 'bench', 'collector-fake')}${delimiter}${process.env.PATH}`,
				HOME: dir,
				AWS_ACCESS_KEY_ID: 'AKIABENCH',
				AWS_SECRET_ACCESS_KEY: 'x',
				BENCH_LOG: log,
				BENCH_LATENCY: lat,
				BENCH_ACCOUNTS: String(accounts)
			},
			encoding: 'utf8'
		}
	);
	const seconds = Number(process.hrtime.bigint() - began) / 1e9;
	if (r.status !== 0) throw new Error(`collector exited ${r.status}: ${r.stderr.slice(-2000)}`);
	const calls = readFileSync(log, 'utf8').trim().split('\n').length;
	rmSync(dir, { recursive: true, force: true });
	return { seconds, calls };
}

/** The stand-in's own cost per call (a bash start-up and a case), to subtract. */
function fakeCost(n = 50) {
	const began = process.hrtime.bigint();
	spawnSync(
		'bash',
		[
			'-c',
			`for i in $(seq ${n}); do aws kms list-keys --region eu-west-1 --output json >/dev/null; done`
		],
		{
			env: {
				PATH: `${join(repo, 'bench', 'collector-fake')}${delimiter}${process.env.PATH}`,
				AWS_ACCESS_KEY_ID: 'AKIABENCH'
			}
		}
	);
	return Number(process.hrtime.bigint() - began) / 1e6 / n;
}

const bare = run(1, '');
const fakeMs = fakeCost();
const overheadMs = (bare.seconds * 1000) / bare.calls - fakeMs;
console.log(
	`overhead: ${bare.calls} calls in ${bare.seconds.toFixed(1)} s serially with an instant aws (${fakeMs.toFixed(1)} ms per call of its own): the collector's own ${overheadMs.toFixed(1)} ms per call`
);
const serial = run(1, latency);
console.log(
	`serial, ${latency} s per call: ${serial.seconds.toFixed(1)} s for ${accounts} accounts (${serial.calls} calls)`
);
const parallel = run(8, latency);
console.log(`--parallel 8, ${latency} s per call: ${parallel.seconds.toFixed(1)} s`);
const speedup = serial.seconds / parallel.seconds;
console.log(`speed-up: ${speedup.toFixed(1)}x`);
console.log(
	'BENCH ' +
		JSON.stringify({
			name: 'collector-parallel',
			accounts,
			calls: serial.calls,
			latencySeconds: Number(latency),
			overheadMsPerCall: Number(overheadMs.toFixed(1)),
			standInMsPerCall: Number(fakeMs.toFixed(1)),
			serialSeconds: Number(serial.seconds.toFixed(1)),
			parallel8Seconds: Number(parallel.seconds.toFixed(1)),
			speedup: Number(speedup.toFixed(1))
		})
);
