import { describe, expect, it } from 'vitest';
import { SnapshotStore } from '../store/snapshot-store';
import { sequentialIds, testDb } from '../store/test-db';
import { ImportClient, type ImportProgress, type WorkerLike } from './import-client';
import type { ImportReply, ImportRequest } from './import-protocol';
import { runImport } from './import-session';

const gaad = {
	UserDetailList: [
		{
			Path: '/',
			UserName: 'alice',
			UserId: 'AIDAALICE',
			Arn: 'arn:aws:iam::111111111111:user/alice',
			CreateDate: '2026-01-01T00:00:00Z',
			GroupList: [],
			AttachedManagedPolicies: []
		}
	],
	GroupDetailList: [],
	RoleDetailList: [],
	Policies: []
};
const bytes = (text: string) => new TextEncoder().encode(text);

/** A fake Worker running the real worker session in-process, replying asynchronously like postMessage. */
function inProcessWorker(store: SnapshotStore, log: ImportRequest[] = []): () => WorkerLike {
	return () => {
		const worker: WorkerLike = {
			onmessage: null,
			onerror: null,
			terminate: () => {},
			postMessage(message: ImportRequest) {
				log.push(message);
				setTimeout(() =>
					runImport(message, store, (reply: ImportReply) =>
						setTimeout(() => worker.onmessage?.({ data: reply } as MessageEvent<ImportReply>))
					)
				);
			}
		};
		return worker;
	};
}

describe('ImportClient + import session', () => {
	it('imports, saves inside the "worker" and resolves with the stored record', async () => {
		const store = new SnapshotStore(testDb(), sequentialIds());
		const client = new ImportClient(inProcessWorker(store));
		const progress: ImportProgress[] = [];
		const r = await client.import(
			[
				{
					path: '111111111111/iam-get-account-authorization-details.json',
					bytes: bytes(JSON.stringify(gaad))
				}
			],
			{
				name: 'one user',
				onProgress: (p) => progress.push(p)
			}
		);
		expect(r).toMatchObject({
			ok: true,
			snapshotId: 'snap-1',
			record: { name: 'one user', counts: { accounts: 1, users: 1 } }
		});
		expect(progress.map((p) => p.phase)).toEqual(['read', 'save']);
		const stored = await store.get('snap-1');
		expect(stored.ok && stored.value.accounts[0].users[0].name).toBe('alice');
	});

	it('resolves a bad import as failed, listing the errors, and stores nothing', async () => {
		const store = new SnapshotStore(testDb(), sequentialIds());
		const client = new ImportClient(inProcessWorker(store));
		const r = await client.import([{ path: 'broken.json', bytes: bytes('{"UserDetailList": [') }]);
		expect(r.ok).toBe(false);
		expect(!r.ok && r.errors[0].where?.file).toBe('broken.json');
		expect(await store.list()).toEqual([]);
	});

	it('matches concurrent replies to their requests', async () => {
		const store = new SnapshotStore(testDb(), sequentialIds());
		const client = new ImportClient(inProcessWorker(store));
		const [bad, good] = await Promise.all([
			client.import([{ path: 'broken.json', bytes: bytes('nope') }]),
			client.import([{ path: 'gaad.json', bytes: bytes(JSON.stringify(gaad)) }], { name: 'good' })
		]);
		expect([bad.ok, good.ok]).toEqual([false, true]);
		expect(good.ok && good.record.name).toBe('good');
	});

	it('transfers each distinct buffer once', async () => {
		const log: ImportRequest[] = [];
		let transferred: Transferable[] = [];
		const store = new SnapshotStore(testDb(), sequentialIds());
		const make = inProcessWorker(store, log);
		const client = new ImportClient(() => {
			const w = make();
			const post = w.postMessage.bind(w);
			w.postMessage = (m, t) => ((transferred = t), post(m, t));
			return w;
		});
		const shared = bytes(JSON.stringify(gaad) + JSON.stringify(gaad));
		const half = shared.length / 2;
		await client.import([
			{ path: 'a/gaad.json', bytes: shared.subarray(0, half) },
			{ path: 'b/gaad.json', bytes: shared.subarray(half) }
		]);
		expect(transferred).toEqual([shared.buffer]);
		expect(log[0].type).toBe('start');
	});

	it('resolves pending imports as failed when the worker crashes', async () => {
		let worker: WorkerLike | undefined;
		const client = new ImportClient(
			() =>
				(worker = { onmessage: null, onerror: null, terminate: () => {}, postMessage: () => {} })
		);
		const pending = client.import([{ path: 'x.json', bytes: bytes('{}') }]);
		worker!.onerror!({ message: 'out of memory', preventDefault: () => {} } as ErrorEvent);
		expect(await pending).toEqual({
			ok: false,
			errors: [
				{
					code: 'import.worker-failed',
					message: expect.stringMatching(/out of memory.*Nothing was stored/)
				}
			]
		});
	});
});
