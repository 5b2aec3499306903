/** Parsing a command's `--name value`, repeated `--name value` and `--flag` options, with the CLI's error lines. */
import type { CliIo } from './io';

/** What a command accepts. */
export interface OptionSpec {
	/** Options taking one value (the last one given wins). */
	values?: string[];
	/** Options taking a value that may be repeated. */
	lists?: string[];
	/** Options without a value. */
	flags?: string[];
	/** Value options that must be given. */
	required?: string[];
}

/** Parsed options: values by name, lists by name, flags by name. */
export interface ParsedOptions {
	values: Record<string, string | undefined>;
	lists: Record<string, string[]>;
	flags: Record<string, boolean>;
}

/**
 * Parse the arguments; on `--help` prints the usage and returns 0, on a bad or missing argument
 * writes `iam-atlas <command>: …` and the usage to stderr and returns 2.
 */
export function parseOptions(
	command: string,
	args: string[],
	spec: OptionSpec,
	usage: string,
	io: CliIo
): ParsedOptions | number {
	const out: ParsedOptions = { values: {}, lists: {}, flags: {} };
	for (const l of spec.lists ?? []) out.lists[l] = [];
	for (const f of spec.flags ?? []) out.flags[f] = false;
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		const name = a.startsWith('--') ? a.slice(2) : '';
		if (a === '--help' || a === '-h') {
			io.stdout(usage);
			return 0;
		} else if (spec.flags?.includes(name)) out.flags[name] = true;
		else if (spec.values?.includes(name) && args[i + 1] !== undefined) out.values[name] = args[++i];
		else if (spec.lists?.includes(name) && args[i + 1] !== undefined)
			out.lists[name].push(args[++i]);
		else {
			io.stderr(`iam-atlas ${command}: unexpected argument '${a}'\n${usage}`);
			return 2;
		}
	}
	for (const r of spec.required ?? [])
		if (!out.values[r]) {
			io.stderr(`iam-atlas ${command}: --${r} is required\n${usage}`);
			return 2;
		}
	return out;
}
