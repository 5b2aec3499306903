import { describe, expect, it } from 'vitest';
import { readDemoFilesFromDisk } from '../../demo/demo-files-node';
import { importFiles } from '../import-files';
import { parseSnapshotFile } from './parse-snapshot-file';
import { serializeSnapshot } from './serialize-snapshot';

describe('a real import survives export and re-import unchanged', () => {
	it('the demo bank: importFiles → serializeSnapshot → importFiles(snapshot file) gives the same model', () => {
		const imported = importFiles(readDemoFilesFromDisk(), { now: '2026-01-01T00:00:00Z' });
		if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
		const text = serializeSnapshot(imported.snapshot);
		expect(parseSnapshotFile(text, 'demo.json')).toEqual({ ok: true, value: imported.snapshot });
		const again = importFiles([
			{ path: 'demo.iam-atlas.json', bytes: new TextEncoder().encode(text) }
		]);
		expect(again.ok && again.snapshot).toEqual(imported.snapshot);
	});
});
