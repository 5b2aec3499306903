/**
 * Expands .zip inputs into the files they hold. Entry paths are made relative to the archive
 * (prefixed by the archive's own path); entries with absolute paths or `..` that would escape
 * the archive are refused, as are entries over the per-file limit, before they are inflated.
 * One expansion budget serves the whole import — every archive, zips inside zips, every entry —
 * and it is checked while inflating (fflate's streaming Inflate, fed a slice at a time), so a
 * bomb stops at the budget instead of being inflated and then refused. Two entries with the same
 * path and different bytes are a conflict (the same bytes twice are read once, as with files
 * given twice). OS junk (__MACOSX/, .DS_Store) is dropped silently.
 */
import { Inflate, inflateSync } from 'fflate';
import type { AtlasError } from '../../model/result';
import { importError } from '../errors';
import { isOsJunk } from '../collection-path';
import { formatBytes, tooLargeError } from './read-json';
import { entryData, readZipDirectory, type ZipEntry } from './zip-directory';

/** A file of an import (see import-files.ts). */
export interface RawFile {
	path: string;
	bytes: Uint8Array;
}

/** How many bytes one import may expand out of archives, and how many it has so far. */
export interface ExpansionBudget {
	limit: number;
	used: number;
	/** Set once the limit is met: nothing more is inflated. */
	exhausted: boolean;
}

/** The budget of one import: four times the per-file limit (2 GiB by default). */
export const expansionBudget = (maxFileBytes: number): ExpansionBudget => ({
	limit: maxFileBytes * 4,
	used: 0,
	exhausted: false
});

/** Compressed bytes fed to the inflater at a time: one slice expands to at most ~4 MiB (deflate tops out near 1032:1). */
const SLICE = 4 * 1024;

/** Deflate expands at most ~1032:1; sizes claimed beyond what the data can give are not reserved. */
const MAX_RATIO = 1040;

/** True when the bytes start like a zip archive, or the name says it is one. */
export const isZip = (file: RawFile): boolean =>
	/\.zip$/i.test(file.path) ||
	(file.bytes.length >= 4 &&
		file.bytes[0] === 0x50 &&
		file.bytes[1] === 0x4b &&
		(file.bytes[2] === 3 || file.bytes[2] === 5));

/** A zip entry's name as a safe relative path, or null when it is absolute or escapes. */
export function safeEntryPath(name: string): string | null {
	const unified = name.replace(/\\/g, '/');
	if (unified.startsWith('/') || /^[a-zA-Z]:/.test(unified)) return null;
	const out: string[] = [];
	for (const s of unified.split('/')) {
		if (s === '' || s === '.') continue;
		if (s === '..') {
			if (out.length === 0) return null;
			out.pop();
		} else out.push(s);
	}
	return out.join('/');
}

const sameBytes = (a: Uint8Array, b: Uint8Array) =>
	a.length === b.length && a.every((x, i) => x === b[i]);

