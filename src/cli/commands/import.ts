/**
 * `iam-atlas import <path>... --out <snapshot.json> [--name <name>] [--max-file-mib <n>]`:
 * reads folders (recursively), .zip files and single files from disk, imports them with the
 * same core as the browser, and writes one native snapshot atomically (temp file, then
 * rename). On bad input it prints every error (file, JSON location, reason) and writes nothing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { AtlasError } from '../../lib/model/result';
import type { Snapshot } from '../../lib/model/snapshot';
import { importFiles, type InputFile } from '../../lib/import/import-files';
import { DEFAULT_MAX_FILE_BYTES, tooLargeError } from '../../lib/import/input/read-json';
import { describeError, importError } from '../../lib/import/errors';
import { serializeSnapshot } from '../../lib/import/snapshot-file';
import type { CliIo } from '../io';
import { writeAtomically } from '../write-atomically';

const USAGE =
	'usage: iam-atlas import <path>... --out <snapshot.json> [--name <name>] [--max-file-mib <n>]\n';

interface ImportArgs {
	paths: string[];
	out: string;
	name?: string;
	maxFileBytes: number;
}

function parseArgs(args: string[]): ImportArgs | string {
	const paths: string[] = [];
	let out: string | undefined;
	let name: string | undefined;
	let maxFileBytes = DEFAULT_MAX_FILE_BYTES;
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		if (a === '--out' || a === '-o') out = args[++i];
		else if (a === '--name') name = args[++i];
		else if (a === '--max-file-mib') maxFileBytes = Number(args[++i]) * 1024 * 1024;
		else if (a.startsWith('-') && a !== '-') return `unexpected option '${a}'`;
		else paths.push(a);
	}
	if (!out) return '--out is required';
	if (paths.length === 0) return 'give at least one folder, .zip or file to import';
	if (!(maxFileBytes > 0)) return '--max-file-mib must be a positive number';
	return { paths, out, name, maxFileBytes };
}

/** Every file under a folder, sorted, as paths relative to `root`. */
function walk(dir: string, root: string, into: string[]): void {
	for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
		a.name < b.name ? -1 : 1
	)) {
		const full = join(dir, entry.name);
		if (entry.isDirectory()) walk(full, root, into);
		else if (entry.isFile()) into.push(relative(root, full));
	}
}

/** Read the given paths into input files. A folder's files keep the folder's own name as their first segment. */
export function readInputFiles(
	paths: string[],
	maxFileBytes: number
): { files: InputFile[]; errors: AtlasError[] } {
	const files: InputFile[] = [];
	const errors: AtlasError[] = [];
	const read = (full: string, path: string, size: number) => {
		if (size > maxFileBytes) errors.push(tooLargeError(path, size, maxFileBytes));
		else files.push({ path, bytes: new Uint8Array(readFileSync(full)) });
	};
	for (const p of paths) {
		const full = resolve(p);
		let stat;
		try {
			stat = statSync(full);
		} catch {
			errors.push(importError('file', 'not-found', 'No such file or folder.', { file: p }));
			continue;
		}
		if (stat.isDirectory()) {
			const rels: string[] = [];
			walk(full, dirname(full), rels);
			for (const rel of rels)
				read(
					join(dirname(full), rel),
					rel.split('\\').join('/'),
					statSync(join(dirname(full), rel)).size
				);
		} else read(full, basename(full), stat.size);
	}
	return { files, errors };
}

/** The one-line summary printed after a successful import. */
export function summaryLine(out: string, s: Snapshot): string {
	let users = 0,
		groups = 0,
		roles = 0,
		policies = 0,
		resources = 0;
	for (const a of s.accounts) {
		users += a.users.length;
		groups += a.groups.length;
		roles += a.roles.length;
		policies += a.policies.length;
		resources += a.resources.length;
	}
	const scps = s.organization?.policies.filter((p) => p.type === 'SCP').length ?? 0;
	const rcps = s.organization?.policies.filter((p) => p.type === 'RCP').length ?? 0;
	return `wrote ${out}: ${s.accounts.length} accounts, ${users} users, ${groups} groups, ${roles} roles, ${policies} policies, ${resources} resources, ${scps} SCPs, ${rcps} RCPs\n`;
}

/** Warning lines, at most five per code (a CloudMapper capture skips dozens of files alike). */
export function warningLines(warnings: AtlasError[], perCode = 5): string[] {
	const shown = new Map<string, number>();
	const lines: string[] = [];
	for (const w of warnings) {
		const n = (shown.get(w.code) ?? 0) + 1;
		shown.set(w.code, n);
		if (n <= perCode) lines.push(`warning: ${describeError(w)}\n`);
	}
	for (const [code, n] of shown)
		if (n > perCode) lines.push(`warning: … and ${n - perCode} more like that [${code}]\n`);
	return lines;
}

/** Run the import command; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
	if (args.includes('--help') || args.includes('-h')) {
		io.stdout(USAGE);
		return 0;
	}
	const parsed = parseArgs(args);
	if (typeof parsed === 'string') {
		io.stderr(`iam-atlas import: ${parsed}\n${USAGE}`);
		return 2;
	}
	const { files, errors } = readInputFiles(parsed.paths, parsed.maxFileBytes);
	const outcome =
		errors.length > 0
			? { ok: false as const, errors }
			: importFiles(files, { name: parsed.name, maxFileBytes: parsed.maxFileBytes });
	if (!outcome.ok) {
		for (const e of outcome.errors) io.stderr(`error: ${describeError(e)}\n`);
		io.stderr(`iam-atlas import: ${outcome.errors.length} error(s); nothing was written.\n`);
		return 1;
	}
	for (const line of warningLines(outcome.warnings)) io.stderr(line);
	try {
		writeAtomically(parsed.out, serializeSnapshot(outcome.snapshot));
	} catch (e) {
		io.stderr(`iam-atlas import: cannot write ${parsed.out}: ${(e as Error).message}\n`);
		return 1;
	}
	io.stdout(summaryLine(parsed.out, outcome.snapshot));
	return 0;
}
