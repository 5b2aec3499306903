import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PolicyDocument, PolicyStatement } from '../../lib/model/policy-document';
import { fakeIo } from '../testing/fake-io';
import { writeWorldSnapshot } from '../testing/world-file';
import { main } from '../main';

const A = '111111111111';
const arn = (p: string) => `arn:aws:iam::${A}:${p}`;
const doc = (...Statement: PolicyStatement[]): PolicyDocument => ({
	Version: '2012-10-17',
	Statement
});
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const { dir, path: snapshotPath } = writeWorldSnapshot('iam-atlas-escalations-', {
	accounts: {
		[A]: {
			users: [
				{ name: 'root-like', managed: [ADMIN] },
				{
					name: 'dev',
					policies: [
						doc(
							{
								Sid: 'Pass',
								Effect: 'Allow',
								Action: 'iam:PassRole',
								Resource: arn('role/deploy')
							},
							{
								Sid: 'Fn',
								Effect: 'Allow',
								Action: ['lambda:CreateFunction', 'lambda:InvokeFunction'],
								Resource: '*'
							}
						)
					]
				},
				{
					name: 'ops',
					policies: [doc({ Effect: 'Allow', Action: 'lambda:UpdateFunctionCode', Resource: '*' })]
				},
				{
					name: 'reader',
					policies: [doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })]
				},
				{
					name: 'hopper',
					policies: [
						doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: arn('role/ops-admin') })
					]
				}
			],
			roles: [
				{
					name: 'ops-admin',
					trust: doc({ Effect: 'Allow', Principal: { AWS: A }, Action: 'sts:AssumeRole' }),
					managed: [ADMIN]
				},
				{
					name: 'deploy',
					trust: doc({
						Effect: 'Allow',
						Principal: { Service: 'lambda.amazonaws.com' },
						Action: 'sts:AssumeRole'
					}),
					managed: [ADMIN]
				}
			],
			policies: [{ arn: ADMIN, document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) }]
		}
	}
});

describe('iam-atlas escalations', () => {
	it('--json prints one line per user and role with status and paths', async () => {
		const f = fakeIo();
		expect(await main(['escalations', '--snapshot', snapshotPath, '--json'], f.io)).toBe(0);
		const lines = f.jsonLines() as {
			principal: string;
			status: string;
			paths: {
				reaches: string;
				steps: { technique: string; actions: string[]; target: string; needs: string[] }[];
			}[];
		}[];
		const by = new Map(lines.map((l) => [l.principal, l]));
		expect([...by.keys()].sort()).toEqual(
			[
				arn('user/root-like'),
				arn('user/dev'),
				arn('user/ops'),
				arn('user/reader'),
				arn('user/hopper'),
				arn('role/ops-admin'),
				arn('role/deploy')
			].sort()
		);
		expect(by.get(arn('user/root-like'))?.status).toBe('admin');
		expect(by.get(arn('role/deploy'))?.status).toBe('admin');
		expect(by.get(arn('user/dev'))).toEqual({
			principal: arn('user/dev'),
			status: 'escalates',
			paths: [
				{
					reaches: arn('role/deploy'),
					steps: [
						{
							technique: 'lambda-001',
							actions: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'],
							target: arn('role/deploy'),
							needs: []
						}
					]
				}
			]
		});
		expect(by.get(arn('user/ops'))?.status).toBe('conditional');
		expect(by.get(arn('user/ops'))?.paths[0].steps[0].needs.length).toBe(1);
		expect(by.get(arn('user/hopper'))?.paths[0].steps[0].technique).toBe('sts-001');
		expect(by.get(arn('user/reader'))).toEqual({
			principal: arn('user/reader'),
			status: 'none',
			paths: []
		});
	});
	it('--principal limits the lines; the text names the steps and the allowing statements', async () => {
		const f = fakeIo();
		expect(
			await main(
				['escalations', '--snapshot', snapshotPath, '--principal', arn('user/dev'), '--json'],
				f.io
			)
		).toBe(0);
		expect(f.jsonLines().length).toBe(1);
		const t = fakeIo();
		expect(
			await main(['escalations', '--snapshot', snapshotPath, '--principal', arn('user/dev')], t.io)
		).toBe(0);
		const text = t.out.join('');
		expect(text).toContain('1. lambda-001');
		expect(text).toContain('inline-0 [Pass]');
		expect(text).not.toContain('user/reader');
	});
	it('exits non-zero on bad arguments or an unreadable snapshot', async () => {
		const a = fakeIo();
		expect(await main(['escalations', '--json'], a.io)).toBe(2);
		expect(a.errText()).toContain('--snapshot is required');
		const b = fakeIo();
		expect(await main(['escalations', '--snapshot', join(dir, 'missing.json')], b.io)).toBe(1);
		const c = fakeIo();
		expect(await main(['escalations', '--snapshot', snapshotPath, '--bogus'], c.io)).toBe(2);
	});
});

describe('iam-atlas what-can and who-can --via-roles', () => {
	it('what-can lists the services and levels a principal holds', async () => {
		const f = fakeIo();
		expect(
			await main(
				['what-can', '--snapshot', snapshotPath, '--principal', arn('user/dev'), '--json'],
				f.io
			)
		).toBe(0);
		const r = f.jsonLines()[0] as {
			services: { service: string; levels: Record<string, number> }[];
		};
		expect(r.services.map((s) => s.service).sort()).toEqual(['iam', 'lambda']);
		expect(r.services.find((s) => s.service === 'lambda')?.levels.Write).toBe(2);
		const t = fakeIo();
		expect(await main(['what-can', '--snapshot', snapshotPath], t.io)).toBe(2);
	});
	it('who-can --via-roles marks principals allowed through a role they can assume', async () => {
		const f = fakeIo();
		const args = [
			'who-can',
			'--snapshot',
			snapshotPath,
			'--action',
			'iam:PassRole',
			'--resource',
			arn('role/deploy')
		];
		expect(await main([...args, '--via-roles'], f.io)).toBe(0);
		const rows = f.jsonLines() as { principal: string; decision: string; via?: string[] }[];
		expect(rows.find((r) => r.principal === arn('user/dev'))).toEqual({
			principal: arn('user/dev'),
			decision: 'allowed'
		});
		expect(rows.find((r) => r.principal === arn('user/hopper'))).toEqual({
			principal: arn('user/hopper'),
			decision: 'allowed',
			via: [arn('role/ops-admin')]
		});
		const plain = fakeIo();
		expect(await main(args, plain.io)).toBe(0);
		const direct = plain.jsonLines() as { principal: string; decision: string }[];
		expect(direct.find((r) => r.principal === arn('user/hopper'))?.decision).toBe('implicitDeny');
	});
});
