import { describe, expect, it, vi } from 'vitest';
import { createEvaluator } from '../engine/evaluate';
import { readDemoFilesFromDisk } from '../demo/demo-files-node';
import { importFiles } from '../import/import-files';
import type { Snapshot } from '../model/snapshot';
import type { WhoCanParams, WhoCanResult } from '../workers/engine-protocol';
import { EngineCancelledError } from '../workers/engine-client';
import paths from '../demo/designed-paths.json';
import { ExplorerState } from './explorer.svelte';
import type { ExplorerEngine } from './explorer-engine';
import { WhoCanState, type WhoCanQuery } from './who-can.svelte';

const outcome = importFiles(readDemoFilesFromDisk(), { now: '2026-01-01T00:00:00Z' });
const demo = outcome.ok ? outcome.snapshot : (null as never);

/** The engine called directly (no worker), whoCan included, recording each who-can question. */
function directEngine(snapshot: Snapshot, asked: WhoCanParams[] = []): ExplorerEngine {
	const ev = createEvaluator(snapshot);
	return {
		load: async () => undefined,
		evaluate: async (req) => ev.evaluate(req),
		actionsForResource: async () => ({
			resourceType: null,
			levels: { List: [], Read: [], Write: [], 'Permissions management': [], Tagging: [] },
			ms: 0
		}),
		completions: async () => [],
		lintPolicy: async () => [],
		whoCan: async (p) => {
			asked.push(p);
			const rows = ev.whoCan(p.action, p.resource, p.context);
			const counts = { allowed: 0, explicitDeny: 0, implicitDeny: 0 };
			for (const r of rows) counts[r.decision]++;
			return { rows, counts, ms: 1 };
		}
	};
}

const answer = (principal: string): WhoCanResult => ({
	rows: [{ principal, decision: 'allowed' }],
	counts: { allowed: 1, explicitDeny: 0, implicitDeny: 0 },
	ms: 0
});

function deferred<T>() {
	let resolve!: (v: T) => void;
	let reject!: (e: unknown) => void;
	const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
	return { promise, resolve, reject };
}

describe('WhoCanState', () => {
	it('asks nothing until opened, and nothing without both a resource and an action', async () => {
		const calls: WhoCanParams[] = [];
		const query: WhoCanQuery = { resource: 'arn:aws:s3:::b/k', action: null, context: {} };
		const s = new WhoCanState(
			async (p) => (calls.push(p), answer('arn:aws:iam::1:user/a')),
			() => query
		);
		await s.refresh();
		expect(calls).toEqual([]);
		await s.setOpen(true);
		expect([calls.length, s.askable, s.result]).toEqual([0, false, null]);
		query.action = 's3:GetObject';
		await s.refresh();
		expect(calls).toEqual([{ action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: {} }]);
		expect(s.summary?.counts.allowed).toBe(1);
		expect(s.answered).toEqual({ resource: 'arn:aws:s3:::b/k', action: 's3:GetObject' });
	});

	it('lets the latest question win when the action changes while an answer is on its way', async () => {
		const query: WhoCanQuery = {
			resource: 'arn:aws:s3:::b/k',
			action: 's3:GetObject',
			context: {}
		};
		const pending = [deferred<WhoCanResult>(), deferred<WhoCanResult>()];
		let n = 0;
		const s = new WhoCanState(
			() => pending[n++].promise,
			() => query
		);
		const first = s.setOpen(true);
		query.action = 's3:PutObject';
		const second = s.refresh();
		pending[1].resolve(answer('arn:aws:iam::1:user/second'));
		await second;
		pending[0].resolve(answer('arn:aws:iam::1:user/first'));
		await first;
		expect(s.result?.rows[0].principal).toBe('arn:aws:iam::1:user/second');
		expect(s.answered?.action).toBe('s3:PutObject');
		expect(s.busy).toBe(false);
	});

	it('ignores a cancelled call and shows any other failure', async () => {
		const query: WhoCanQuery = { resource: 'r', action: 'a:b', context: {} };
		let fail: unknown = new EngineCancelledError('superseded');
		const s = new WhoCanState(
			async () => Promise.reject(fail),
			() => query
		);
		await s.setOpen(true);
		expect(s.error).toBeNull();
		fail = new Error('engine.no-snapshot');
		await s.refresh();
		expect(s.error).toBe('engine.no-snapshot');
		expect(new WhoCanState(undefined, () => query).askable).toBe(true);
		const none = new WhoCanState(undefined, () => query);
		await none.setOpen(true);
		expect(none.error).toMatch(/cannot answer/);
	});
});

describe('who-can in the explorer (demo bank)', () => {
	const path = paths.find((p) => p.id.startsWith('a-'))!;

	it('follows the traced resource and action, groups by account name, and a click makes the principal traced', async () => {
		const asked: WhoCanParams[] = [];
		const x = new ExplorerState(demo, directEngine(demo, asked));
		const context = path.request.context as unknown as Record<string, string>;
		x.trace.setContext(context);
		x.trace.setResource(path.request.resource);
		x.trace.setAction(path.request.action);
		expect(asked).toEqual([]);
		await x.whoCan.setOpen(true);
		expect(asked.at(-1)).toMatchObject({
			action: path.request.action,
			resource: path.request.resource
		});
		const summary = x.whoCan.summary!;
		expect(summary.total).toBe(createEvaluator(demo).principals().length);
		const allowed = summary.allowed.flatMap((g) => g.principals.map((p) => p.arn));
		expect(allowed).toContain(path.request.principal);
		const group = summary.allowed.find((g) =>
			g.principals.some((p) => p.arn === path.request.principal)
		)!;
		expect(group.accountName).toBe(demo.accounts.find((a) => a.id === group.accountId)!.name);

		// with no context typed, who-can asks with the same defaults as the trace (region, TLS…)
		x.trace.setContext({});
		await Promise.resolve();
		expect(asked.at(-1)?.context).toEqual(x.trace.context);
		expect(asked.at(-1)?.context?.['aws:RequestedRegion']).toBe('eu-west-1');
		await vi.waitFor(() =>
			expect(x.whoCan.summary!.allowed.flatMap((g) => g.principals.map((p) => p.arn))).toContain(
				path.request.principal
			)
		);
		// a key the user sets overrides its default: without TLS the principal drops out
		x.trace.setContext({ 'aws:SecureTransport': false });
		await vi.waitFor(() =>
			expect(
				x.whoCan.summary!.allowed.flatMap((g) => g.principals.map((p) => p.arn))
			).not.toContain(path.request.principal)
		);

		x.trace.setContext(context);
		x.usePrincipal(path.request.principal);
		await x.trace.refresh(false);
		expect(x.trace.principal).toBe(path.request.principal);
		expect(x.trace.result?.decision).toBe(path.expected);
	});
});