/** The files inside a zip; problems go to `errors`. Nested zips are expanded too (one level). */
export function expandZip(
	zip: RawFile,
	maxBytes: number,
	errors: AtlasError[],
	budget: ExpansionBudget = expansionBudget(maxBytes),
	depth = 0
): RawFile[] {
	const file = zip.path;
	let entries: ZipEntry[];
	try {
		entries = readZipDirectory(zip.bytes);
	} catch (e) {
		errors.push(invalid(file, (e as Error).message));
		return [];
	}
	const byPath = new Map<string, RawFile>();
	const seen = new Map<string, ZipEntry>();
	for (const entry of entries) {
		if (entry.name.endsWith('/') || isOsJunk(entry.name)) continue;
		const safe = safeEntryPath(entry.name);
		if (safe === null) {
			errors.push(
				importError(
					'zip',
					'unsafe-path',
					`The archive entry "${entry.name}" points outside the archive (absolute path or ".."); the archive was refused.`,
					{ file }
				)
			);
			continue;
		}
		const path = `${file}/${safe}`;
		if (entry.size > maxBytes) {
			errors.push(tooLargeError(path, entry.size, maxBytes, 'zip'));
			continue;
		}
		if (entry.flags & 1) {
			errors.push(
				importError(
					'zip',
					'encrypted',
					`The archive entry "${safe}" is encrypted; IAM Atlas cannot read it.`,
					{
						file
					}
				)
			);
			continue;
		}
		if (budget.exhausted) continue;
		const bytes = inflateEntry(zip, entry, safe, maxBytes, budget, errors);
		if (!bytes) continue;
		const prior = byPath.get(path);
		if (prior) {
			if (!sameBytes(prior.bytes, bytes))
				errors.push(
					importError(
						'zip',
						'conflict',
						`The archive holds two different entries with the same path "${safe}" (${seen.get(path)!.size.toLocaleString('en-US')} and ${entry.size.toLocaleString('en-US')} bytes); it is not clear which one to read, so the archive was refused.`,
						{ file }
					)
				);
			continue;
		}
		seen.set(path, entry);
		byPath.set(path, { path, bytes });
	}
	const out: RawFile[] = [];
	for (const inner of byPath.values()) {
		if (depth < 1 && isZip(inner))
			out.push(...expandZip(inner, maxBytes, errors, budget, depth + 1));
		else out.push(inner);
	}
	return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const invalid = (file: string, why: string) =>
	importError('zip', 'invalid', `This is not a readable .zip archive (${why}).`, { file });

/**
 * One entry's bytes, inflated a slice at a time and stopped as soon as it passes the per-file
 * limit or the import's budget; null (with an error) when it does.
 */
function inflateEntry(
	zip: RawFile,
	entry: ZipEntry,
	name: string,
	maxBytes: number,
	budget: ExpansionBudget,
	errors: AtlasError[]
): Uint8Array | null {
	const file = zip.path;
	let data: Uint8Array;
	try {
		data = entryData(zip.bytes, entry);
	} catch (e) {
		errors.push(invalid(file, (e as Error).message));
		return null;
	}
	if (entry.method !== 0 && entry.method !== 8) {
		errors.push(
			importError(
				'zip',
				'unsupported',
				`The archive entry "${name}" is compressed with method ${entry.method}; IAM Atlas reads stored and deflated entries only. Re-create the archive with a standard zip tool.`,
				{ file }
			)
		);
		return null;
	}
	// Inflated bytes go straight into a buffer of the declared size (at most the per-file limit,
	// checked before, and at most what the data can expand to, so a header overstating sizes
	// cannot reserve memory); a header that understates the size spills into a list of chunks.
	const room = Math.min(entry.size, data.length * MAX_RATIO + 1024);
	let into: Uint8Array | null = null;
	const spill: Uint8Array[] = [];
	let got = 0;
	const take = (chunk: Uint8Array) => {
		if (into && got + chunk.length <= into.length) into.set(chunk, got);
		else {
			if (into) spill.push(into.subarray(0, got));
			into = null;
			spill.push(chunk);
		}
		got += chunk.length;
		budget.used += chunk.length;
	};
	try {
		if (entry.method === 0) take(data);
		else if (data.length <= SLICE) {
			// One slice expands to at most ~4 MiB; a buffer one byte over the declared size tells a
			// lying header (fflate stops at the end of the buffer) without growing buffers.
			const sized = inflateSync(data, { out: new Uint8Array(room + 1) });
			take(sized.length <= room ? sized : inflateSync(data));
		} else {
			into = new Uint8Array(room);
			const inflater = new Inflate((chunk) => take(chunk));
			for (let o = 0; o < data.length; o += SLICE) {
				inflater.push(data.subarray(o, o + SLICE), o + SLICE >= data.length);
				if (budget.used > budget.limit || got > maxBytes) break;
			}
		}
	} catch (e) {
		errors.push(invalid(file, `entry "${name}": ${(e as Error).message}`));
		return null;
	}
	if (budget.used > budget.limit) {
		budget.exhausted = true;
		errors.push(
			importError(
				'zip',
				'too-large',
				`Expanding this archive passed the limit of ${formatBytes(budget.limit)} one import may expand (four times the per-file limit), at entry "${name}": ${formatBytes(budget.used)} had been expanded, counting every archive of this import. Expanding stopped there and nothing was imported.`,
				{ file }
			)
		);
		return null;
	}
	if (got > maxBytes) {
		errors.push(
			importError(
				'zip',
				'too-large',
				`This archive entry expands past the ${formatBytes(maxBytes)} limit per file (its header claimed ${formatBytes(entry.size)}); expanding stopped there.`,
				{ file: `${file}/${name}` }
			)
		);
		return null;
	}
	// A buffer much larger than its content (an overstated size) is copied out, not kept.
	const kept = into as Uint8Array | null;
	if (kept) return got === kept.length ? kept : kept.slice(0, got);
	const one = spill.length === 1 ? spill[0] : null;
	if (one) return one !== data && one.byteLength * 2 < one.buffer.byteLength ? one.slice() : one;
	const bytes = new Uint8Array(got);
	let at = 0;
	for (const c of spill) {
		bytes.set(c, at);
		at += c.length;
	}
	return bytes;
}
