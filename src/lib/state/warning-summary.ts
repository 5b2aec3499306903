/**
 * Import warnings summarised by reason, in words: "7 files of `ec2 describe-instances` output
 * IAM Atlas does not read — skipped" instead of 7 raw `import.file.unsupported-command` lines.
 */
import type { AtlasError } from '../model/result';

/** One reason and the files it concerns. */
export interface WarningReason {
	/** The reason in words, with the count. */
	text: string;
	files: string[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The reason a warning is grouped under, and how to say it for `n` files. */
function reasonOf(w: AtlasError): { key: string; say: (n: number) => string } {
	if (w.code === 'import.file.unsupported-command') {
		const command = /"([^"]+)"/.exec(w.message)?.[1] ?? 'other';
		return {
			key: `${w.code}|${command}`,
			say: (n) =>
				`${plural(n, 'file')} of "${command}" output, which IAM Atlas does not read — skipped`
		};
	}
	if (w.code === 'import.file.skipped')
		return {
			key: w.code,
			say: (n) => `${plural(n, 'licence or documentation file')} — skipped`
		};
	return { key: `${w.code}|${w.message}`, say: (n) => `${w.message} (${plural(n, 'file')})` };
}

/** Group warnings by reason, most files first. */
export function summariseWarnings(warnings: AtlasError[]): WarningReason[] {
	const groups = new Map<string, { say: (n: number) => string; files: string[] }>();
	for (const w of warnings) {
		const { key, say } = reasonOf(w);
		const g = groups.get(key) ?? { say, files: [] };
		const file = w.where?.file ?? '(input)';
		if (!g.files.includes(file)) g.files.push(file);
		groups.set(key, g);
	}
	return [...groups.values()]
		.sort((a, b) => b.files.length - a.files.length)
		.map((g) => ({ text: g.say(g.files.length), files: g.files }));
}
