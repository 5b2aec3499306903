#!/usr/bin/env node
/**
 * Report speed (issue 12, target < 5 s): `iam-atlas report`'s code path (lib/graph/report-document:
 * findings, saved-view figures, content, rendering) over the synthetic organization (100 accounts,
 * 20,000 principals) with review evidence, 200 notes with decisions and 3 saved traced views,
 * written to disk through the CLI's atomic write — HTML, then Markdown. Prints human lines and a
 * final `BENCH {json}`.
 */
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';

register();
const { syntheticOrg } = await import('./_synthetic-org.js');
const { withReviewEvidence } = await import('./_synthetic-evidence.js');
const { findFindings } = await import('../src/lib/analysis/findings/find-findings.ts');
const { reportDocument } = await import('../src/lib/graph/report-document.ts');
const { writeAtomically } = await import('../src/cli/write-atomically.ts');

const snapshot = await syntheticOrg();
withReviewEvidence(snapshot);
const sample = findFindings(snapshot).slice(0, 200);
const at = '2026-01-02T00:00:00.000Z';
snapshot.notes = sample.map((f, i) => ({
	id: `n${i}`,
	targetKind: 'finding',
	target: `${f.rule}|${f.subject}`,
	text: `Reviewed in the meeting (${i}).`,
	author: 'bench',
	createdAt: at,
	updatedAt: at,
	status: i % 2 ? 'accepted-risk' : 'to-fix',
	owner: 'Ana',
	due: '2026-06-30'
}));
const a = snapshot.accounts[1];
snapshot.views = [a.users[0], a.roles[0], a.users[1]].map((p, i) => ({
	id: `v${i}`,
	title: `View ${i}`,
	note: 'A traced question.',
	expanded: [],
	selected: p.arn,
	principal: p.arn,
	resource: a.resources[0]?.arn ?? '*',
	action: 's3:GetObject',
	context: {},
	camera: null,
	createdAt: at
}));
const principals = snapshot.accounts.reduce((n, x) => n + x.users.length + x.roles.length, 0);
const dir = mkdtempSync(join(tmpdir(), 'iam-atlas-report-bench-'));

function timed(format) {
	globalThis.gc?.();
	const c0 = process.cpuUsage();
	const t0 = performance.now();
	const out = join(dir, `report.${format}`);
	writeAtomically(out, reportDocument(snapshot, { format, generatedAt: at }));
	const wallMs = Math.round(performance.now() - t0);
	const c = process.cpuUsage(c0);
	return { wallMs, cpuMs: Math.round((c.user + c.system) / 1000), bytes: statSync(out).size };
}
const html = timed('html');
const md = timed('md');
console.log(
	`synthetic org: ${snapshot.accounts.length} accounts, ${principals} principals, ${snapshot.notes.length} notes, ${snapshot.views.length} views`
);
console.log(
	`report.html: ${html.wallMs} ms wall / ${html.cpuMs} ms CPU, ${html.bytes} bytes (target < 5000 ms)`
);
console.log(`report.md:   ${md.wallMs} ms wall / ${md.cpuMs} ms CPU, ${md.bytes} bytes`);
console.log(
	`BENCH ${JSON.stringify({ report: { accounts: snapshot.accounts.length, principals, html, md, targetMs: 5000 } })}`
);
