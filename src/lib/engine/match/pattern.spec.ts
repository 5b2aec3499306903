/**
 * The wildcard matcher against an obviously-correct reference: the pattern read character by
 * character into tokens (the ARN rules of ADR 0010 written out once more, independently) and matched
 * with a full dynamic-programming table. Many thousands of random pieces/value pairs per mode, short
 * and long, with substituted (literal) pieces and non-ASCII text; then the pathological shapes that
 * made the old regular expressions backtrack for seconds or forever, each answered within a bound.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern, matchArn, type PatternMode, type PatternPiece } from './pattern';
import { globMatch } from './glob';

/** One pattern token: a literal code unit, `?` (one) or `*` (star); `part` when confined to an ARN part. */
type Tok = { kind: 'lit'; code: number } | { kind: 'one' | 'star'; part: boolean };

/** Reference tokenisation: wildcards only in policy text; in an ARN with ≥ 5 colons, wildcards before the fifth colon stay in their part, except (Resource) a `*` right before a colon. */
function tokens(pieces: PatternPiece[], mode: PatternMode): Tok[] {
	const flat: { code: number; glob: boolean }[] = [];
	for (const p of pieces)
		for (let i = 0; i < p.text.length; i++) flat.push({ code: p.text.charCodeAt(i), glob: p.glob });
	const COLON = 58;
	const segmented = mode !== 'plain' && flat.filter((c) => c.code === COLON).length >= 5;
	let colons = 0;
	return flat.map((c, i) => {
		const inPart = segmented && colons < 5;
		if (c.code === COLON) colons++;
		if (c.glob && c.code === 42)
			return {
				kind: 'star',
				part: inPart && !(mode === 'resource' && flat[i + 1]?.code === COLON)
			};
		if (c.glob && c.code === 63) return { kind: 'one', part: inPart };
		return { kind: 'lit', code: c.code };
	});
}

/** Reference match: d[i][j] = the first i tokens match the first j code units. */
function reference(pieces: PatternPiece[], mode: PatternMode, v: string): boolean {
	const t = tokens(pieces, mode);
	const accepts = (tok: Tok, code: number) =>
		tok.kind === 'lit' ? tok.code === code : !tok.part || code !== 58;
	let row = new Array<boolean>(v.length + 1).fill(false);
	row[0] = true;
	for (const tok of t) {
		const next = new Array<boolean>(v.length + 1).fill(false);
		for (let j = 0; j <= v.length; j++) {
			if (tok.kind === 'star')
				next[j] = row[j] || (j > 0 && next[j - 1] && accepts(tok, v.charCodeAt(j - 1)));
			else next[j] = j > 0 && row[j - 1] && accepts(tok, v.charCodeAt(j - 1));
		}
		row = next;
	}
	return row[v.length];
}

// a small alphabet (so values often match), with colons, slashes and non-ASCII code units
const CHARS = ['a', 'b', 'a', ':', ':', '/', 'é', '😀', '-'];
const char = fc.constantFrom(...CHARS);
const patternChar = fc.constantFrom(...CHARS, '*', '*', '?');
const piece = fc.oneof(
	{ weight: 4, arbitrary: fc.array(patternChar, { maxLength: 12 }).map((cs) => cs.join('')) },
	{ weight: 1, arbitrary: fc.constantFrom('arn:aws:s3:::', 'arn:aws:iam::*:role/', ':*:', '*:') }
);
/** Pieces as the engine gets them after substitution: policy text, and now and then a resolved variable (literal, wildcards included). */
const pieces = fc.array(
	fc.oneof(
		{ weight: 3, arbitrary: piece.map((text) => ({ text, glob: true })) },
		{ weight: 1, arbitrary: piece.map((text) => ({ text, glob: false })) }
	),
	{ minLength: 1, maxLength: 4 }
);
/** ARN-shaped pieces: five or more parts, wildcards inside parts and at their ends, colons in fills. */
const arnPart = fc
	.array(fc.constantFrom('a', 'b', '*', '?', '*'), { maxLength: 4 })
	.map((cs) => cs.join(''));
