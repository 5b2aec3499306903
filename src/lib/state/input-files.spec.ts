import { describe, expect, it } from 'vitest';
import { readPickedFiles } from './input-files';

/** A File that only claims a size: reading it would fail the test. */
function hugeFile(name: string, size: number): File {
	const file = new File(['x'], name);
	Object.defineProperty(file, 'size', { value: size });
	Object.defineProperty(file, 'arrayBuffer', { value: () => Promise.reject(new Error('must not be read')) });
	return file;
}

describe('readPickedFiles', () => {
	it('reads each file with its folder-relative path', async () => {
		const inFolder = new File(['{"a":1}'], 'gaad.json');
		Object.defineProperty(inFolder, 'webkitRelativePath', { value: 'my-org\\111111111111\\gaad.json' });
		const { files, errors } = await readPickedFiles([inFolder, new File(['[]'], 'loose.json')]);
		expect(errors).toEqual([]);
		expect(files.map((f) => f.path)).toEqual(['my-org/111111111111/gaad.json', 'loose.json']);
		expect(new TextDecoder().decode(files[0].bytes)).toBe('{"a":1}');
	});

	it('refuses a file larger than the limit before reading it, naming the file', async () => {
		const { files, errors } = await readPickedFiles([hugeFile('giant.json', 6 * 1024 ** 3), new File(['{}'], 'ok.json')], 1024);
		expect(files.map((f) => f.path)).toEqual(['ok.json']);
		expect(errors).toHaveLength(1);
		expect(errors[0].where?.file).toBe('giant.json');
		expect(errors[0].code).toBe('import.file.too-large');
		expect(errors[0].message).toMatch(/over the 1 KiB limit per file; it was not read/);
	});
});
