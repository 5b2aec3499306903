/**
 * A native snapshot file among the inputs: handed to the snapshot-file module (owned by the
 * store engineer), which validates and migrates it.
 */
import type { AtlasError } from '../model/result';
import type { ImportOutcome } from './import-files';
import { importError } from './errors';

/** Parse a native snapshot file's text into an import outcome. */
export function readSnapshotFile(_text: string, file: string, _name: string | undefined, _warnings: AtlasError[]): ImportOutcome {
	return {
		ok: false,
		errors: [importError('snapshot', 'unsupported', 'Native snapshot files cannot be imported yet (the snapshot-file reader is not available).', { file })]
	};
}
