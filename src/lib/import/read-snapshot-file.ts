/**
 * A native snapshot file among the inputs: handed to the snapshot-file module (owned by the
 * store engineer), which migrates and validates it. The importer only recognises it.
 */
import type { AtlasError } from '../model/result';
import type { ImportOutcome } from './import-files';
import { snapshotFromJson } from './snapshot-file';

/** An already-parsed native snapshot file → an import outcome (renamed when a name is given). */
export function readSnapshotFile(
	json: unknown,
	file: string,
	name: string | undefined,
	warnings: AtlasError[]
): ImportOutcome {
	const result = snapshotFromJson(json, file);
	if (!result.ok) return { ok: false, errors: [result.error] };
	const snapshot =
		name === undefined ? result.value : { ...result.value, meta: { ...result.value.meta, name } };
	return { ok: true, snapshot, warnings };
}