const arnPieces = fc
	.tuple(fc.array(arnPart, { minLength: 6, maxLength: 8 }), fc.nat(8), fc.nat(2))
	.map(([parts, cut, literal]): PatternPiece[] => {
		const text = parts.join(':');
		// now and then a stretch of it arrives as a substituted (literal) value
		const at = Math.min(cut * 2, text.length);
		return literal === 0
			? [
					{ text: text.slice(0, at), glob: true },
					{ text: text.slice(at, at + 3), glob: false },
					{ text: text.slice(at + 3), glob: true }
				].filter((p) => p.text !== '')
			: [{ text, glob: true }];
	});
const colonFill = fc
	.array(fc.constantFrom('a', 'b', ':', ':'), { maxLength: 5 })
	.map((cs) => cs.join(''));

/** A value built from the pattern (stars filled, `?` replaced) then maybe mutated, or an unrelated one. */
const valueFor = (ps: PatternPiece[], fill: fc.Arbitrary<string>) =>
	fc.oneof(
		fc
			.tuple(fc.array(fill, { minLength: 64, maxLength: 64 }), fc.nat(3), fc.nat(40), char)
			.map(([fills, mutate, at, c]) => {
				let k = 0;
				let v = '';
				for (const p of ps)
					for (const ch of p.text)
						v += !p.glob ? ch : ch === '*' ? fills[k++ % 64] : ch === '?' ? c : ch;
				if (mutate === 0 && v.length) v = v.slice(0, at % v.length) + v.slice((at % v.length) + 1);
				if (mutate === 1) v = v.slice(0, at % (v.length + 1)) + c + v.slice(at % (v.length + 1));
				return v;
			}),
		fc.array(char, { maxLength: 30 }).map((cs) => cs.join(''))
	);
const shortFill = fc.array(char, { maxLength: 4 }).map((cs) => cs.join(''));
const MODES: PatternMode[] = ['plain', 'resource', 'arnCondition'];

/** Run a property; a counterexample fails the test with fast-check's report. */
function holds<T>(property: fc.IPropertyWithHooks<T>, numRuns: number): void {
	const run = fc.check(property, { numRuns });
	expect(run.failed, fc.defaultReportMessage(run) ?? '').toBe(false);
	expect(run.numRuns).toBe(numRuns);
}

describe('the matcher agrees with the reference', () => {
	for (const mode of MODES) {
		it(`${mode}: 20,000 short pairs`, () => {
			holds(
				fc.property(
					pieces.chain((ps) => fc.tuple(fc.constant(ps), valueFor(ps, shortFill))),
					([ps, v]) => compilePattern(ps, mode).test(v) === reference(ps, mode, v)
				),
				20000
			);
		});
		it(`${mode}: 1,000 long pairs`, () => {
			const longPieces = fc.array(
				fc.oneof(
					{ weight: 3, arbitrary: piece.map((text) => ({ text, glob: true })) },
					{
						weight: 1,
						arbitrary: fc.array(char, { maxLength: 200 }).map((cs) => ({
							text: cs.join(''),
							glob: false
						}))
					}
				),
				{ minLength: 1, maxLength: 20 }
			);
			const longFill = fc.array(char, { maxLength: 60 }).map((cs) => cs.join(''));
			holds(
				fc.property(
					longPieces.chain((ps) => fc.tuple(fc.constant(ps), valueFor(ps, longFill))),
					([ps, v]) => compilePattern(ps, mode).test(v) === reference(ps, mode, v)
				),
				1000
			);
		});
	}
	for (const mode of ['resource', 'arnCondition'] as const)
		it(`${mode}: 20,000 ARN-shaped pairs (parts, spanning stars, colons in values)`, () => {
			holds(
				fc.property(
					arnPieces.chain((ps) => fc.tuple(fc.constant(ps), valueFor(ps, colonFill))),
					([ps, v]) => compilePattern(ps, mode).test(v) === reference(ps, mode, v)
				),
				20000
			);
		});
	it('a plain glob is the same in every entry point', () => {
		holds(
			fc.property(
				fc.array(patternChar, { maxLength: 12 }).map((cs) => cs.join('')),
				fc.array(char, { maxLength: 16 }).map((cs) => cs.join('')),
				(g, v) =>
					globMatch(g, v) === reference([{ text: g, glob: true }], 'plain', v) &&
					globMatch(g, v) === compilePattern([{ text: g, glob: true }], 'plain').test(v)
			),
			5000
		);
	});
});

