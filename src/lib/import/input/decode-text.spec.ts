import { describe, expect, it } from 'vitest';
import { decodeText, utf16Order } from './decode-text';

const le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));

describe('decodeText', () => {
	it('calls text over the engine string limit "too large", not binary', () => {
		// A real 512 MiB string is too much for a unit test: the decoder fails the way V8 does.
		const overLimit = () => {
			throw new RangeError('Invalid string length');
		};
		const got = decodeText('huge.json', new TextEncoder().encode('{"a": 1}'), 'gaad', overLimit);
		expect(got).toEqual({
			ok: false,
			error: {
				code: 'import.gaad.too-large',
				message:
					'This file holds more text than one JavaScript string can (8 bytes); it was not read. Split it into smaller files.',
				where: { file: 'huge.json' }
			}
		});
	});

	it('reads UTF-16 LE without a BOM', () => {
		expect(decodeText('a.json', le('{"a": "é"}'))).toEqual({
			ok: true,
			text: '{"a": "é"}',
			encoding: 'utf-16le'
		});
	});

	it('does not take binary with NULs for UTF-16', () => {
		expect(utf16Order(Uint8Array.from([0x7b, 0, 0, 1, 0x7f, 0x45, 0x4c, 0x46]))).toBeNull();
		expect(utf16Order(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0]))).toBeNull();
	});
});
