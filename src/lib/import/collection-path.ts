/**
 * What a file's place in a collection says about it (issue 2 §3 layout): the CLI command it
 * holds (`<service>-<operation>.json`, or a `<service>-<operation>/` folder holding one file
 * per parameter value, URL-encoded, with or without `.json`), the account folder and the
 * region folder it sits in. Content decides the shape; the path supplies context.
 */

/** Context read from a file's path. */
export interface PathContext {
	/** The file name without a `.json` extension. */
	base: string;
	/** The parent folder's name ('' at the root). */
	parent: string;
	/** The URL-decoded file name without `.json`: the parameter of a parameterised command. */
	parameter: string;
	/** The nearest 12-digit folder above the file, if any. */
	accountId: string | null;
	/** The nearest region-named folder above the file, if any. */
	region: string | null;
	/** The nearest folder or file name that reads like a CLI command (`ec2-describe-vpcs`), if any. */
	cliCommand: string | null;
}

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;
const ACCOUNT = /^\d{12}$/;
const CLI_COMMAND =
	/^([a-z0-9]+-)?(describe|list|get|generate|lookup|search|batch-get|scan)-[a-z0-9-]+$/;

/** The URL-decoded value of a file name (left as is when it is not valid percent-encoding). */
export function decodeParameter(name: string): string {
	try {
		return decodeURIComponent(name);
	} catch {
		return name;
	}
}

/** Read the context of a path relative to the collection root ('/' separators). */
export function pathContext(path: string): PathContext {
	const segments = path.split('/').filter((s) => s !== '' && s !== '.');
	const file = segments.at(-1) ?? '';
	const base = file.replace(/\.json$/i, '');
	const folders = segments.slice(0, -1);
	let accountId: string | null = null;
	let region: string | null = null;
	let cliCommand: string | null = CLI_COMMAND.test(base) ? base : null;
	for (let i = folders.length - 1; i >= 0; i--) {
		const s = folders[i];
		if (accountId === null && ACCOUNT.test(s)) accountId = s;
		if (region === null && REGION.test(s)) region = s;
		if (cliCommand === null && CLI_COMMAND.test(s)) cliCommand = s;
	}
	return {
		base,
		parent: folders.at(-1) ?? '',
		parameter: decodeParameter(base),
		accountId,
		region,
		cliCommand
	};
}

/** True for files an operating system or archiver leaves behind (skipped silently). */
export function isOsJunk(path: string): boolean {
	const segments = path.split('/');
	const name = segments.at(-1) ?? '';
	return (
		segments.some((s) => s === '__MACOSX' || s === '.git' || s === '.svn') ||
		name === '.DS_Store' ||
		name === 'Thumbs.db' ||
		name === 'desktop.ini' ||
		name.startsWith('._') ||
		name.endsWith('~')
	);
}

/** True for documentation files that travel with data (LICENSE, README, NOTICE…): skipped with a warning. */
export const isDocumentFile = (path: string): boolean =>
	/^(LICEN[CS]E|NOTICE|README|COPYING|CHANGELOG)([.-].*)?$/i.test(path.split('/').at(-1) ?? '') ||
	/\.(md|txt)$/i.test(path);