describe('the ARN rules of ADR 0010', () => {
	const cases: [string, PatternMode, string, boolean][] = [
		// a `*` ending one of the first five parts of a Resource may run on past the colon
		['arn:aws:iam::*:role/x', 'resource', 'arn:aws:iam::111111111111:extra:role/x', true],
		['arn:aws:iam::*:role/x', 'arnCondition', 'arn:aws:iam::111111111111:extra:role/x', false],
		['arn:aws:iam::*:role/x', 'arnCondition', 'arn:aws:iam::111111111111:role/x', true],
		// inside a part, never across its colon
		['arn:aws:s*s:us-east-1:1:q', 'resource', 'arn:aws:s:x:s:us-east-1:1:q', false],
		['arn:aws:s*s:us-east-1:1:q', 'resource', 'arn:aws:sqs:us-east-1:1:q', true],
		['arn:aws:sqs:us-?ast-1:1:q', 'arnCondition', 'arn:aws:sqs:us-east-1:1:q', true],
		['arn:aws:sqs:us-?ast-1:1:q', 'arnCondition', 'arn:aws:sqs:us-:ast-1:1:q', false],
		// a spanning star and a confined one in the same pattern
		['arn:aws:*:us-*-1:1:q', 'resource', 'arn:aws:s3:x:us-east-1:1:q', true],
		['arn:aws:*:us-*-1:1:q', 'resource', 'arn:aws:s3:x:us-ea:st-1:1:q', false],
		// after a spanning star the rest starts after a colon at or past the part's end, not before
		['?:b:c:d:*::x', 'resource', 'a:b:c:d::x', false],
		['?:b:c:d:*::x', 'resource', 'a:b:c:d:::x', true],
		['?:b:c:d:*:x*', 'resource', 'a:b:c:d:e:f:xy', true],
		['?:b:c:d:*:x*', 'resource', 'a:b:c:d:xy', false],
		// the resource part may hold colons; fewer than five colons: a plain glob
		['arn:aws:s3:::b/*', 'resource', 'arn:aws:s3:::b/a:b:c', true],
		['arn:*:role', 'arnCondition', 'arn:aws:iam::1:role', true],
		// case-sensitive
		['arn:aws:s3:::Bucket/*', 'resource', 'arn:aws:s3:::bucket/a', false]
	];
	it.each(cases)('%s (%s) ~ %s: %s', (pattern, mode, value, want) => {
		expect(compilePattern([{ text: pattern, glob: true }], mode).test(value)).toBe(want);
		expect(reference([{ text: pattern, glob: true }], mode, value)).toBe(want);
	});
	it('substituted text is literal: ${*} and a value holding * match only themselves', () => {
		const p = compilePattern(
			[
				{ text: 'arn:aws:s3:::b/', glob: true },
				{ text: '*', glob: false },
				{ text: '/?', glob: true }
			],
			'resource'
		);
		expect(p.test('arn:aws:s3:::b/*/x')).toBe(true);
		expect(p.test('arn:aws:s3:::b/anything/x')).toBe(false);
	});
});

/** Time one call; the answer and the milliseconds it took. */
function timed(fn: () => boolean): { answer: boolean; ms: number } {
	const t0 = performance.now();
	const answer = fn();
	return { answer, ms: performance.now() - t0 };
}
const BOUND_MS = 200;
const stars = (n: number, unit = 'a') => `*${unit}`.repeat(n);

