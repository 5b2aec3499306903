/**
 * One input file → what it is: OS junk (skipped silently), a document or an unsupported CLI
 * output (skipped with a warning), a native snapshot, or a validated CLI output of a known
 * shape with the context its path gives. A file's name picks its shape when it is filed
 * under a known command; otherwise its content does.
 */
import type { AtlasError } from '../model/result';
import { importError } from './errors';
import { isDocumentFile, isOsJunk, pathContext, type PathContext } from './collection-path';
import { noteEncoding, readJson } from './input/read-json';
import { shapeOfCommand, shapeOfContent, SHAPES, type Shape } from './shape-table';
import { check } from './validate';
import type { TextEncodingName } from './input/decode-text';

/** A file whose shape is known and whose content passed its schema. */
export interface ShapedFile {
	kind: 'shape';
	file: string;
	shape: Shape;
	value: unknown;
	context: PathContext;
}

/** The outcome of classifying one file. */
export type Classified =
	| ShapedFile
	| { kind: 'snapshot'; file: string; value: unknown }
	| { kind: 'skip'; warning?: AtlasError }
	| { kind: 'error'; error: AtlasError };

/** The shape a file's path files it under, if any. */
function namedShape(context: PathContext): Shape | undefined {
	const byFolder = shapeOfCommand(context.parent);
	if (byFolder?.parameterised) return byFolder;
	return shapeOfCommand(context.base);
}

const looksLikePolicy = (v: object) =>
	'Statement' in v && ('Version' in v || Object.keys(v).length <= 2);

const CSV_HEADER = new TextEncoder().encode('user,arn,');
const isCsv = (path: string, bytes: Uint8Array) =>
	/\.csv$/i.test(path) ||
	CSV_HEADER.every((b, i) => bytes[i + (bytes[0] === 0xef && bytes[1] === 0xbb ? 3 : 0)] === b);

/** A bare CSV file: a credential report as some collectors store it (there is no other CSV we read). */
function credentialReportCsv(path: string, bytes: Uint8Array, context: PathContext): Classified {
	const shape = SHAPES.find((s) => s.id === 'credential-report')!;
	const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
	if (!/^user,arn(,|\r?\n|$)/.test(text))
		return {
			kind: 'error',
			error: importError(
				'credential-report',
				'invalid',
				'This CSV file is not a credential report: its first line should start with "user,arn,".',
				{ file: path, line: 1 }
			)
		};
	return { kind: 'shape', file: path, shape, value: { Content: text }, context };
}

/** Classify one file of a collection (path relative to its root). */
export function classify(path: string, bytes: Uint8Array, maxBytes: number): Classified {
	const c = classifyText(path, bytes, maxBytes);
	return c.kind === 'error' && 'encoding' in c
		? { kind: 'error', error: noteEncoding(c.error, c.encoding) }
		: c;
}

function classifyText(
	path: string,
	bytes: Uint8Array,
	maxBytes: number
): Classified | { kind: 'error'; error: AtlasError; encoding: TextEncodingName } {
	if (isOsJunk(path)) return { kind: 'skip' };
	if (isDocumentFile(path))
		return {
			kind: 'skip',
			warning: importError(
				'file',
				'skipped',
				'Not an AWS CLI output (a licence or documentation file); skipped.',
				{ file: path }
			)
		};
	const context = pathContext(path);
	if (isCsv(path, bytes)) return credentialReportCsv(path, bytes, context);
	const named = namedShape(context);
	const read = readJson(path, bytes, maxBytes, named?.id ?? 'file');
	if (!read.ok) return { kind: 'error', error: read.error };
	const value = read.value;
	const encoding = read.encoding;
	if (
		typeof value === 'object' &&
		value !== null &&
		(value as { format?: unknown }).format === 'iam-atlas-snapshot'
	)
		return { kind: 'snapshot', file: path, value };
	const shape = named ?? shapeOfContent(value);
	if (!shape) {
		if (context.cliCommand)
			return {
				kind: 'skip',
				warning: importError(
					'file',
					'unsupported-command',
					`IAM Atlas does not read "${context.cliCommand}" output; this file was skipped.`,
					{ file: path }
				)
			};
		if (
			typeof value === 'object' &&
			value !== null &&
			!Array.isArray(value) &&
			looksLikePolicy(value)
		)
			return {
				kind: 'error',
				encoding,
				error: importError(
					'file',
					'bare-policy',
					'This is a policy document on its own, so it is not clear whom it belongs to. Import the CLI output that contains it (e.g. get-account-authorization-details or describe-policy).',
					{ file: path, pointer: '' }
				)
			};
		return {
			kind: 'error',
			encoding,
			error: importError(
				'file',
				'unknown-shape',
				'This JSON is not an AWS CLI output IAM Atlas knows (expected e.g. get-account-authorization-details, an Organizations listing or a resource policy).',
				{ file: path, pointer: '' }
			)
		};
	}
	const problem = check(shape.validate, value, shape.id, shape.what, path);
	if (problem) return { kind: 'error', error: problem, encoding };
	return { kind: 'shape', file: path, shape, value, context };
}
