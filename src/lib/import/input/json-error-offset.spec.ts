import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from './json-error-offset';

describe('jsonErrorOffset', () => {
	it('reports the end for any valid JSON text', () => {
		fc.assert(
			fc.property(fc.jsonValue(), fc.boolean(), (v, pretty) => {
				const text = JSON.stringify(v, null, pretty ? 2 : undefined);
				expect(jsonErrorOffset(text)).toBe(text.length);
			})
		);
	});

	it('reports the end (ran out) for every cut-off prefix of an object', () => {
		fc.assert(
			fc.property(
				fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 }),
				fc.nat(),
				(v, cut) => {
					const text = JSON.stringify(v);
					const prefix = text.slice(0, cut % text.length);
					expect(jsonErrorOffset(prefix)).toBe(prefix.length);
				}
			)
		);
	});

	it.each([
		['{"a": 1,, "b": 2}', 8],
		['[1, 2 3]', 6],
		['{"a": tru }', 6],
		['{"a": 1} x', 9],
		['{a: 1}', 1],
		['[1,\n  // comment\n 2]', 6],
		['{"a": "\\x"}', 8]
	])('finds the first error in %j at %i', (text, offset) => {
		expect(jsonErrorOffset(text)).toBe(offset);
	});
});

describe('jsonErrorOffset on deep nesting', () => {
	it('reports the end of an unclosed 100,000-deep nesting (no stack overflow)', () => {
		const text = '['.repeat(100_000) + '{"a":' + '['.repeat(100_000);
		expect(jsonErrorOffset(text)).toBe(text.length);
	});

	it('finds an error after a 100,000-deep nesting closes', () => {
		const text = '['.repeat(100_000) + ']'.repeat(100_000) + ']';
		expect(jsonErrorOffset(text)).toBe(200_000);
	});
});
