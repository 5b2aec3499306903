/**
 * The name an import gives its snapshot when the user gives none: a collection folder's or a
 * .zip's own name, a single file's name, or — for several loose files — what they describe
 * ("o-abc123 (5 files)", "111111111111 (3 files)"), never a file name with its extension.
 */
import type { Account, Organization } from '../model/snapshot';

/** A file name without the extensions the importer reads (.json, .zip, .txt). */
const bare = (name: string): string => name.replace(/(\.(json|zip|txt))+$/i, '') || name;

/** The default snapshot name for these input paths and what they were read into. */
export function defaultSnapshotName(
	paths: string[],
	read: { organization: Organization | null; accounts: Account[] }
): string {
	if (paths.length === 0) return 'import';
	const segments = paths.map((p) => p.split('/').filter(Boolean));
	const top = segments[0][0] ?? 'import';
	if (segments.every((s) => s.length > 1 && s[0] === top)) return bare(top);
	if (paths.length === 1) return bare(segments[0].at(-1) ?? top);
	const what =
		read.organization?.id ??
		(read.accounts.length === 1
			? read.accounts[0].id
			: read.accounts.length > 1
				? `${read.accounts.length} accounts`
				: 'import');
	return `${what} (${paths.length} files)`;
}
