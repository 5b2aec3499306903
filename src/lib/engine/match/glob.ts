/**
 * Wildcard patterns of IAM policies (`*` any run of characters, `?` one character) as regular
 * expressions: action names (case-insensitive) and ARNs (case-sensitive, matched per segment).
 */

const SPECIAL = /[.*+?^${}()|[\]\\/]/;
const SPECIAL_ALL = /[.*+?^${}()|[\]\\/]/g;

/** Escape a literal for use inside a regular expression. */
export const escapeRegex = (s: string): string =>
	SPECIAL.test(s) ? s.replace(SPECIAL_ALL, '\\$&') : s;

const escapeChar = (ch: string): string => (SPECIAL.test(ch) ? `\\${ch}` : ch);

/** Regex source for a glob; `star` is what `*` may span (e.g. `.*`, or `[^:]*` inside an ARN segment). */
export function globSource(glob: string, star = '.*', one = '.'): string {
	let out = '';
	for (const ch of glob) out += ch === '*' ? star : ch === '?' ? one : escapeChar(ch);
	return out;
}

/** True when the text holds a wildcard. */
export const hasWildcard = (s: string): boolean => s.includes('*') || s.includes('?');

/** A piece of a pattern: policy text (wildcards active) or literal text (substituted variables). */
export interface PatternPiece {
	text: string;
	glob: boolean;
}

/**
 * Regex source for an ARN pattern: the first five colon-separated segments are matched one by one
 * (a wildcard never spans a colon there); the resource part may hold colons. Patterns with fewer
 * than six segments are matched as a whole. With `spanTrailing` (Resource elements), a `*` that
 * ends a segment may expand beyond the colon (Resource element page); ARN condition operators
 * check each component separately (condition operators page), so they pass false.
 */
export function arnPiecesSource(pieces: PatternPiece[], spanTrailing = true): string {
	let total = 0;
	for (const p of pieces) for (const ch of p.text) if (ch === ':') total++;
	const segmented = total >= 5;
	let colons = 0;
	let out = '';
	for (let pi = 0; pi < pieces.length; pi++) {
		const p = pieces[pi];
		for (let i = 0; i < p.text.length; i++) {
			const ch = p.text[i];
			if (ch === ':') {
				colons++;
				out += ':';
				continue;
			}
			const inSegment = segmented && colons < 5;
			if (p.glob && ch === '*')
				out +=
					inSegment && !(spanTrailing && (p.text[i + 1] ?? pieces[pi + 1]?.text[0]) === ':')
						? '[^:]*'
						: '.*';
			else if (p.glob && ch === '?') out += inSegment ? '[^:]' : '.';
			else out += escapeChar(ch);
		}
	}
	return out;
}

/** Regex source for a plain ARN pattern (see arnPiecesSource). */
export const arnPatternSource = (pattern: string): string =>
	arnPiecesSource([{ text: pattern, glob: true }]);

/** A compiled matcher over lowercase action names (`service:Action`). */
export interface ActionMatcher {
	any: boolean;
	/** Names without wildcards (lowercase), or null when there are none. */
	exact: Set<string> | null;
	/** Patterns with wildcards (lowercase). */
	globs: string[];
	source: string[];
}

/** Compile action patterns (case-insensitive): exact names go to a set, wildcard patterns are kept as text. */
export function compileActions(patterns: string[]): ActionMatcher {
	let exact: Set<string> | null = null;
	const globs: string[] = [];
	let any = false;
	for (const raw of patterns) {
		const p = raw.toLowerCase();
		if (p === '*') any = true;
		else if (hasWildcard(p)) globs.push(p);
		else (exact ??= new Set()).add(p);
	}
	return { any, exact, globs, source: patterns };
}

/**
 * Does the text match a glob (`*` any run, `?` one character)? Greedy with backtracking to the last
 * `*`: linear in practice, and no regular expression to build for patterns that are tried once.
 */
export function globMatch(glob: string, text: string): boolean {
	let g = 0;
	let t = 0;
	let star = -1;
	let mark = 0;
	while (t < text.length) {
		const c = glob.charCodeAt(g);
		if (g < glob.length && (c === 63 /* ? */ || c === text.charCodeAt(t))) {
			g++;
			t++;
		} else if (g < glob.length && c === 42 /* * */) {
			star = g++;
			mark = t;
		} else if (star >= 0) {
			g = star + 1;
			t = ++mark;
		} else return false;
	}
	while (g < glob.length && glob.charCodeAt(g) === 42) g++;
	return g === glob.length;
}

/** Does a lowercase action name match? */
export function matchAction(m: ActionMatcher, actionLower: string): boolean {
	if (m.any || (m.exact !== null && m.exact.has(actionLower))) return true;
	for (const g of m.globs) if (globMatch(g, actionLower)) return true;
	return false;
}

const arnRegexCache = new Map<string, RegExp>();

/** A cached anchored regex for an ARN pattern. */
export function arnRegex(pattern: string): RegExp {
	let re = arnRegexCache.get(pattern);
	if (!re) {
		re = new RegExp(`^${arnPatternSource(pattern)}$`, 's');
		if (arnRegexCache.size > 50000) arnRegexCache.clear();
		arnRegexCache.set(pattern, re);
	}
	return re;
}

/** Does an ARN match an ARN pattern (wildcards per segment, case-sensitive)? */
export function matchArn(pattern: string, arn: string): boolean {
	if (pattern === '*') return true;
	if (!hasWildcard(pattern)) return pattern === arn;
	return arnRegex(pattern).test(arn);
}
