/**
 * The text of a native snapshot file → a Snapshot: JSON syntax (errors with line and column),
 * then the format marker and version (older versions migrated, newer ones refused), then the
 * published schema (static/schema/snapshot-v2.json) through its standalone ajv validator.
 * Past this boundary the snapshot is trusted.
 */
import type { Snapshot } from '../../model/snapshot';
import type { Result } from '../../model/result';
import { importError } from '../errors';
import { jsonErrorOffset } from '../input/json-error-offset';
import { lineColumn } from '../input/read-json';
import { explainAjvErrors } from '../ajv-wording';
import { migrate, SNAPSHOT_MIGRATIONS, type MigrationRegistry } from './migrate';
import validateCurrent from './generated/snapshot-v2.validate.js';

/** Checks a document against the current version's schema (injectable for the migration tests). */
export type SnapshotValidator = ((data: unknown) => boolean) & {
	errors?:
		| readonly {
				instancePath: string;
				keyword: string;
				params: Record<string, unknown>;
				message?: string;
		  }[]
		| null;
};

/** An already-parsed JSON value → a Snapshot (migrated and validated). */
export function snapshotFromJson(
	json: unknown,
	file: string,
	registry: MigrationRegistry = SNAPSHOT_MIGRATIONS,
	validate: SnapshotValidator = validateCurrent
): Result<Snapshot> {
	const migrated = migrate(json, file, registry);
	if (!migrated.ok) return migrated;
	if (!validate(migrated.value)) {
		const { pointer, message } = explainAjvErrors(validate.errors ?? [], migrated.value);
		return { ok: false, error: importError('snapshot', 'invalid', message, { file, pointer }) };
	}
	return { ok: true, value: migrated.value as unknown as Snapshot };
}

/** The text of a native snapshot file → a Snapshot, or the first problem with its place. */
export function parseSnapshotFile(text: string, fileName: string): Result<Snapshot> {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (body.trim() === '')
		return {
			ok: false,
			error: importError('snapshot', 'empty', 'This file is empty; expected a JSON snapshot.', {
				file: fileName
			})
		};
	let json: unknown;
	try {
		json = JSON.parse(body);
	} catch {
		const offset = jsonErrorOffset(body);
		const truncated = offset >= body.trimEnd().length;
		const { line, column } = lineColumn(body, Math.min(offset, body.trimEnd().length));
		const message = truncated
			? 'The JSON stops before the document is complete: the file looks truncated.'
			: `This is not valid JSON (unexpected character near "${body.slice(offset, offset + 24).split('\n')[0]}").`;
		return {
			ok: false,
			error: importError('snapshot', truncated ? 'truncated-json' : 'invalid-json', message, {
				file: fileName,
				line,
				column
			})
		};
	}
	return snapshotFromJson(json, fileName);
}
