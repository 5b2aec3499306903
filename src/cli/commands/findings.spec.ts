import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { worldToSnapshot } from '../../lib/engine/testing/world';
import { serializeSnapshot } from '../../lib/import/snapshot-file';
import { fakeIo } from '../testing/fake-io';
import type { PolicyDocument } from '../../lib/model/policy-document';
import { main } from '../main';

const dir = mkdtempSync(join(tmpdir(), 'iam-atlas-findings-'));
const write = (name: string, text: string) => {
	const p = join(dir, name);
	writeFileSync(p, text);
	return p;
};
const risky = write(
	'risky.json',
	serializeSnapshot(
		worldToSnapshot({
			accounts: {
				'111111111111': {
					users: [{ name: 'alice', managed: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }],
					roles: [
						{
							name: 'open',
							trust: {
								Version: '2012-10-17',
								Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }]
							}
						}
					]
				}
			}
		})
	)
);
const allow = (Action: string, Resource = '*'): PolicyDocument => ({
	Version: '2012-10-17',
	Statement: [{ Effect: 'Allow', Action, Resource }]
});
const access = write(
	'access.json',
	serializeSnapshot(
		worldToSnapshot({
			accounts: {
				'111111111111': {
					users: [
						{ name: 'root-like', policies: [allow('*')] },
						{
							name: 'dev',
							policies: [allow('iam:PutUserPolicy', 'arn:aws:iam::111111111111:user/dev')]
						}
					]
				}
			}
		})
	)
);
const clean = write(
	'clean.json',
	serializeSnapshot(worldToSnapshot({ accounts: { '111111111111': {} } }))
);

describe('iam-atlas findings', () => {
	it('--json: one JSON object per line with exactly rule, severity, subject, title, evidence; exit 0', async () => {
		const f = fakeIo();
		expect(await main(['findings', '--snapshot', risky, '--json'], f.io)).toBe(0);
		const lines = f.jsonLines() as Record<string, unknown>[];
		expect(lines.map((l) => [l.rule, l.severity, l.subject])).toEqual([
			['role-trusts-everyone', 'critical', 'arn:aws:iam::111111111111:role/open'],
			['policy-on-user', 'low', 'arn:aws:iam::111111111111:user/alice']
		]);
		for (const l of lines)
			expect(Object.keys(l)).toEqual(['rule', 'severity', 'subject', 'title', 'evidence']);
	});

	it('without --json: grouped by severity, most severe first', async () => {
		const f = fakeIo();
		expect(await main(['findings', '--snapshot', risky], f.io)).toBe(0);
		const text = f.out.join('');
		expect(text.indexOf('CRITICAL (1)')).toBeGreaterThanOrEqual(0);
		expect(text.indexOf('CRITICAL (1)')).toBeLessThan(text.indexOf('LOW (1)'));
		expect(text).toContain('[role-trusts-everyone] Anyone can assume open');
	});

	it('nothing found: exit 0, no JSON lines, "No findings." as text', async () => {
		const j = fakeIo();
		expect(await main(['findings', '--snapshot', clean, '--json'], j.io)).toBe(0);
		expect(j.out.join('')).toBe('');
		const t = fakeIo();
		expect(await main(['findings', '--snapshot', clean], t.io)).toBe(0);
		expect(t.out.join('')).toBe('No findings.\n');
	});

	it('names administrators and principals that can become one (the access-path analysis); --no-access skips them', async () => {
		const f = fakeIo();
		expect(await main(['findings', '--snapshot', access, '--json'], f.io)).toBe(0);
		const lines = f.jsonLines() as {
			rule: string;
			severity: string;
			subject: string;
			evidence: { steps?: { technique: string }[] };
		}[];
		const pick = (rule: string) =>
			lines.filter((l) => l.rule === rule).map((l) => [l.subject, l.severity]);
		expect(pick('admin-principal')).toEqual([['arn:aws:iam::111111111111:user/root-like', 'high']]);
		expect(pick('escalation-path')).toEqual([['arn:aws:iam::111111111111:user/dev', 'high']]);
		const dev = lines.find((l) => l.rule === 'escalation-path')!;
		expect(dev.evidence.steps?.length).toBeGreaterThan(0);
		const skipped = fakeIo();
		expect(
			await main(['findings', '--snapshot', access, '--json', '--no-access'], skipped.io)
		).toBe(0);
		expect(
			(skipped.jsonLines() as { rule: string }[]).some((l) => /admin|escalation/.test(l.rule))
		).toBe(false);
	});

	it('usage errors exit 2; an unreadable snapshot exits 1 naming the file', async () => {
		const a = fakeIo();
		expect(await main(['findings'], a.io)).toBe(2);
		expect(a.errText()).toContain('--snapshot is required');
		const b = fakeIo();
		expect(await main(['findings', '--snapshot', risky, '--csv'], b.io)).toBe(2);
		const c = fakeIo();
		const bad = write('bad.json', '{"format":"iam-atlas-snapshot","version":2}');
		expect(await main(['findings', '--snapshot', bad], c.io)).toBe(1);
		expect(c.errText()).toContain(bad);
	});
});