describe('pathological patterns answer correctly within milliseconds', () => {
	const resource = (text: string) => compilePattern([{ text, glob: true }], 'resource');
	const shapes: [string, () => boolean, boolean][] = [
		[
			'Resource *a×17*b vs 35 a',
			() => matchArn(`arn:aws:s3:::${stars(17)}*b`, `arn:aws:s3:::${'a'.repeat(35)}`),
			false
		],
		[
			'Resource *a×17*b vs 40 a then b',
			() => matchArn(`arn:aws:s3:::${stars(17)}*b`, `arn:aws:s3:::${'a'.repeat(40)}b`),
			true
		],
		[
			'StringLike *a×17*b vs 40 a',
			() => compilePattern([{ text: `${stars(17)}*b`, glob: true }], 'plain').test('a'.repeat(40)),
			false
		],
		[
			'ArnLike *a×17*b vs 40 a',
			() =>
				compilePattern([{ text: `arn:aws:s3:::${stars(17)}*b`, glob: true }], 'arnCondition').test(
					`arn:aws:s3:::${'a'.repeat(40)}`
				),
			false
		],
		[
			'1,000 stars vs 5,000 a',
			() => resource(`arn:aws:s3:::${stars(1000)}*b`).test(`arn:aws:s3:::${'a'.repeat(5000)}`),
			false
		],
		[
			'1,000 stars vs 5,000 a with a b inside',
			() =>
				resource(`arn:aws:s3:::${stars(1000)}*b*`).test(
					`arn:aws:s3:::${'a'.repeat(2500)}b${'a'.repeat(2500)}`
				),
			true
		],
		[
			'10,000-character pattern vs 10,000-character value (no match)',
			() => resource(`arn:aws:s3:::${stars(4993)}*b`).test(`arn:aws:s3:::${'a'.repeat(9987)}`),
			false
		],
		[
			'10,000-character pattern vs 10,000-character value (match)',
			() => resource(`arn:aws:s3:::${stars(4993)}*b`).test(`arn:aws:s3:::${'a'.repeat(9986)}b`),
			true
		],
		[
			'10,000 ? vs 10,000 characters',
			() => resource('?'.repeat(10000)).test('x'.repeat(10000)),
			true
		],
		[
			'10,000 ? vs 9,999 characters',
			() => resource('?'.repeat(10000)).test('x'.repeat(9999)),
			false
		],
		[
			'?a runs between stars vs a long value (match)',
			() => resource(`*${'?a*'.repeat(2000)}b`).test(`${'xa'.repeat(5000)}b`),
			true
		],
		[
			'?a runs between stars vs a long value (one pair short)',
			() => resource(`*${'?a*'.repeat(2000)}b`).test(`${'xa'.repeat(1999)}b`),
			false
		],
		[
			'many confined stars in one ARN part (ArnLike)',
			() =>
				compilePattern(
					[{ text: `arn:aws:${stars(3000)}*b:us-east-1:1:q`, glob: true }],
					'arnCondition'
				).test(`arn:aws:${'a'.repeat(10000)}:us-east-1:1:q`),
			false
		],
		[
			'many confined stars in a part, then spanning stars (Resource)',
			() =>
				resource(`arn:aws:${stars(2000)}*b*:${stars(2000)}*:x:y:*c`).test(
					`arn:aws:${'a'.repeat(3000)}b:${'a:'.repeat(2000)}${'a'.repeat(2001)}:x:y:${'a:'.repeat(2000)}c`
				),
			true
		],
		[
			'thousands of candidate parts after a spanning star (Resource, match)',
			() =>
				resource(`arn:aws:*:a*a::${stars(1000, 'd')}*b`).test(
					`arn:aws:x:${'aa::'.repeat(2500)}${'d'.repeat(1000)}b`
				),
			true
		],
		[
			'thousands of candidate parts after a spanning star (Resource, no match)',
			() =>
				resource(`arn:aws:*:a*a::${stars(1000, 'd')}*b`).test(
					`arn:aws:x:${'aa::'.repeat(2500)}${'d'.repeat(999)}b`
				),
			false
		],
		[
			'10,000-character value, literal prefix mismatch',
			() => resource(`arn:aws:s3:::x${stars(100)}`).test(`arn:aws:s3:::${'a'.repeat(10000)}`),
			false
		]
	];
	it.each(shapes)('%s', (_name, run, want) => {
		const { answer, ms } = timed(run);
		expect(answer).toBe(want);
		expect(ms).toBeLessThan(BOUND_MS);
	});
});
