/** A compact evaluator-case world written as a snapshot file in a fresh temporary folder, for command tests. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { worldToSnapshot, type World } from '../../lib/engine/testing/world';
import { serializeSnapshot } from '../../lib/import/snapshot-file';

/** Write the world's snapshot; returns the folder and the file's path. */
export function writeWorldSnapshot(prefix: string, world: World): { dir: string; path: string } {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	const path = join(dir, 'snap.json');
	writeFileSync(path, serializeSnapshot(worldToSnapshot(world)));
	return { dir, path };
}
