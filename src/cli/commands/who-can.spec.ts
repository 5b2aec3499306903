import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConditionBlock, PolicyDocument } from '../../lib/model/policy-document';
import { worldToSnapshot } from '../../lib/engine/testing/world';
import { serializeSnapshot } from '../../lib/import/snapshot-file';
import { fakeIo as makeFakeIo } from '../testing/fake-io';
import { main } from '../main';

const A = '111111111111';
const doc = (Effect: 'Allow' | 'Deny', Condition?: ConditionBlock): PolicyDocument => ({
	Version: '2012-10-17',
	Statement: [
		{ Effect, Action: 's3:GetObject', Resource: '*', ...(Condition ? { Condition } : {}) }
	]
});
const dir = mkdtempSync(join(tmpdir(), 'iam-atlas-who-can-'));
const snapshotPath = join(dir, 'snap.json');
writeFileSync(
	snapshotPath,
	serializeSnapshot(
		worldToSnapshot({
			accounts: {
				[A]: {
					users: [
						{ name: 'zoe', policies: [doc('Allow')] },
						{
							name: 'bob',
							policies: [doc('Allow'), doc('Deny', { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } })]
						},
						{ name: 'carl' }
					],
					roles: [{ name: 'reader', policies: [doc('Allow')] }]
				}
			}
		})
	)
);

function fakeIo() {
	const fake = makeFakeIo();
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	return { io: fake.io, lines: () => fake.jsonLines() as any[], err: fake.errText };
}

const arn = (p: string) => `arn:aws:iam::${A}:${p}`;
const args = [
	'who-can',
	'--snapshot',
	snapshotPath,
	'--action',
	's3:GetObject',
	'--resource',
	'arn:aws:s3:::b/k'
];

describe('iam-atlas who-can', () => {
	it('prints one line per principal, allowed first, each group sorted by ARN', async () => {
		const f = fakeIo();
		expect(await main(args, f.io)).toBe(0);
		expect(f.lines()).toEqual([
			{ principal: arn('role/reader'), decision: 'allowed' },
			{ principal: arn('user/bob'), decision: 'allowed' },
			{ principal: arn('user/zoe'), decision: 'allowed' },
			{ principal: arn('user/carl'), decision: 'implicitDeny' }
		]);
	});

	it('takes the request context: the deny on the source IP applies', async () => {
		const f = fakeIo();
		expect(await main([...args, '--context', '{"aws:SourceIp":"10.1.2.3"}'], f.io)).toBe(0);
		expect(f.lines().map((l) => l.decision)).toEqual([
			'allowed',
			'allowed',
			'explicitDeny',
			'implicitDeny'
		]);
		expect(f.lines()[2].principal).toBe(arn('user/bob'));
	});

	it('rejects missing options, bad context and unreadable snapshots with a message', async () => {
		const cases: [string[], number, RegExp][] = [
			[
				['who-can', '--snapshot', snapshotPath, '--action', 's3:GetObject'],
				2,
				/--resource is required/
			],
			[[...args, '--context', '[1]'], 2, /--context must be a JSON object/],
			[[...args, '--context', '{oops'], 2, /--context is not valid JSON/],
			[[...args, '--verbose'], 2, /unexpected argument '--verbose'/],
			[
				['who-can', '--snapshot', join(dir, 'missing.json'), '--action', 'a:b', '--resource', '*'],
				1,
				/cannot read .*missing\.json/
			]
		];
		for (const [argv, code, message] of cases) {
			const f = fakeIo();
			expect(await main(argv, f.io), argv.join(' ')).toBe(code);
			expect(f.err()).toMatch(message);
			expect(f.lines()).toEqual([]);
		}
	});
});
