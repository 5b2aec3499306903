/**
 * Expands .zip inputs (with fflate) into the files they hold. Entry paths are made relative
 * to the archive (prefixed by the archive's own path); entries with absolute paths or `..`
 * that would escape the archive are refused, as are entries over the size limit, before
 * they are inflated, and so is an archive expanding to more than four times that limit. OS junk (__MACOSX/, .DS_Store) is dropped silently.
 */
import { unzipSync } from 'fflate';
import type { AtlasError } from '../../model/result';
import { importError } from '../errors';
import { isOsJunk } from '../collection-path';
import { formatBytes, tooLargeError } from './read-json';

/** A file of an import (see import-files.ts). */
export interface RawFile {
	path: string;
	bytes: Uint8Array;
}

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

/** The files inside a zip; problems go to `errors`. Nested zips are expanded too (one level). */
export function expandZip(
	zip: RawFile,
	maxBytes: number,
	errors: AtlasError[],
	depth = 0
): RawFile[] {
	const file = zip.path;
	// Many entries each under the per-file limit can still add up to more than memory holds.
	const maxTotal = maxBytes * 4;
	let total = 0;
	let totalReported = false;
	let entries: Record<string, Uint8Array>;
	try {
		entries = unzipSync(zip.bytes, {
			filter: (entry) => {
				if (entry.name.endsWith('/') || isOsJunk(entry.name)) return false;
				const safe = safeEntryPath(entry.name);
				if (safe === null) {
					errors.push(
						importError(
							'zip',
							'unsafe-path',
							`The archive entry "${entry.name}" points outside the archive (absolute path or ".."); the archive was refused.`,
							{
								file
							}
						)
					);
					return false;
				}
				if (entry.originalSize > maxBytes) {
					errors.push(tooLargeError(`${file}/${safe}`, entry.originalSize, maxBytes, 'zip'));
					return false;
				}
				total += entry.originalSize;
				if (total > maxTotal) {
					if (!totalReported)
						errors.push(
							importError(
								'zip',
								'too-large',
								`This archive expands to more than ${formatBytes(maxTotal)} (four times the per-file limit); it was not expanded.`,
								{
									file
								}
							)
						);
					totalReported = true;
					return false;
				}
				return true;
			}
		});
	} catch (e) {
		errors.push(
			importError(
				'zip',
				'invalid',
				`This is not a readable .zip archive (${(e as Error).message}).`,
				{ file }
			)
		);
		return [];
	}
	const out: RawFile[] = [];
	for (const [name, bytes] of Object.entries(entries)) {
		const inner = { path: `${file}/${safeEntryPath(name)}`, bytes };
		if (depth < 1 && isZip(inner)) out.push(...expandZip(inner, maxBytes, errors, depth + 1));
		else out.push(inner);
	}
	return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
