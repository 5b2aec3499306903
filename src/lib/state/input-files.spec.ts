import { describe, expect, it } from 'vitest';
import { readDroppedItems, readPickedFiles } from './input-files';

/** A File that only claims a size: reading it would fail the test. */
function hugeFile(name: string, size: number): File {
	const file = new File(['x'], name);
	Object.defineProperty(file, 'size', { value: size });
	Object.defineProperty(file, 'arrayBuffer', {
		value: () => Promise.reject(new Error('must not be read'))
	});
	return file;
}

describe('readPickedFiles', () => {
	it('reads each file with its folder-relative path', async () => {
		const inFolder = new File(['{"a":1}'], 'gaad.json');
		Object.defineProperty(inFolder, 'webkitRelativePath', {
			value: 'my-org\\111111111111\\gaad.json'
		});
		const progress: [number, number][] = [];
		const { files, errors } = await readPickedFiles(
			[inFolder, new File(['[]'], 'loose.json')],
			undefined,
			(d, t) => progress.push([d, t])
		);
		expect(progress).toEqual([
			[1, 2],
			[2, 2]
		]);
		expect(errors).toEqual([]);
		expect(files.map((f) => f.path)).toEqual(['my-org/111111111111/gaad.json', 'loose.json']);
		expect(new TextDecoder().decode(files[0].bytes)).toBe('{"a":1}');
	});

	it('refuses a file larger than the limit before reading it, naming the file', async () => {
		const { files, errors } = await readPickedFiles(
			[hugeFile('giant.json', 6 * 1024 ** 3), new File(['{}'], 'ok.json')],
			1024
		);
		expect(files.map((f) => f.path)).toEqual(['ok.json']);
		expect(errors).toHaveLength(1);
		expect(errors[0].where?.file).toBe('giant.json');
		expect(errors[0].code).toBe('import.file.too-large');
		expect(errors[0].message).toMatch(/over the 1 KiB limit per file; it was not read/);
	});
});

/** A fake dropped folder tree: directories answer readEntries in batches of two, like Chromium's paging. */
function folderEntry(fullPath: string, children: FileSystemEntry[]): FileSystemEntry {
	return {
		isFile: false,
		isDirectory: true,
		name: fullPath.split('/').pop()!,
		fullPath,
		createReader: () => {
			let offset = 0;
			return {
				readEntries: (ok: (batch: FileSystemEntry[]) => void) => {
					const batch = children.slice(offset, offset + 2);
					offset += batch.length;
					setTimeout(() => ok(batch));
				}
			};
		}
	} as unknown as FileSystemEntry;
}
function fileEntry(fullPath: string, text: string): FileSystemEntry {
	const name = fullPath.split('/').pop()!;
	return {
		isFile: true,
		isDirectory: false,
		name,
		fullPath,
		file: (ok: (f: File) => void) => ok(new File([text], name))
	} as unknown as FileSystemEntry;
}

describe('readDroppedItems', () => {
	it('walks dropped folders recursively, reading every batch of entries, and keeps loose files', async () => {
		const tree = folderEntry('/org', [
			fileEntry('/org/a.json', 'A'),
			folderEntry('/org/111111111111', [
				fileEntry('/org/111111111111/b.json', 'B'),
				fileEntry('/org/111111111111/c.json', 'C')
			]),
			fileEntry('/org/d.json', 'D'),
			fileEntry('/org/e.json', 'E')
		]);
		const loose = new File(['Z'], 'loose.zip');
		const items = [
			{ kind: 'file', webkitGetAsEntry: () => tree, getAsFile: () => null },
			{ kind: 'file', webkitGetAsEntry: () => null, getAsFile: () => loose },
			{ kind: 'string', webkitGetAsEntry: () => null, getAsFile: () => null }
		];
		const { files, errors } = await readDroppedItems({
			items,
			files: []
		} as unknown as DataTransfer);
		expect(errors).toEqual([]);
		expect(files.map((f) => f.path).sort()).toEqual([
			'loose.zip',
			'org/111111111111/b.json',
			'org/111111111111/c.json',
			'org/a.json',
			'org/d.json',
			'org/e.json'
		]);
		expect(
			files
				.map((f) => new TextDecoder().decode(f.bytes))
				.sort()
				.join('')
		).toBe('ABCDEZ');
	});
});
