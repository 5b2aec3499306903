/**
 * The import core: AWS CLI outputs (a collection folder, .zip files, loose files) or a native
 * snapshot file → one Snapshot. Pure and synchronous; never throws on bad input. Every file is
 * validated against the JSON Schema of its shape before it is read, and the import fails as a
 * whole, listing every error, when any file is bad (no partial snapshot). Storage, workers and
 * reading from disk are left to the callers (store, state, CLI).
 */
import type { AtlasError } from '../model/result';
import type { Snapshot, SourceFile } from '../model/snapshot';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from '../model/snapshot';
import { importError } from './errors';
import { classify, type ShapedFile } from './classify';
import { expandZip, expansionBudget, isZip } from './input/expand-zip';
import { DEFAULT_MAX_FILE_BYTES, tooLargeError } from './input/read-json';
import { buildSnapshotParts } from './build/build-snapshot';
import { readSnapshotFile } from './read-snapshot-file';
import { defaultSnapshotName } from './default-name';
import { nothingToImportMessage } from './skipped-summary';

/** One input file: its path relative to the collection root ('/' separators) and its bytes. */
export interface InputFile {
	path: string;
	bytes: Uint8Array;
}

/** Options of an import. */
export interface ImportOptions {
	/** The snapshot's name (default: derived from the input). */
	name?: string;
	/** The import time (ISO UTC); default: now. */
	now?: string;
	/** Called after each file is read. */
	onProgress?: (p: { done: number; total: number; file: string }) => void;
	/** Files (and zip entries) larger than this are refused before parsing; default 512 MiB. */
	maxFileBytes?: number;
}

/** A snapshot with the warnings met on the way, or every error found. */
export type ImportOutcome =
	{ ok: true; snapshot: Snapshot; warnings: AtlasError[] } | { ok: false; errors: AtlasError[] };

/** The tool string recorded in snapshot metadata. */
export const TOOL = 'iam-atlas 0.1.0';

/** Import files into one snapshot. */
export function importFiles(files: InputFile[], options: ImportOptions = {}): ImportOutcome {
	const errors: AtlasError[] = [];
	const warnings: AtlasError[] = [];
	const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
	const expanded: InputFile[] = [];
	// One budget for every archive of this import, zips inside zips included.
	const budget = expansionBudget(maxBytes);
	for (const f of files) {
		if (f.bytes.length > maxBytes) errors.push(tooLargeError(f.path, f.bytes.length, maxBytes));
		else if (isZip(f)) expanded.push(...expandZip(f, maxBytes, errors, budget));
		else expanded.push(f);
	}
	// Past the budget the import is refused: reading what was expanded would only add noise.
	if (budget.exhausted) return { ok: false, errors };
	const shaped: ShapedFile[] = [];
	const snapshots: { file: string; value: unknown }[] = [];
	const sources: SourceFile[] = [];
	for (let i = 0; i < expanded.length; i++) {
		const f = expanded[i];
		const c = classify(f.path, f.bytes, maxBytes);
		if (c.kind === 'error') errors.push(c.error);
		else if (c.kind === 'skip') {
			if (c.warning) warnings.push(c.warning);
		} else if (c.kind === 'snapshot') snapshots.push(c);
		else {
			shaped.push(c);
			sources.push({ path: c.file, kind: c.shape.kind });
		}
		options.onProgress?.({ done: i + 1, total: expanded.length, file: f.path });
	}
	if (snapshots.length > 0) {
		if (snapshots.length > 1 || shaped.length > 0)
			errors.push(
				importError(
					'snapshot',
					'mixed',
					'A native snapshot file must be imported on its own, not together with other files.',
					{ file: snapshots[0].file }
				)
			);
		if (errors.length > 0) return { ok: false, errors };
		return readSnapshotFile(snapshots[0].value, snapshots[0].file, options.name, warnings);
	}
	if (errors.length > 0) return { ok: false, errors };
	if (shaped.length === 0)
		return {
			ok: false,
			errors: [
				importError(
					'file',
					'nothing-to-import',
					nothingToImportMessage(files.length, expanded.length, warnings),
					{ file: files[0]?.path ?? '' }
				)
			]
		};
	const parts = buildSnapshotParts(shaped, errors, warnings);
	if (errors.length > 0) return { ok: false, errors };
	const snapshot: Snapshot = {
		format: SNAPSHOT_FORMAT,
		version: SNAPSHOT_VERSION,
		meta: {
			name:
				options.name ??
				defaultSnapshotName(
					files.map((f) => f.path),
					parts
				),
			capturedAt: parts.capturedAt,
			importedAt: options.now ?? new Date().toISOString(),
			sources,
			tool: TOOL,
			...(parts.collection ? { collection: parts.collection } : {})
		},
		organization: parts.organization,
		accounts: parts.accounts,
		notes: [],
		views: []
	};
	if (isEmpty(snapshot))
		warnings.push(
			importError(
				'snapshot',
				'empty',
				'This import holds no users, groups, roles, policies or resources and no organization (e.g. a GAAD whose lists are all empty): the snapshot would show nothing.',
				{ file: sources[0]?.path ?? files[0]?.path ?? '' }
			)
		);
	return { ok: true, snapshot, warnings };
}

/** True when a snapshot holds no entity at all (the CLI refuses to write it unless told). */
export const isEmpty = (s: Snapshot): boolean =>
	s.organization === null &&
	s.accounts.every(
		(a) =>
			a.users.length + a.groups.length + a.roles.length + a.policies.length + a.resources.length ===
				0 && Object.values(a.evidence).every((part) => part === null)
	);
