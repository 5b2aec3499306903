/** Says in a few words what a snapshot was imported from, for the snapshot list. */
import type { SourceFile } from '../model/snapshot';

/** "my-org (38 files)", "org.zip (1 file)", "52 files", "gaad.json", "snapshot file bank.iam-atlas.json". */
export function describeSources(sources: SourceFile[]): string {
	if (sources.length === 0) return 'no source files';
	const count = `${sources.length} file${sources.length === 1 ? '' : 's'}`;
	if (sources.length === 1 && sources[0].kind.includes('snapshot'))
		return `snapshot file ${sources[0].path}`;
	const tops = new Set(sources.map((s) => (s.path.includes('/') ? s.path.split('/')[0] : '')));
	const top = tops.size === 1 ? [...tops][0] : '';
	if (top && !/^\d{12}$/.test(top)) return `${top} (${count})`;
	return sources.length === 1 ? (sources[0].path.split('/').pop() ?? sources[0].path) : count;
}
