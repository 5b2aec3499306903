/**
 * Wildcard globs without regular expressions: `*` any run of characters, `?` one character (UTF-16
 * code units, as the regular expressions this replaced), every other character itself, compared
 * case-sensitively (callers lowercase both sides where IAM ignores case). A glob is cut at its
 * stars into fixed-length blocks; the first block is anchored at the start, the last at the end,
 * and each block between is placed at its leftmost fit — which is optimal, since a later star can
 * absorb whatever an earlier placement leaves. No backtracking: a match costs at most
 * O(pattern × text), and a literal prefix, a literal suffix or a lone trailing `*` cost one
 * comparison each.
 */

/** True when the text holds a wildcard. */
export const hasWildcard = (s: string): boolean => s.includes('*') || s.includes('?');

/** What a pattern character is: itself, `?` (any one character) or `*` (any run). */
export const LITERAL = 0;
export const ONE = 1;
export const STAR = 2;

/** A star-free run of a glob: literal characters and `?` positions. */
class Block {
	readonly text: string;
	readonly len: number;
	/** 1 where the block has a `?`, or null when it has none (then `startsWith`/`indexOf` serve). */
	readonly ones: Uint8Array | null;

	constructor(text: string, ones: Uint8Array | null) {
		this.text = text;
		this.len = text.length;
		this.ones = ones;
	}

	/** Does the block match `v` at `p`? (The caller keeps `p + len` within the text.) */
	at(v: string, p: number): boolean {
		const ones = this.ones;
		// endsWith with an end position: V8 runs it several times faster than startsWith with a start
		if (ones === null) return v.endsWith(this.text, p + this.len);
		const t = this.text;
		for (let i = 0; i < t.length; i++)
			if (ones[i] === 0 && v.charCodeAt(p + i) !== t.charCodeAt(i)) return false;
		return true;
	}

	/** The leftmost p in [from, end - len] where the block matches, or -1. */
	find(v: string, from: number, end: number): number {
		const last = end - this.len;
		if (last < from) return -1;
		if (this.ones === null) {
			// indexOf is native and fast; it may read past `end`, so only where little lies beyond
			// (a short overrun) or where the range is long anyway (the overrun then costs at most the
			// range itself, once per 64 characters of it)
			if (v.length - end <= 64 || last - from > 64) {
				const i = v.indexOf(this.text, from);
				return i >= 0 && i <= last ? i : -1;
			}
			const first = this.text.charCodeAt(0);
			for (let p = from; p <= last; p++)
				if (v.charCodeAt(p) === first && v.endsWith(this.text, p + this.len)) return p;
			return -1;
		}
		for (let p = from; p <= last; p++) if (this.at(v, p)) return p;
		return -1;
	}

	/** The rightmost p in [from, end - len] where the block matches, or -1. */
	findLast(v: string, from: number, end: number): number {
		const last = end - this.len;
		if (last < from) return -1;
		if (this.ones === null && last - from > 32) {
			const i = v.lastIndexOf(this.text, last);
			return i >= from ? i : -1;
		}
		for (let p = last; p >= from; p--) if (this.at(v, p)) return p;
		return -1;
	}
}

const block = (chars: string, kinds: ArrayLike<number>, from: number, to: number): Block => {
	let ones: Uint8Array | null = null;
	for (let i = from; i < to; i++)
		if (kinds[i] === ONE) (ones ??= new Uint8Array(to - from))[i - from] = 1;
	return new Block(chars.slice(from, to), ones);
};

/** A compiled glob: blocks between stars; `tail` is null when the glob has no star. */
export class Glob {
	/** Anchored at the start (the whole glob when it has no star). */
	readonly head: Block;
	/** Between stars, each placed leftmost. */
	readonly mids: Block[];
	/** After the last star, anchored at the end; null when there is no star. */
	readonly tail: Block | null;
	/** The fewest characters a match needs. */
	readonly min: number;

	/**
	 * Compile from `chars` and, per character, its kind (LITERAL, ONE or STAR); a LITERAL `*` or
	 * `?` (a substituted variable, `${*}`) stands for itself.
	 */
	constructor(chars: string, kinds: ArrayLike<number>) {
		const cuts: number[] = [];
		for (let i = 0; i < chars.length; i++) if (kinds[i] === STAR) cuts.push(i);
		if (cuts.length === 0) {
			this.head = block(chars, kinds, 0, chars.length);
			this.mids = [];
			this.tail = null;
			this.min = chars.length;
			return;
		}
		this.head = block(chars, kinds, 0, cuts[0]);
		this.mids = [];
		for (let c = 0; c + 1 < cuts.length; c++)
			if (cuts[c + 1] > cuts[c] + 1) this.mids.push(block(chars, kinds, cuts[c] + 1, cuts[c + 1]));
		this.tail = block(chars, kinds, cuts[cuts.length - 1] + 1, chars.length);
		let min = this.head.len + this.tail.len;
		for (const b of this.mids) min += b.len;
		this.min = min;
	}

	/** A glob from text where every `*` and `?` is a wildcard. */
	static of(glob: string): Glob {
		const kinds = new Uint8Array(glob.length);
		for (let i = 0; i < glob.length; i++) {
			const c = glob.charCodeAt(i);
			kinds[i] = c === 42 ? STAR : c === 63 ? ONE : LITERAL;
		}
		return new Glob(glob, kinds);
	}

	/** Does the glob match the whole of v[from, to)? */
	test(v: string, from: number, to: number): boolean {
		const head = this.head;
		const tail = this.tail;
		if (tail === null) return to - from === head.len && head.at(v, from);
		if (to - from < this.min || !head.at(v, from)) return false;
		const end = to - tail.len;
		if (!tail.at(v, end)) return false;
		let pos = from + head.len;
		for (const b of this.mids) {
			const p = b.find(v, pos, end);
			if (p < 0) return false;
			pos = p + b.len;
		}
		return true;
	}

	/**
	 * For a glob with a star, the largest s such that everything after the head (`*` mids `*` tail)
	 * matches v[s', to) for any s' ≤ s; -1 when it matches from nowhere. The glob then matches
	 * v[p, to) exactly when `p + head.len <= s` and the head matches at p — so one pass answers
	 * for many start positions (blocks placed rightmost, the mirror of `test`).
	 */
	latestStart(v: string, to: number): number {
		const tail = this.tail!;
		let end = to - tail.len;
		if (end < this.head.len || !tail.at(v, end)) return -1;
		for (let i = this.mids.length - 1; i >= 0; i--) {
			const b = this.mids[i];
			end = b.findLast(v, 0, end);
			if (end < 0) return -1;
		}
		return end;
	}
}

/** Does the text match a glob (`*` any run, `?` one character)? Compiles each call: for one-off tests. */
export const globMatch = (glob: string, text: string): boolean =>
	Glob.of(glob).test(text, 0, text.length);
