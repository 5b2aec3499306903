#!/usr/bin/env node
/**
 * Snapshot diff and redaction speed (issue 13): on the synthetic 100-account / 20,000-principal
 * organization (scripts/generate-synthetic.js through the real importer):
 *  - diff of it against an edited copy (a user added to a group, AdministratorAccess attached to a
 *    role, an SCP detached from its first target, a statement added to a customer policy), access
 *    part included (escalation statuses, assumers, who-can for sensitive actions) — target < 5 s;
 *  - diff of it against itself reordered (structure only, must be empty);
 *  - redaction of it — target < 3 s.
 * Prints human lines and a final `BENCH {json}`.
 */
import { register } from 'tsx/esm/api';

register();
const { syntheticOrg } = await import('./_synthetic-org.js');
const { diffSnapshots } = await import('../src/lib/analysis/diff/diff.ts');
const { redactSnapshot } = await import('../src/lib/analysis/redact/redact.ts');
const { loadNodeCatalog } = await import('../src/lib/engine/catalog/node-catalog.ts');

const before = await syntheticOrg();
const catalog = await loadNodeCatalog();
const after = structuredClone(before);
const acc = after.accounts.find((a) => a.users.length && a.groups.length && a.roles.length);
acc.users[0].groups = [...new Set([...acc.users[0].groups, ...acc.groups.map((g) => g.name)])];
acc.roles[0].attachedPolicies.push('arn:aws:iam::aws:policy/AdministratorAccess');
const scp = after.organization?.policies.find(
	(p) => p.type === 'SCP' && p.targets.length && !p.awsManaged
);
if (scp) scp.targets = scp.targets.slice(1);
const custom = after.accounts
	.flatMap((a) => a.policies)
	.find((p) => !p.awsManaged && p.versions.length);
if (custom) {
	const v = custom.versions.find((x) => x.isDefault) ?? custom.versions[0];
	const st = Array.isArray(v.document.Statement) ? v.document.Statement : [v.document.Statement];
	v.document = {
		...v.document,
		Statement: [...st, { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }]
	};
}

const time = (f) => {
	const t = performance.now();
	const r = f();
	return [r, Math.round(performance.now() - t)];
};
const [changes, diffMs] = time(() =>
	diffSnapshots(before, after, { catalog, now: '2026-01-01T00:00:00Z' })
);
const byKind = {};
for (const c of changes) byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
const reordered = structuredClone(before);
reordered.accounts.reverse();
for (const a of reordered.accounts) a.users.reverse();
const [same, selfMs] = time(() => diffSnapshots(before, reordered, { catalog }));
const [red, redactMs] = time(() => redactSnapshot(before));
const principals = before.accounts.reduce((n, a) => n + a.users.length + a.roles.length, 0);
console.log(`synthetic: ${before.accounts.length} accounts, ${principals} principals`);
console.log(
	`diff with edits (access included): ${diffMs} ms, ${changes.length} changes ${JSON.stringify(byKind)}`
);
console.log(`diff with itself reordered: ${selfMs} ms, ${same.length} changes`);
console.log(
	`redaction: ${redactMs} ms, ${Object.keys(red.map.names).length} names, ${Object.keys(red.map.accountIds).length} account ids`
);
console.log(
	'BENCH ' +
		JSON.stringify({
			diffMs,
			diffChanges: changes.length,
			selfDiffMs: selfMs,
			selfDiffChanges: same.length,
			redactMs,
			diffTargetMet: diffMs < 5000,
			redactTargetMet: redactMs < 3000
		})
);
