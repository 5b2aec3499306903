/**
 * Snapshot format versions: a registry of migrations, each lifting a parsed document from one
 * version to the next, applied in a chain up to the version this code writes (one module per
 * step in ./migrations). To add version N+1: write static/schema/snapshot-v<N+1>.json, point
 * scripts/build-schemas.js and parse-snapshot-file.ts at it, add a migration `{ from: N, up }`
 * below, and bump SNAPSHOT_VERSION.
 */
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from '../../model/snapshot';
import type { Result } from '../../model/result';
import { importError } from '../errors';
import { v1ToV2 } from './migrations/v1-to-v2';

/** A parsed snapshot document of some version (not yet validated). */
export type SnapshotDocument = Record<string, unknown> & { format: string; version: number };

/** Lifts a document from version `from` to `from + 1`. `up` may throw on a malformed document. */
export interface Migration {
	from: number;
	up(doc: SnapshotDocument): SnapshotDocument;
}

/** Which versions exist and how to climb between them. */
export interface MigrationRegistry {
	/** The version this code writes and validates. */
	current: number;
	migrations: readonly Migration[];
}

/** The shipped registry: every step from version 1 to the current one. */
export const SNAPSHOT_MIGRATIONS: MigrationRegistry = {
	current: SNAPSHOT_VERSION,
	migrations: [v1ToV2]
};

/** True when a parsed JSON value carries the native snapshot marker (any version). */
export function looksLikeSnapshot(json: unknown): boolean {
	return (
		json !== null &&
		typeof json === 'object' &&
		!Array.isArray(json) &&
		(json as { format?: unknown }).format === SNAPSHOT_FORMAT
	);
}

/**
 * Bring a parsed snapshot document of any known version up to `registry.current`.
 * Future versions, unknown versions and failing migrations come back as errors naming `file`.
 */
export function migrate(
	json: unknown,
	file: string,
	registry: MigrationRegistry = SNAPSHOT_MIGRATIONS
): Result<SnapshotDocument> {
	const fail = (problem: string, message: string, pointer = ''): Result<never> => ({
		ok: false,
		error: importError('snapshot', problem, message, { file, pointer })
	});
	if (!looksLikeSnapshot(json))
		return fail(
			'not-a-snapshot',
			`This is not an IAM Atlas snapshot: "format" should be "${SNAPSHOT_FORMAT}".`,
			'/format'
		);
	const version = (json as { version?: unknown }).version;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
		return fail(
			'invalid-version',
			`"version" should be a whole number (this IAM Atlas writes version ${registry.current}), but it is ${JSON.stringify(version) ?? 'missing'}.`,
			'/version'
		);
	if (version > registry.current)
		return fail(
			'unsupported-version',
			`This snapshot uses format version ${version}, written by a newer IAM Atlas; this one reads versions up to ${registry.current}. Update IAM Atlas to open it.`,
			'/version'
		);
	let doc = json as SnapshotDocument;
	while (doc.version < registry.current) {
		const from = doc.version;
		const step = registry.migrations.find((m) => m.from === from);
		if (!step)
			return fail(
				'unknown-version',
				`Snapshot format version ${from} is not one IAM Atlas knows how to read.`,
				'/version'
			);
		try {
			doc = { ...step.up(doc), version: from + 1 };
		} catch (e) {
			return fail(
				'migration-failed',
				`Upgrading this snapshot from format version ${from} to ${from + 1} failed: ${(e as Error).message}`
			);
		}
	}
	return { ok: true, value: doc };
}
