#!/usr/bin/env node
/**
 * `iam-atlas eval` throughput (issue 3): the synthetic organization (scripts/generate-synthetic.js
 * through the real importer) written as a native snapshot, 100,000 request lines (mixed actions,
 * principals and resources, some with context, a few malformed), piped through the real CLI
 * (bin/iam-atlas.js, so tsx start-up and snapshot parsing are included). Reports lines/s end to
 * end and after start-up. Prints human lines and a final `BENCH {json}`.
 */
import { spawn } from 'node:child_process';
import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const out = join(here, 'out', 'eval-cli');
mkdirSync(out, { recursive: true });
const LINES = 100_000;

const { syntheticOrg } = await import('./_synthetic-org.js');
const { serializeSnapshot } = await import('../src/lib/import/snapshot-file/index.ts');
const snapshot = await syntheticOrg();
const snapshotPath = join(out, 'snapshot.json');
writeFileSync(snapshotPath, serializeSnapshot(snapshot));

const principals = snapshot.accounts.flatMap((a) => [
	...a.users.map((u) => u.arn),
	...a.roles.map((r) => r.arn)
]);
const resources = snapshot.accounts.flatMap((a) => a.resources.map((r) => r.arn));
const actions = [
	's3:GetObject',
	's3:PutObject',
	'ec2:DescribeInstances',
	'iam:CreateUser',
	'sts:AssumeRole',
	'kms:Decrypt',
	'sqs:SendMessage'
];
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

const t0 = performance.now();
const child = spawn(
	process.execPath,
	[join(repo, 'bin', 'iam-atlas.js'), 'eval', '--snapshot', snapshotPath],
	{ stdio: ['pipe', 'pipe', 'inherit'] }
);
createReadStream(requestsPath).pipe(child.stdin);
let firstAt = null;
let count = 0;
let errors = 0;
let tail = '';
const decisions = {};
child.stdout.setEncoding('utf8');
child.stdout.on('data', (chunk) => {
	firstAt ??= performance.now();
	const parts = (tail + chunk).split('\n');
	tail = parts.pop();
	for (const l of parts) {
		count++;
		const o = JSON.parse(l);
		if (o.error) errors++;
		else decisions[o.decision] = (decisions[o.decision] ?? 0) + 1;
	}
});
const code = await new Promise((res) => child.on('close', res));
const total = (performance.now() - t0) / 1000;
const steady = (performance.now() - firstAt) / 1000;
if (code !== 0 || count !== LINES) {
	console.error(`eval exited ${code} after ${count} of ${LINES} lines`);
	process.exit(1);
}
console.log(`decisions: ${JSON.stringify(decisions)}; per-line errors: ${errors}`);
console.log(
	`end to end (start-up + snapshot load included): ${total.toFixed(1)} s → ${Math.round(LINES / total).toLocaleString('en')} lines/s`
);
console.log(
	`after the first answer: ${steady.toFixed(1)} s → ${Math.round(LINES / steady).toLocaleString('en')} lines/s`
);
console.log(
	`BENCH ${JSON.stringify({ lines: LINES, seconds: +total.toFixed(2), linesPerSec: Math.round(LINES / total), linesPerSecAfterStart: Math.round(LINES / steady), errors, decisions })}`
);
