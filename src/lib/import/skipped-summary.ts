/**
 * The words for "nothing to import": how many files were looked at and, per reason, how many
 * were skipped with the first few named — one message, not one line per file (a zip of
 * 100,000 text files gave 100,000 `error:` lines).
 */
import type { AtlasError } from '../model/result';

/** How many files of each reason are named before "and N more". */
export const NAMED_PER_REASON = 3;

/** Each reason in words, for one file and for several. */
const REASONS: Record<string, [string, string]> = {
	'import.file.skipped': ['documentation or licence file', 'documentation or licence files'],
	'import.file.unsupported-command': [
		'output of a command IAM Atlas does not read',
		'outputs of commands IAM Atlas does not read'
	]
};

const count = (n: number) => n.toLocaleString('en-US');

/** "Skipped: 100,000 documentation or licence files (a.txt, b.txt, c.txt and 99,997 more)." */
export function skippedSummary(skipped: AtlasError[]): string {
	const byReason = new Map<string, string[]>();
	for (const w of skipped) {
		const files = byReason.get(w.code) ?? [];
		files.push(w.where?.file ?? '(input)');
		byReason.set(w.code, files);
	}
	const parts = [...byReason].map(([code, files]) => {
		const named = files.slice(0, NAMED_PER_REASON).join(', ');
		const more =
			files.length > NAMED_PER_REASON ? ` and ${count(files.length - NAMED_PER_REASON)} more` : '';
		const words = REASONS[code]?.[files.length === 1 ? 0 : 1] ?? `skipped as ${code}`;
		return `${count(files.length)} ${words} (${named}${more})`;
	});
	return parts.length ? ` Skipped: ${parts.join('; ')}.` : '';
}

/** The message when no file holds anything to import. */
export function nothingToImportMessage(
	given: number,
	looked: number,
	skipped: AtlasError[]
): string {
	if (given === 0) return 'No files were given.';
	const files = looked === 1 ? 'the one file' : `the ${count(looked)} files`;
	return `None of ${files} holds AWS CLI output IAM Atlas reads.${skippedSummary(skipped)}`;
}
