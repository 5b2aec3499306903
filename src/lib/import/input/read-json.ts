/**
 * Bytes → parsed JSON, refusing what is not JSON text before parsing: files over the size
 * limit, empty files, binary files (NUL bytes or invalid UTF-8); UTF-16 is decoded
 * (decode-text.ts). JSON syntax errors carry
 * the line and column; a file that stops mid-document is reported as truncated.
 */
import type { AtlasError } from '../../model/result';
import { importError } from '../errors';
import { jsonErrorOffset } from './json-error-offset';
import { formatBytes } from '../../model/format-bytes';

// Re-exported for the importers that already take it from here (expand-zip.ts).
export { formatBytes };
import { decodeText, encodingName, type TextEncodingName } from './decode-text';

/** The default per-file size limit (512 MiB). */
export const DEFAULT_MAX_FILE_BYTES = 512 * 1024 * 1024;

/** The parsed JSON of a file, or the error explaining why it has none. */
export type JsonRead =
	| { ok: true; value: unknown; text: string; encoding: TextEncodingName }
	| { ok: false; error: AtlasError };

/** The error, saying the file was read as UTF-16 when it was (so "not valid" is not a mystery). */
export function noteEncoding(error: AtlasError, encoding: TextEncodingName): AtlasError {
	if (encoding === 'utf-8') return error;
	return { ...error, message: `${error.message} (The file is ${encodingName(encoding)} text.)` };
}

/** The error for a file over the size limit (also used by the CLI before reading a file). */
export function tooLargeError(
	file: string,
	size: number,
	limit: number,
	shape = 'file'
): AtlasError {
	return importError(
		shape,
		'too-large',
		`This file is ${formatBytes(size)}, over the ${formatBytes(limit)} limit per file; it was not read. Split it or raise the limit.`,
		{ file }
	);
}

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
		line++;
		lineStart = i + 1;
	}
	return { line, column: offset - lineStart + 1 };
}

/** Decode and parse one file's bytes as JSON; `shape` names the expected shape for error codes. */
export function readJson(
	file: string,
	bytes: Uint8Array,
	maxBytes: number,
	shape = 'file'
): JsonRead {
	if (bytes.length > maxBytes)
		return { ok: false, error: tooLargeError(file, bytes.length, maxBytes, shape) };
	const decoded = decodeText(file, bytes, shape);
	if (!decoded.ok) return decoded;
	const { text, encoding } = decoded;
	if (!/\S/.test(text))
		return {
			ok: false,
			error: importError(shape, 'empty', 'This file is empty; expected JSON.', { file })
		};
	try {
		return { ok: true, value: JSON.parse(text), text, encoding };
	} catch (e) {
		const error = syntaxError(file, text, String((e as Error).message), shape);
		return { ok: false, error: noteEncoding(error, encoding) };
	}
}

function syntaxError(file: string, text: string, message: string, shape: string): AtlasError {
	const end = text.trimEnd().length;
	const offset = jsonErrorOffset(text);
	if (offset >= end) {
		const { line, column } = lineColumn(text, end);
		return importError(
			shape,
			'truncated-json',
			'The JSON stops before the document is complete: the file looks truncated.',
			{ file, line, column }
		);
	}
	const { line, column } = lineColumn(text, offset);
	const token = /^Unexpected token '(.)'/.exec(message);
	const reason = token
		? `unexpected character '${token[1]}'`
		: message.replace(/\s*in JSON at position \d+.*$/s, '');
	const near = text.slice(offset, offset + 24).split('\n')[0];
	return importError(
		shape,
		'invalid-json',
		`This is not valid JSON (${reason.toLowerCase()} near "${near}").`,
		{ file, line, column }
	);
}
