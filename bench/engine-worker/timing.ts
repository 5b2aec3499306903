/** Timing helpers shared by the browser bench harnesses (engine-worker, access-worker). */
import type { EngineClient } from '../../src/lib/workers/engine-client';

/** Resolve after `ms`. */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The value of an async call and its wall time in the page, in ms. */
export async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
	const t = performance.now();
	const value = await f();
	return [value, performance.now() - t];
}

/** Wait until the worker's background warm-up has compiled every principal; returns the wait in ms. */
export async function waitWarm(client: EngineClient): Promise<number> {
	const t = performance.now();
	for (;;) {
		const s = await client.status();
		if (s.warmed >= s.principals) return performance.now() - t;
		await sleep(50);
	}
}
