/** Says in a few words what a snapshot was imported from, for the snapshot list. */
import type { SourceFile } from '../model/snapshot';

/** "my-org (38 files)", "52 files", "gaad.json", "snapshot file bank.iam-atlas.json". */
export function describeSources(sources: SourceFile[]): string {
	if (sources.length === 0) return 'no source files';
	if (sources.length === 1) {
		const [only] = sources;
		return only.kind.includes('snapshot') ? `snapshot file ${only.path}` : only.path;
	}
	const tops = new Set(sources.map((s) => (s.path.includes('/') ? s.path.split('/')[0] : '')));
	const top = tops.size === 1 ? [...tops][0] : '';
	return top && !/^\d{12}$/.test(top) ? `${top} (${sources.length} files)` : `${sources.length} files`;
}
