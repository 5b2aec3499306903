import { beforeAll, expect, it } from 'vitest';
import type { ActionCatalog } from '../engine/catalog/action-catalog';
import { loadNodeCatalog } from '../engine/catalog/node-catalog';
import type { EvalRequest, EvalResult } from '../engine/types';
import { createEvaluator } from '../engine/evaluate';
import {
	makeAccount,
	makeInlinePolicy,
	makeRole,
	makeSnapshot,
	makeUser
} from '../testing/builders';
import { EngineSession, type CreateEvaluator } from './engine-session';

/** A stand-in evaluator: admins may do anything, others only Get*; it records what it was asked. */
const asked: EvalRequest[] = [];
const stubEvaluator: CreateEvaluator = () => ({
	evaluate(req: EvalRequest): EvalResult {
		asked.push(req);
		const allowed = req.principal.includes('admin') || /:Get/.test(req.action);
		return {
			decision: allowed ? 'allowed' : 'implicitDeny',
			reasons: [],
			layers: [],
			gap: allowed ? undefined : 'identity',
			context: {},
			summary: '',
			warnings: []
		};
	}
});

let catalog: ActionCatalog;
beforeAll(async () => {
	catalog = await loadNodeCatalog();
});

const snapshot = () =>
	makeSnapshot({
		accounts: [
			makeAccount({
				id: '111111111111',
				users: [makeUser({ name: 'admin-ann' }), makeUser({ name: 'bob' })],
				roles: [makeRole({ name: 'reader' })]
			})
		]
	});

it('refuses questions before a snapshot is loaded, as an error reply', async () => {
	const session = new EngineSession(stubEvaluator, async () => catalog);
	const reply = await session.handle({
		type: 'whoCan',
		id: 7,
		action: 's3:PutObject',
		resource: 'arn:aws:s3:::b/k'
	});
	expect(reply).toMatchObject({
		type: 'whoCan',
		id: 7,
		ok: false,
		error: { code: 'engine.no-snapshot' }
	});
});

it('answers an unknown request type with an error reply', async () => {
	const session = new EngineSession(stubEvaluator, async () => catalog);
	const reply = await session.handle({ type: 'nonsense', id: 9 } as unknown as Parameters<
		EngineSession['handle']
	>[0]);
	expect(reply).toMatchObject({ id: 9, ok: false, error: { code: 'engine.unknown-request' } });
});

it('answers who-can over every user and role, in snapshot order', async () => {
	const session = new EngineSession(stubEvaluator, async () => catalog);
	expect(await session.handle({ type: 'load', id: 1, snapshot: snapshot() })).toMatchObject({
		ok: true,
		result: { principals: 3 }
	});
	const reply = await session.handle({
		type: 'whoCan',
		id: 2,
		action: 's3:PutObject',
		resource: 'arn:aws:s3:::b/k',
		context: { 'aws:SourceIp': '10.0.0.1' }
	});
	if (!reply.ok || reply.type !== 'whoCan') throw new Error('expected a whoCan result');
	expect(reply.result.rows.map((r) => [r.principal.split(':').pop(), r.decision, r.gap])).toEqual([
		['user/admin-ann', 'allowed', undefined],
		['user/bob', 'implicitDeny', 'identity'],
		['role/reader', 'implicitDeny', 'identity']
	]);
	expect(reply.result.counts).toEqual({ allowed: 1, explicitDeny: 0, implicitDeny: 2 });
	expect(asked.at(-1)?.context).toEqual({ 'aws:SourceIp': '10.0.0.1' });
});

it('decides every catalog action of the resource type, grouped by access level', async () => {
	const session = new EngineSession(stubEvaluator, async () => catalog);
	await session.handle({ type: 'load', id: 1, snapshot: snapshot() });
	const principal = 'arn:aws:iam::111111111111:user/bob';
	const reply = await session.handle({
		type: 'actionsForResource',
		id: 3,
		principal,
		resource: 'arn:aws:s3:::b/k'
	});
	if (!reply.ok || reply.type !== 'actionsForResource')
		throw new Error('expected an actionsForResource result');
	expect(reply.result.resourceType).toMatchObject({ service: 's3', resourceType: 'object' });
	expect(reply.result.levels.Read).toContainEqual({ action: 's3:GetObject', decision: 'allowed' });
	expect(reply.result.levels.Write).toContainEqual({
		action: 's3:PutObject',
		decision: 'implicitDeny',
		gap: 'identity'
	});
	const total = Object.values(reply.result.levels).reduce((n, l) => n + l.length, 0);
	expect(total).toBe(
		Object.values(catalog.actionsForResource('arn:aws:s3:::b/k')!.levels).flat().length
	);
});

