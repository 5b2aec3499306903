/** What every shape reader gets: the file, where to put errors, and small decoding helpers. */
import type { AtlasError } from '../../model/result';
import type { PolicyDocument } from '../../model/policy-document';
import type { Tags } from '../../model/snapshot';
import { importError } from '../errors';
import { toIsoDate } from '../decode/dates';
import { readPolicy } from '../validate';

/** The reading context of one file. */
export class ReadContext {
	constructor(
		readonly file: string,
		readonly shape: string,
		readonly errors: AtlasError[],
		readonly warnings: AtlasError[]
	) {}

	/** Record an error at a pointer. */
	error(problem: string, message: string, pointer?: string): void {
		this.errors.push(importError(this.shape, problem, message, { file: this.file, pointer }));
	}

	/** Record a warning at a pointer. */
	warn(problem: string, message: string, pointer?: string): void {
		this.warnings.push(importError(this.shape, problem, message, { file: this.file, pointer }));
	}

	/** An AWS date → ISO UTC, null when absent; an error when present but unreadable. */
	date(value: unknown, pointer: string): string | null {
		if (value === undefined || value === null) return null;
		// A number is seconds since 1970: the wire format AWS CLI v1 (and v2 with
		// cli_timestamp_format = wire) prints for JSON-protocol services such as Organizations.
		const iso =
			typeof value === 'string'
				? toIsoDate(value)
				: typeof value === 'number' && Number.isFinite(value)
					? new Date(Math.round(value * 1000)).toISOString()
					: undefined;
		if (iso === undefined)
			this.error('bad-date', `"${String(value)}" is not a date in a recognised format.`, pointer);
		return iso ?? null;
	}

	/** A policy document (object, JSON string or URL-encoded string), checked; null on error. */
	policy(raw: unknown, pointer: string): PolicyDocument | null {
		return readPolicy(raw, this.shape, this.file, pointer, this.errors);
	}
}

/**
 * `[{Key, Value}]` → `{key: value}`. Every key becomes an own data property, `__proto__` included
 * (plain assignment would set the prototype and drop the tag) — the same object JSON.parse
 * builds when the snapshot file is read back.
 */
export function tagsOf(list: unknown): Tags {
	const tags: Tags = {};
	if (Array.isArray(list))
		for (const t of list as { Key: string; Value?: string }[])
			Object.defineProperty(tags, t.Key, {
				value: t.Value ?? '',
				enumerable: true,
				writable: true,
				configurable: true
			});
	return tags;
}
