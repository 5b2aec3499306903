/**
 * The one wildcard matcher of IAM Atlas: Resource / NotResource, String*Like, Arn* and — through
 * `Glob` — Action / NotAction, for the engine and for the graph. A pattern arrives as pieces after
 * policy-variable substitution: policy text, where `*` and `?` are wildcards, and substituted text
 * (`${aws:username}`'s value, `${*}`), which is literal. Compiled once into the cheapest form —
 * anything, exact text, a glob (literal prefix and suffix checked first), or per-part ARN segments —
 * and never into a regular expression: every match costs at most O(pattern × value).
 *
 * ARN rules (ADR 0010): in a pattern with at least five colons, wildcards in the first five parts
 * stay inside their part; in a Resource element a `*` that ends one of those parts may run on past
 * the colon (Resource element page), while ARN condition operators check each part on its own
 * (condition operators page). Patterns with fewer colons, and the part after the fifth colon, are
 * plain globs.
 */
import { ArnSegments } from './arn-segments';
import { Glob, LITERAL, ONE, STAR } from './glob';

/** A piece of a pattern: policy text (wildcards active) or literal text (substituted variables). */
export interface PatternPiece {
	text: string;
	glob: boolean;
}

/** How a pattern reads: a plain glob (actions, String*Like), a Resource ARN, or an Arn* condition value. */
export type PatternMode = 'plain' | 'resource' | 'arnCondition';

const ANY = 0;
const EXACT = 1;
const GLOB = 2;
const SEGMENTS = 3;
const PREFIX = 4;

/** A compiled pattern; `test` says whether a whole value matches. */
export class Pattern {
	readonly kind: number;
	/** The text of an exact pattern; the literal prefix of a prefix pattern. */
	readonly text: string;
	readonly glob: Glob | null;
	readonly segments: ArnSegments | null;
	/** The code of the text's last character (NaN when empty). */
	readonly last: number;

	constructor(kind: number, text: string, glob: Glob | null, segments: ArnSegments | null) {
		this.kind = kind;
		this.text = text;
		this.last = text.charCodeAt(text.length - 1);
		this.glob = glob;
		this.segments = segments;
	}

	/** Does the whole value match (case-sensitive)? */
	test(v: string): boolean {
		switch (this.kind) {
			case ANY:
				return true;
			case EXACT:
				return v === this.text;
			case PREFIX:
				// a literal prefix and one trailing star (`arn:aws:s3:::bucket/*`), the most common shape
				// (ARNs share long prefixes, so the prefix's last character tells most of them apart first)
				return (
					v.length >= this.text.length &&
					v.charCodeAt(this.text.length - 1) === this.last &&
					v.endsWith(this.text, this.text.length)
				);
			case GLOB:
				return this.glob!.test(v, 0, v.length);
			default:
				return this.segments!.test(v);
		}
	}
}

/** Compile pattern pieces (policy text and substituted literals) for one mode. */
export function compilePattern(pieces: readonly PatternPiece[], mode: PatternMode): Pattern {
	const chars = pieces.length === 1 ? pieces[0].text : pieces.map((p) => p.text).join('');
	const kinds = new Uint8Array(chars.length);
	let wild = false;
	let allStars = chars.length > 0;
	let at = 0;
	for (const p of pieces) {
		for (let i = 0; i < p.text.length; i++, at++) {
			const c = p.text.charCodeAt(i);
			const kind = !p.glob ? LITERAL : c === 42 /* * */ ? STAR : c === 63 /* ? */ ? ONE : LITERAL;
			kinds[at] = kind;
			if (kind !== LITERAL) wild = true;
			if (kind !== STAR) allStars = false;
		}
	}
	if (!wild) return new Pattern(EXACT, chars, null, null);
	if (allStars) return new Pattern(ANY, chars, null, null);
	const colons: number[] = [];
	if (mode !== 'plain')
		for (let i = chars.indexOf(':'); i >= 0 && colons.length < 5; i = chars.indexOf(':', i + 1))
			colons.push(i);
	if (colons.length < 5) return plain(chars, kinds);
	return segmented(chars, kinds, colons, mode === 'resource');
}

/** A glob over the whole value; a literal prefix with one trailing star is checked with one comparison. */
function plain(chars: string, kinds: Uint8Array): Pattern {
	const last = chars.length - 1;
	return kinds.indexOf(STAR) === last && !kinds.includes(ONE)
		? new Pattern(PREFIX, chars.slice(0, last), null, null)
		: new Pattern(GLOB, chars, new Glob(chars, kinds), null);
}

/** A pattern with five colons: a plain glob when no wildcard of the first five parts is confined to its part. */
function segmented(
	chars: string,
	kinds: Uint8Array,
	colons: number[],
	spanTrailing: boolean
): Pattern {
	const span: boolean[] = [];
	let confined = false;
	for (let k = 0, start = 0; k < 5; start = colons[k] + 1, k++) {
		const end = colons[k];
		const spans = spanTrailing && end > start && kinds[end - 1] === STAR;
		span.push(spans);
		for (let i = start; i < (spans ? end - 1 : end); i++) if (kinds[i] !== LITERAL) confined = true;
	}
	// only part-ending stars that run on: the pattern is a plain glob of the whole value
	if (!confined) return plain(chars, kinds);
	const parts: Glob[] = [];
	for (let k = 0, start = 0; k < 5; start = colons[k] + 1, k++)
		parts.push(new Glob(chars.slice(start, colons[k]), kinds.subarray(start, colons[k])));
	const rest = new Glob(chars.slice(colons[4] + 1), kinds.subarray(colons[4] + 1));
	return new Pattern(SEGMENTS, chars, null, new ArnSegments(parts, span, rest));
}

const resourceCache = new Map<string, Pattern>();

/** A Resource / NotResource ARN pattern as written (no variables), compiled once and shared. */
export function resourcePattern(text: string): Pattern {
	let p = resourceCache.get(text);
	if (p === undefined) {
		p = compilePattern([{ text, glob: true }], 'resource');
		if (resourceCache.size > 50000) resourceCache.clear();
		resourceCache.set(text, p);
	}
	return p;
}

/** Does an ARN match a Resource-style ARN pattern (wildcards per part, case-sensitive)? */
export const matchArn = (pattern: string, arn: string): boolean =>
	resourcePattern(pattern).test(arn);
