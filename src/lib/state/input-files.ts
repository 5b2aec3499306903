/**
 * Turns what the browser hands us — a picked file list, a picked folder (webkitdirectory), or a
 * drop of files, folders and .zip files — into the importer's InputFile list: paths relative to
 * what was chosen, '/' separators, bytes read. It reads; recognising content is the importer's job.
 */
import type { InputFile } from '../import/import-files';
import { DEFAULT_MAX_FILE_BYTES, tooLargeError } from '../import/input/read-json';
import type { AtlasError } from '../model/result';

/** The files read, and the ones refused before reading (too large to hold in memory). */
export interface ReadFiles {
	files: InputFile[];
	errors: AtlasError[];
}

/** Called as files are read: how many of how many. */
export type ReadProgress = (done: number, total: number) => void;

/** A browser file with the path it goes by in the import. */
interface Named {
	file: File;
	path: string;
}

/** Read picked files; a folder pick gives each file's path inside the folder (webkitRelativePath). */
export function readPickedFiles(
	files: ArrayLike<File>,
	maxBytes = DEFAULT_MAX_FILE_BYTES,
	onProgress?: ReadProgress
): Promise<ReadFiles> {
	return readAll(
		Array.from(files, (file) => ({ file, path: file.webkitRelativePath || file.name })),
		maxBytes,
		onProgress
	);
}

/**
 * Read a drop. Entries must be taken from the DataTransfer synchronously, inside the drop event
 * (the browser empties it afterwards), so call this directly from the handler, before any await.
 */
export function readDroppedItems(
	data: DataTransfer,
	maxBytes = DEFAULT_MAX_FILE_BYTES,
	onProgress?: ReadProgress
): Promise<ReadFiles> {
	const entries: FileSystemEntry[] = [];
	const loose: File[] = [];
	for (const item of Array.from(data.items ?? [])) {
		if (item.kind !== 'file') continue;
		const entry = item.webkitGetAsEntry?.();
		if (entry) entries.push(entry);
		else {
			const file = item.getAsFile();
			if (file) loose.push(file);
		}
	}
	if (entries.length === 0 && loose.length === 0) loose.push(...Array.from(data.files ?? []));
	return (async () => {
		const walked = await Promise.all(entries.map((e) => walkEntry(e)));
		const named = [...walked.flat(), ...loose.map((file) => ({ file, path: file.name }))];
		return readAll(named, maxBytes, onProgress);
	})();
}

/** Every file under an entry, recursively, with its path from the dropped item down. */
async function walkEntry(entry: FileSystemEntry): Promise<Named[]> {
	const path = entry.fullPath.replace(/^\/+/, '') || entry.name;
	if (entry.isFile) {
		const file = await new Promise<File>((resolve, reject) =>
			(entry as FileSystemFileEntry).file(resolve, reject)
		);
		return [{ file, path }];
	}
	if (!entry.isDirectory) return [];
	const children = await readAllEntries((entry as FileSystemDirectoryEntry).createReader());
	const nested = await Promise.all(children.map((child) => walkEntry(child)));
	return nested.flat();
}

/** readEntries answers in batches (about 100 at a time in Chromium): read until it gives none. */
async function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
	const all: FileSystemEntry[] = [];
	for (;;) {
		const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
			reader.readEntries(resolve, reject)
		);
		if (batch.length === 0) return all;
		all.push(...batch);
	}
}

/** Read each file's bytes, refusing (without reading) any larger than `maxBytes`. */
async function readAll(
	named: Named[],
	maxBytes: number,
	onProgress?: ReadProgress
): Promise<ReadFiles> {
	const errors: AtlasError[] = [];
	const files: InputFile[] = [];
	for (const [i, { file, path }] of named.entries()) {
		const clean = path.replace(/\\/g, '/');
		if (file.size > maxBytes) errors.push(tooLargeError(clean, file.size, maxBytes));
		else files.push({ path: clean, bytes: new Uint8Array(await file.arrayBuffer()) });
		onProgress?.(i + 1, named.length);
	}
	return { files, errors };
}
