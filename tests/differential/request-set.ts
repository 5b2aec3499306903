/**
 * The differential request set: `worlds` generated organizations with `perWorld` requests each,
 * all from fixed seeds. Shared by the differential run and bench/engine.js.
 */
import { indexSnapshot, type SnapshotIndex } from '../../src/lib/model/snapshot-index';
import { Random } from './random';
import { generateRequests, type GeneratedRequest } from './request-generator';
import { generateWorld, type GeneratedWorld } from './world-generator';

/** One world with its index and requests. */
export interface WorldRequests {
	world: GeneratedWorld;
	index: SnapshotIndex;
	requests: GeneratedRequest[];
}

/** Build the request set deterministically. */
export function buildRequestSet(worlds: number, perWorld: number, firstSeed = 1): WorldRequests[] {
	return Array.from({ length: worlds }, (_, i) => {
		const seed = firstSeed + i;
		const world = generateWorld(seed);
		return {
			world,
			index: indexSnapshot(world.snapshot),
			requests: generateRequests(new Random(seed * 7919 + 17), world, perWorld)
		};
	});
}
