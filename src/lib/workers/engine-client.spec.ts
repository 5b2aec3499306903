import { expect, it } from 'vitest';
import {
	EngineCallError,
	EngineClient,
	isCancelled,
	isStopped,
	type EnginePort
} from './engine-client';
import type { EngineReply, EngineRequest } from './engine-protocol';

/** A port that records requests and lets the test answer them in any order. */
function fakePort() {
	const sent: EngineRequest[] = [];
	const port: EnginePort = {
		postMessage: (m) => sent.push(m),
		onmessage: null,
		terminate: () => {}
	};
	const answer = (id: number, result: unknown) => {
		const req = sent.find((r) => r.id === id)!;
		port.onmessage!({ data: { type: req.type, id, ok: true, result } as EngineReply });
	};
	return { port, sent, answer };
}

const settle = <T>(p: Promise<T>) =>
	p.then(
		(value) => ({ value }),
		(error: unknown) => ({ error })
	);

it('matches replies to calls by id, whatever the order', async () => {
	const { port, sent, answer } = fakePort();
	const client = new EngineClient(port);
	const a = client.completions('s3:', undefined, {});
	const b = client.completions('ec2:', undefined, {});
	answer(sent[1].id, ['ec2:RunInstances']);
	answer(sent[0].id, ['s3:GetObject']);
	expect(await a).toEqual(['s3:GetObject']);
	expect(await b).toEqual(['ec2:RunInstances']);
});

it('turns an error reply into an EngineCallError with its code', async () => {
	const { port, sent } = fakePort();
	const client = new EngineClient(port);
	const p = settle(client.whoCan({ action: 's3:GetObject', resource: '*' }));
	port.onmessage!({
		data: {
			type: 'whoCan',
			id: sent[0].id,
			ok: false,
			error: { code: 'engine.no-snapshot', message: 'No snapshot' }
		}
	});
	const { error } = (await p) as { error: EngineCallError };
	expect(error).toBeInstanceOf(EngineCallError);
	expect(error.code).toBe('engine.no-snapshot');
});

it('lets the latest interactive call win: waiting ones are dropped, the stale in-flight one is cancelled', async () => {
	const { port, sent, answer } = fakePort();
	const client = new EngineClient(port);
	const first = settle(client.completions('s'));
	const second = settle(client.completions('s3'));
	const third = settle(client.completions('s3:'));
	expect(sent.map((r) => (r as { prefix: string }).prefix)).toEqual(['s']);
	answer(sent[0].id, ['s3:']);
	expect(sent.map((r) => (r as { prefix: string }).prefix)).toEqual(['s', 's3:']);
	answer(sent[1].id, ['s3:GetObject']);
	const [r1, r2, r3] = await Promise.all([first, second, third]);
	expect(isCancelled((r1 as { error: unknown }).error)).toBe(true);
	expect(isCancelled((r2 as { error: unknown }).error)).toBe(true);
	expect(r3).toEqual({ value: ['s3:GetObject'] });
});

it('keeps channels independent', async () => {
	const { port, sent, answer } = fakePort();
	const client = new EngineClient(port);
	const a = client.evaluate({ principal: 'p', action: 'a:b', resource: '*' }, { channel: 'trace' });
	const b = client.whoCan({ action: 'a:b', resource: '*' }, { channel: 'who' });
	expect(sent).toHaveLength(2);
	answer(sent[1].id, { rows: [], counts: {}, ms: 0 });
	answer(sent[0].id, { decision: 'allowed' });
	expect(await a).toEqual({ decision: 'allowed' });
	expect(await b).toMatchObject({ rows: [] });
});

it('rejects pending and later calls with EngineStoppedError once disposed', async () => {
	const { port, sent } = fakePort();
	const client = new EngineClient(port);
	const pending = settle(client.loadStored('snap-1'));
	client.dispose();
	const later = settle(client.evaluate({ principal: 'p', action: 's3:GetObject', resource: '*' }));
	const [a, b] = (await Promise.all([pending, later])) as Array<{ error: unknown }>;
	expect(isStopped(a.error) && isCancelled(a.error)).toBe(true);
	expect(isStopped(b.error)).toBe(true);
	expect(sent.map((r) => r.type)).toEqual(['loadStored']);
});

it('hands progress events of a long call to its onProgress, then resolves with the reply', async () => {
	const { port, sent, answer } = fakePort();
	const client = new EngineClient(port);
	const seen: number[][] = [];
	const org = client.organization({ onProgress: (d, t) => seen.push([d, t]) });
	const id = sent[0].id;
	port.onmessage!({ data: { type: 'progress', id, done: 1, total: 4 } });
	port.onmessage!({ data: { type: 'progress', id, done: 4, total: 4 } });
	answer(id, { accounts: [], counts: { admin: 0, escalates: 0, conditional: 0, none: 0 }, ms: 1 });
	expect((await org).ms).toBe(1);
	expect(seen).toEqual([
		[1, 4],
		[4, 4]
	]);
	expect(sent[0].type).toBe('organization');
});

it('lets the latest access question win on its channel', async () => {
	const { port, sent, answer } = fakePort();
	const client = new EngineClient(port);
	const a = settle(client.access('arn:aws:iam::111111111111:user/a'));
	const b = client.access('arn:aws:iam::111111111111:user/b');
	answer(sent[0].id, { principal: 'a' });
	answer(sent[1].id, { principal: 'b' });
	expect(isCancelled(((await a) as { error: unknown }).error)).toBe(true);
	expect(await b).toEqual({ principal: 'b' });
});
