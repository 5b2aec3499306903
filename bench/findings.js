#!/usr/bin/env node
/**
 * Findings speed (issue 12, target < 2 s): every built-in rule over the synthetic organization of
 * scripts/generate-synthetic.js (100 accounts, 20,000 principals), imported with importFiles. The
 * generator writes no review evidence, so each account is given here a credential report row per
 * user, the root row, a password policy, and last-accessed data for every role (5 services), so the
 * credential and last-accessed rules have work to do. Times the whole call (index + evaluator +
 * rules), cold, then again warm. Prints human lines and a final `BENCH {json}`.
 */
import { register } from 'tsx/esm/api';

register();
const { syntheticOrg } = await import('./_synthetic-org.js');
const { findFindings } = await import('../src/lib/analysis/findings/find-findings.ts');
const { makeCredentialReportRow, makePasswordPolicy } =
	await import('../src/lib/testing/builders.ts');

const snapshot = await syntheticOrg();
const day = (n) => new Date(Date.parse('2026-01-01T00:00:00Z') - n * 86400000).toISOString();
let rows = 0;
for (const a of snapshot.accounts) {
	const report = [
		makeCredentialReportRow({
			user: '<root_account>',
			arn: `arn:aws:iam::${a.id}:root`,
			passwordEnabled: null,
			passwordLastUsed: day(3)
		})
	];
	a.users.forEach((u, i) =>
		report.push(
			makeCredentialReportRow({
				user: u.name,
				arn: u.arn,
				mfaActive: i % 3 !== 0,
				passwordLastUsed: i % 5 === 0 ? 'N/A' : day(i % 200),
				accessKeys: [
					{
						active: true,
						lastRotated: day(i % 400),
						lastUsedDate: i % 4 ? day(i % 150) : 'N/A',
						lastUsedRegion: null,
						lastUsedService: null
					},
					{
						active: false,
						lastRotated: 'N/A',
						lastUsedDate: 'N/A',
						lastUsedRegion: null,
						lastUsedService: null
					}
				]
			})
		)
	);
	rows += report.length;
	a.evidence = {
		credentialReport: { generatedTime: '2026-01-01T00:00:00.000Z', rows: report },
		accountSummary: { summaryMap: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 } },
		passwordPolicy: makePasswordPolicy({ minimumPasswordLength: a.id.endsWith('0') ? 8 : 14 }),
		serviceLastAccessed: a.roles.map((r, i) => ({
			arn: r.arn,
			jobId: `job-${i}`,
			jobCompletionDate: '2026-01-01T00:00:00.000Z',
			services: ['s3', 'sqs', 'kms', 'dynamodb', 'lambda'].map((ns, k) => ({
				namespace: ns,
				name: ns,
				lastAuthenticated: (i + k) % 3 ? day((i * 7 + k * 40) % 300) : null,
				lastAuthenticatedEntity: null,
				lastAuthenticatedRegion: null,
				totalAuthenticatedEntities: null
			}))
		})),
		virtualMfaDevices: []
	};
}
const principals = snapshot.accounts.reduce((n, a) => n + a.users.length + a.roles.length, 0);
const resources = snapshot.accounts.reduce((n, a) => n + a.resources.length, 0);
console.log(
	`synthetic org: ${snapshot.accounts.length} accounts, ${principals} principals, ${resources} resources, ${rows} credential-report rows`
);

function timed(fn) {
	const c0 = process.cpuUsage();
	const t0 = performance.now();
	const value = fn();
	const wallMs = Math.round(performance.now() - t0);
	const c = process.cpuUsage(c0);
	return { value, wallMs, cpuMs: Math.round((c.user + c.system) / 1000) };
}
globalThis.gc?.();
const cold = timed(() => findFindings(snapshot));
globalThis.gc?.();
const warm = timed(() => findFindings(snapshot));
const byRule = {};
for (const f of cold.value) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
console.log(`findings: ${cold.value.length} (${JSON.stringify(byRule)})`);
console.log(
	`first run: ${cold.wallMs} ms wall / ${cold.cpuMs} ms CPU; second: ${warm.wallMs} ms wall / ${warm.cpuMs} ms CPU (target < 2000 ms)`
);
console.log(
	`BENCH ${JSON.stringify({
		findings: {
			accounts: snapshot.accounts.length,
			principals,
			count: cold.value.length,
			byRule,
			coldWallMs: cold.wallMs,
			coldCpuMs: cold.cpuMs,
			warmWallMs: warm.wallMs,
			warmCpuMs: warm.cpuMs,
			targetMs: 2000
		}
	})}`
);
