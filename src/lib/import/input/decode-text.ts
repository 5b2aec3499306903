/**
 * Bytes → text for the JSON reader: UTF-8 (with or without a BOM), or UTF-16 LE/BE — what
 * Windows PowerShell's `>` writes when it redirects AWS CLI output — recognised by its BOM or,
 * without one, by the NUL byte beside every ASCII character. What is neither is named for what
 * it is: binary (NUL bytes), not UTF-8, invalid UTF-16, or more text than a JavaScript string
 * holds ("too large", not "binary"). Parsing is left to read-json.ts.
 */
import type { AtlasError } from '../../model/result';
import { importError } from '../errors';

/** The encodings a file may be read in. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The decoded text and the encoding it was read in, or the error saying why there is none. */
export type DecodedText =
	{ ok: true; text: string; encoding: TextEncodingName } | { ok: false; error: AtlasError };

/** Decodes bytes in one encoding, throwing a TypeError on invalid input (TextDecoder, fatal). */
export type Decode = (bytes: Uint8Array, encoding: TextEncodingName) => string;

const decoders = new Map<TextEncodingName, TextDecoder>();
/** The platform decoder (fatal: invalid bytes throw instead of becoming U+FFFD). */
export const platformDecode: Decode = (bytes, encoding) => {
	let d = decoders.get(encoding);
	if (!d) decoders.set(encoding, (d = new TextDecoder(encoding, { fatal: true, ignoreBOM: true })));
	return d.decode(bytes);
};

/** The UTF-16 byte order of `bytes` (by BOM, or by NULs beside ASCII), or null when it is not UTF-16. */
export function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
	if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	// Without a BOM: JSON text opens with ASCII, so the first code units are one NUL byte beside
	// one non-NUL byte each. Nine in ten of the first 64 units must look like that, and the first
	// must be ASCII text (binary files with NULs rarely do both).
	const units = Math.min(64, bytes.length >> 1);
	if (units < 2) return null;
	for (const [order, hi, lo] of [
		['utf-16le', 1, 0],
		['utf-16be', 0, 1]
	] as const) {
		if (bytes[hi] !== 0 || !isJsonStart(bytes[lo])) continue;
		let ascii = 0;
		for (let u = 0; u < units; u++) if (bytes[2 * u + hi] === 0 && bytes[2 * u + lo] !== 0) ascii++;
		if (ascii * 10 >= units * 9) return order;
	}
	return null;
}

/** `{`, `[`, `"` or JSON whitespace: how JSON text (from the AWS CLI) opens. */
const isJsonStart = (b: number) =>
	b === 0x7b || b === 0x5b || b === 0x22 || b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

const NAMES: Record<TextEncodingName, string> = {
	'utf-8': 'UTF-8',
	'utf-16le': 'UTF-16 LE',
	'utf-16be': 'UTF-16 BE'
};

/** The encoding's name as a message says it ("UTF-16 LE"). */
export const encodingName = (e: TextEncodingName): string => NAMES[e];

/** Decode a file's bytes as text (see the header); `shape` names the expected shape for error codes. */
export function decodeText(
	file: string,
	bytes: Uint8Array,
	shape = 'file',
	decode: Decode = platformDecode
): DecodedText {
	const order = utf16Order(bytes);
	if (order === null && bytes.indexOf(0) !== -1)
		return {
			ok: false,
			error: importError(
				shape,
				'binary',
				'This is a binary file, not JSON text (it contains NUL bytes).',
				{ file }
			)
		};
	const encoding: TextEncodingName = order ?? 'utf-8';
	let text: string;
	try {
		text = decode(bytes, encoding);
	} catch (e) {
		// A string longer than the engine's limit (about 512 MiB on 64-bit V8) is a RangeError;
		// invalid bytes are a TypeError.
		if (e instanceof RangeError)
			return {
				ok: false,
				error: importError(
					shape,
					'too-large',
					`This file holds more text than one JavaScript string can (${bytes.length.toLocaleString('en-US')} bytes); it was not read. Split it into smaller files.`,
					{ file }
				)
			};
		return {
			ok: false,
			error: importError(
				shape,
				order ? 'invalid-utf16' : 'binary',
				order
					? `This file looks like ${encodingName(order)} text (as Windows PowerShell writes with ">"), but it is not valid ${encodingName(order)}: ${bytes.length % 2 === 1 ? 'it has an odd number of bytes' : 'it holds an unpaired surrogate'}. Re-save it as UTF-8 (PowerShell: "| Out-File -Encoding utf8").`
					: 'This file is not UTF-8 text, so it cannot be JSON (is it binary?).',
				{ file }
			)
		};
	}
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	return { ok: true, text, encoding };
}
