/**
 * Error builders for the importer: every problem becomes an AtlasError with a dotted code
 * `import.<shape>.<problem>`, the file it was found in and, when known, a JSON pointer.
 */
import type { AtlasError } from '../model/result';

/** Where a problem sits: the file and, optionally, a JSON pointer, line and column. */
export interface ErrorPlace {
	file: string;
	pointer?: string;
	line?: number;
	column?: number;
}

/** Build an import error with code `import.<shape>.<problem>`. */
export function importError(
	shape: string,
	problem: string,
	message: string,
	place: ErrorPlace
): AtlasError {
	const where: AtlasError['where'] = { file: place.file };
	if (place.pointer !== undefined) where.pointer = place.pointer;
	if (place.line !== undefined) where.line = place.line;
	if (place.column !== undefined) where.column = place.column;
	return { code: `import.${shape}.${problem}`, message, where };
}

/** One line naming the file, the place and the problem, as the CLI and UI print it. */
export function describeError(error: AtlasError): string {
	const w = error.where;
	const place = [
		w?.file,
		w?.line !== undefined
			? `line ${w.line}${w.column !== undefined ? `, column ${w.column}` : ''}`
			: undefined,
		w?.pointer !== undefined ? `at ${w.pointer === '' ? '(top level)' : w.pointer}` : undefined
	]
		.filter(Boolean)
		.join(' ');
	return `${place ? place + ': ' : ''}${error.message} [${error.code}]`;
}