it('completes and lints through the catalog, and reports a catalog that cannot load', async () => {
	const session = new EngineSession(stubEvaluator, async () => catalog);
	expect(
		await session.handle({ type: 'completions', id: 4, prefix: 's3:getobjectt' })
	).toMatchObject({ ok: true, result: ['s3:GetObjectTagging', 's3:GetObjectTorrent'] });
	expect(
		await session.handle({
			type: 'conditionKeys',
			id: 7,
			prefix: 'S3:X-AMZ-AC',
			action: 's3:PutObject'
		})
	).toMatchObject({ ok: true, result: ['s3:x-amz-acl'] });
	const lint = await session.handle({
		type: 'lintPolicy',
		id: 5,
		document: { Statement: { Effect: 'Allow', Action: 's3:Nope', Resource: '*' } }
	});
	expect(lint).toMatchObject({
		ok: true,
		result: [{ code: 'catalog.action.unknown', pointer: '/Statement/Action' }]
	});
	const broken = new EngineSession(stubEvaluator, () => Promise.reject(new Error('offline')));
	expect(await broken.handle({ type: 'completions', id: 6, prefix: 's3:' })).toMatchObject({
		ok: false,
		error: { code: 'catalog.unavailable' }
	});
});

it('warms every principal up in slices after a load and reports it in status', async () => {
	const session = new EngineSession(stubEvaluator, async () => catalog);
	expect(session.warmStep()).toBe(false);
	await session.handle({ type: 'load', id: 1, snapshot: snapshot() });
	expect(await session.handle({ type: 'status', id: 2 })).toMatchObject({
		ok: true,
		result: { loaded: true, principals: 3, warmed: 0 }
	});
	asked.length = 0;
	while (session.warmStep(1000));
	expect(asked.map((r) => r.principal.split(':').pop())).toEqual([
		'user/admin-ann',
		'user/bob',
		'role/reader'
	]);
	expect(await session.handle({ type: 'status', id: 3 })).toMatchObject({
		ok: true,
		result: { warmed: 3 }
	});
});

it("carries the real evaluator's decisions and trace", async () => {
	const session = new EngineSession(createEvaluator, async () => catalog);
	const alice = makeUser({ name: 'alice', inlinePolicies: [makeInlinePolicy()] });
	await session.handle({
		type: 'load',
		id: 1,
		snapshot: makeSnapshot({
			accounts: [makeAccount({ users: [alice, makeUser({ name: 'bob' })] })]
		})
	});
	const resource = 'arn:aws:s3:::bucket-111111111111/k';
	const who = await session.handle({ type: 'whoCan', id: 2, action: 's3:GetObject', resource });
	expect(who).toMatchObject({
		ok: true,
		result: {
			counts: { allowed: 1, implicitDeny: 1 },
			rows: [{ decision: 'allowed' }, { decision: 'implicitDeny', gap: 'identity' }]
		}
	});
	const one = await session.handle({
		type: 'evaluate',
		id: 3,
		request: { principal: alice.arn, action: 's3:GetObject', resource }
	});
	if (!one.ok || one.type !== 'evaluate') throw new Error('expected an evaluate result');
	expect(one.result.decision).toBe('allowed');
	expect(one.result.layers.length).toBeGreaterThan(0);
});

it("loads a stored snapshot by id through the store, and passes the store's errors on", async () => {
	const stored = snapshot();
	const read = async (id: string) =>
		id === 'snap-1'
			? { ok: true as const, value: stored }
			: {
					ok: false as const,
					error: { code: 'store.not-found', message: `There is no stored snapshot with id ${id}` }
				};
	const session = new EngineSession(stubEvaluator, async () => catalog, read);
	expect(await session.handle({ type: 'loadStored', id: 1, snapshotId: 'snap-1' })).toMatchObject({
		ok: true,
		result: { principals: 3 }
	});
	expect(await session.handle({ type: 'loadStored', id: 2, snapshotId: 'gone' })).toMatchObject({
		ok: false,
		error: { code: 'store.not-found' }
	});
	const storeless = new EngineSession(stubEvaluator, async () => catalog);
	expect(await storeless.handle({ type: 'loadStored', id: 3, snapshotId: 'snap-1' })).toMatchObject(
		{ ok: false, error: { code: 'engine.no-store' } }
	);
});
