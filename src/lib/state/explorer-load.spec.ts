import { describe, expect, it } from 'vitest';
import { readDemoFilesFromDisk } from '../demo/demo-files-node';
import { importFiles } from '../import/import-files';
import { EngineClient, type EnginePort } from '../workers/engine-client';
import type { EngineReply, EngineRequest } from '../workers/engine-protocol';
import { ExplorerState } from './explorer.svelte';

const outcome = importFiles(readDemoFilesFromDisk(), { now: '2026-01-01T00:00:00Z' });
const demo = outcome.ok ? outcome.snapshot : (null as never);

/** A real EngineClient over a port that records requests; the test answers them. */
function client() {
	const sent: EngineRequest[] = [];
	const port: EnginePort = {
		postMessage: (m) => sent.push(m),
		onmessage: null,
		terminate: () => {}
	};
	const reply = (data: EngineReply) => port.onmessage!({ data });
	return { engine: new EngineClient(port), sent, reply };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('ExplorerState loading the engine', () => {
	it('asks the worker to read a stored snapshot by id instead of posting it', () => {
		const { engine, sent } = client();
		void new ExplorerState(demo, engine, 'snap-1').loadEngine();
		expect(sent.map((r) => [r.type, 'snapshotId' in r ? r.snapshotId : null])).toEqual([
			['loadStored', 'snap-1']
		]);
	});

	it('posts the snapshot when it has no id', () => {
		const { engine, sent } = client();
		void new ExplorerState(demo, engine).loadEngine();
		expect(sent.map((r) => r.type)).toEqual(['load']);
	});

	it('ignores a load stopped because the explorer unmounted (no unhandled rejection, no error shown)', async () => {
		const { engine } = client();
		const x = new ExplorerState(demo, engine, 'snap-1');
		void x.loadEngine();
		engine.dispose();
		await tick();
		expect(x.engineError).toBeNull();
	});

	it('shows a real load failure', async () => {
		const { engine, sent, reply } = client();
		const x = new ExplorerState(demo, engine, 'gone');
		void x.loadEngine();
		reply({
			type: 'loadStored',
			id: sent[0].id,
			ok: false,
			error: { code: 'store.not-found', message: 'No snapshot "gone" in this browser.' }
		});
		await tick();
		expect(x.engineError).toBe('No snapshot "gone" in this browser.');
	});
});
