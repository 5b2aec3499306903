import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { worldToSnapshot } from '../../lib/engine/testing/world';
import { serializeSnapshot } from '../../lib/import/snapshot-file';
import { fakeIo as makeFakeIo } from '../testing/fake-io';
import { run } from './eval';

const A = '111111111111';
const dir = mkdtempSync(join(tmpdir(), 'iam-atlas-eval-'));
const snapshotPath = join(dir, 'snap.json');
writeFileSync(
	snapshotPath,
	serializeSnapshot(
		worldToSnapshot({
			accounts: {
				[A]: {
					users: [
						{
							name: 'alice',
							policies: [
								{
									Version: '2012-10-17',
									Statement: [
										{ Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }
									]
								}
							]
						}
					]
				}
			}
		})
	)
);

function fakeIo(lines: string[]) {
	const fake = makeFakeIo(lines);
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	return { io: fake.io, out: () => fake.jsonLines() as any[], err: fake.errText };
}

const alice = `arn:aws:iam::${A}:user/alice`;
const line = (o: object) => JSON.stringify(o);

describe('iam-atlas eval', () => {
	it('answers each stdin line in order, errors per line without stopping', async () => {
		const f = fakeIo([
			line({
				principal: alice,
				action: 's3:GetObject',
				resource: 'arn:aws:s3:::b/k',
				resourceAccount: A
			}),
			'{not json',
			line({ principal: alice, action: 's3:PutObject' }),
			line({
				principal: alice,
				action: 's3:PutObject',
				resource: 'arn:aws:s3:::b/k',
				resourceAccount: A
			})
		]);
		expect(await run(['--snapshot', snapshotPath], f.io)).toBe(0);
		const out = f.out();
		expect(out).toHaveLength(4);
		expect(out.map((o) => o.line)).toEqual([1, 2, 3, 4]);
		expect(out[0]).toMatchObject({
			decision: 'allowed',
			reasons: [
				{
					effect: 'Allow',
					policyType: 'identity',
					policy: 'inline-0',
					attachedTo: alice,
					statement: 'Read'
				}
			]
		});
		expect(out[1].error.code).toBe('eval.request.invalid-json');
		expect(out[1].error.message).toMatch(/^line 2: /);
		expect(out[2].error).toMatchObject({
			code: 'eval.request.missing-field',
			message: expect.stringMatching(/^line 3: "resource"/)
		});
		expect(out[3]).toMatchObject({ decision: 'implicitDeny', gap: 'identity' });
		expect(out[0].summary).toMatch(/^Allowed by identity policy inline-0/);
		expect(out[3].summary).toMatch(/^Implicitly denied: no identity policy allows s3:PutObject/);
	});

	it('answers a blank line with an explicit skipped line and keeps counting', async () => {
		const f = fakeIo(['', line({ principal: alice, action: 's3:GetObject' }), '  ']);
		expect(await run(['--snapshot', snapshotPath], f.io)).toBe(0);
		expect(f.out()).toEqual([
			{ line: 1, skipped: 'blank line' },
			{
				line: 2,
				error: {
					code: 'eval.request.missing-field',
					message: 'line 2: "resource" is required and must be a non-empty string'
				}
			},
			{ line: 3, skipped: 'blank line' }
		]);
	});

	it('takes a session policy as an object or as JSON text', async () => {
		const session = `arn:aws:sts::${A}:assumed-role/r/s`;
		const doc = { Version: '2012-10-17', Statement: [] };
		const req = { principal: session, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' };
		const f = fakeIo([
			line({ ...req, sessionPolicy: doc }),
			line({ ...req, sessionPolicy: JSON.stringify(doc) }),
			line({ ...req, sessionPolicy: '{oops' })
		]);
		expect(await run(['--snapshot', snapshotPath], f.io)).toBe(0);
		const out = f.out();
		expect({ ...out[0], line: 0 }).toEqual({ ...out[1], line: 0 });
		expect(out[2].error.code).toBe('eval.request.invalid-session-policy');
	});

	it('keeps exactly the five reason fields, also with --trace (details go to reasonDetails)', async () => {
		const f = fakeIo([
			line({ principal: alice, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' })
		]);
		expect(await run(['--snapshot', snapshotPath, '--trace'], f.io)).toBe(0);
		const [out] = f.out();
		expect(Object.keys(out.reasons[0]).sort()).toEqual(
			['attachedTo', 'effect', 'policy', 'policyType', 'statement'].sort()
		);
		expect(out.reasonDetails[0]).toMatchObject({ statement: 'Read', policyId: expect.any(String) });
		expect(out.layers.length).toBeGreaterThan(0);
	});

	it('reads a requests file when given', async () => {
		const requests = join(dir, 'req.jsonl');
		writeFileSync(
			requests,
			line({ principal: alice, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }) + '\n'
		);
		const f = fakeIo([]);
		expect(await run(['--snapshot', snapshotPath, requests], f.io)).toBe(0);
		expect(f.out().map((o) => o.decision)).toEqual(['allowed']);
	});

	it('gives exactly one output line per input line, numbered 1..N in order, whatever the line', async () => {
		const good = line({ principal: alice, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' });
		const input = [
			good,
			'',
			'{not json',
			'   ',
			line({ ...JSON.parse(good), context: { 'aws:SourceIp': 'nowhere' } }),
			line({ ...JSON.parse(good), principal: 'alice' }),
			'[]',
			good + '\r',
			line({ ...JSON.parse(good), sessionPolicy: { Statement: 'x' } }),
			good,
			'',
			'null'
		];
		const expected = [
			'allowed',
			'blank line',
			'eval.request.invalid-json',
			'blank line',
			'eval.request.invalid-context',
			'eval.request.invalid-principal',
			'eval.request.not-an-object',
			'allowed',
			'eval.request.invalid-session-policy',
			'allowed',
			'blank line',
			'eval.request.not-an-object'
		];
		const what = (o: { decision?: string; skipped?: string; error?: { code: string } }) =>
			o.decision ?? o.skipped ?? o.error?.code;
		// stdin as lines
		const f = fakeIo(input);
		expect(await run(['--snapshot', snapshotPath], f.io)).toBe(0);
		expect(f.out().map((o) => o.line)).toEqual(input.map((_, i) => i + 1));
		expect(f.out().map(what)).toEqual(expected);
		// a file without a final newline, and stdin in chunks cut in the middle of lines
		const requests = join(dir, 'mixed.jsonl');
		writeFileSync(requests, input.join('\n'));
		const g = fakeIo([]);
		expect(await run(['--snapshot', snapshotPath, requests], g.io)).toBe(0);
		expect(g.out().map(what)).toEqual(expected);
		const text = input.join('\n') + '\n';
		const h = fakeIo([]);
		h.io.stdinChunks = async function* () {
			for (let i = 0; i < text.length; i += 7) yield text.slice(i, i + 7);
		};
		expect(await run(['--snapshot', snapshotPath], h.io)).toBe(0);
		expect(h.out().map((o) => o.line)).toEqual(input.map((_, i) => i + 1));
		expect(h.out().map(what)).toEqual(expected);
		// the same through two worker threads (lines split between them by principal): same output
		const w = fakeIo(input);
		expect(await run(['--snapshot', snapshotPath, '--workers', '2'], w.io)).toBe(0);
		expect(w.out()).toEqual(f.out());
	});

	it('keeps order and numbering through worker threads over many batches', async () => {
		const users = ['alice', 'bob', 'carol', 'dave'].map((u) => `arn:aws:iam::${A}:user/${u}`);
		const input = Array.from({ length: 3000 }, (_, i) =>
			i % 97 === 0
				? ''
				: i % 89 === 0
					? '{broken'
					: line({
							principal: users[i % users.length],
							action: Math.floor(i / 4) % 2 ? 's3:GetObject' : 's3:PutObject',
							resource: `arn:aws:s3:::b/k${i}`
						})
		);
		const text = input.join('\n') + '\n';
		const chunked = (io: ReturnType<typeof fakeIo>['io']) => {
			io.stdinChunks = async function* () {
				for (let i = 0; i < text.length; i += 4096) yield text.slice(i, i + 4096);
			};
		};
		const one = fakeIo([]);
		chunked(one.io);
		expect(await run(['--snapshot', snapshotPath], one.io)).toBe(0);
		const two = fakeIo([]);
		chunked(two.io);
		expect(await run(['--snapshot', snapshotPath, '--workers', '2'], two.io)).toBe(0);
		expect(two.out().map((o) => o.line)).toEqual(input.map((_, i) => i + 1));
		expect(two.out()).toEqual(one.out());
		expect(two.out()[0]).toEqual({ line: 1, skipped: 'blank line' });
		expect(two.out()[4]).toMatchObject({ line: 5, decision: 'allowed' });
		expect(two.out()[89].error.code).toBe('eval.request.invalid-json');
	});

	it('reports a bad snapshot from the worker threads as the single-threaded path does', async () => {
		const bad = join(dir, 'bad-for-workers.json');
		writeFileSync(bad, '{"format":"nope"}');
		const f = fakeIo([]);
		expect(await run(['--snapshot', bad, '--workers', '2'], f.io)).toBe(1);
		const g = fakeIo([]);
		expect(await run(['--snapshot', bad], g.io)).toBe(1);
		expect(f.err()).toBe(g.err());
	});

	it('needs --snapshot and a readable, valid snapshot', async () => {
		const a = fakeIo([]);
		expect(await run([], a.io)).toBe(2);
		expect(a.err()).toMatch(/--snapshot is required/);
		const bad = join(dir, 'bad.json');
		writeFileSync(bad, '{"format":"nope"}');
		const b = fakeIo([]);
		expect(await run(['--snapshot', bad], b.io)).toBe(1);
		expect(b.err()).toMatch(/bad\.json/);
	});
});
