/**
 * An ARN pattern whose first five colon-separated parts hold wildcards that stay inside their part
 * (`arn:aws:sqs:*:111111111111:q?` under ArnLike, `arn:aws:s3:us-*-1:…` under Resource). Parts
 * 0–4 are globs over one colon-free field of the value; a part that ends in a `*` which may run on
 * past the colon (Resource elements, ADR 0010) matches a prefix of its field and lets the next
 * part start after any later colon. Candidate start positions are tracked as a set, never by
 * backtracking, so a match costs O(pattern × value).
 */
import type { Glob } from './glob';

/** The segmented form of an ARN pattern: five part globs, which of them span, and the rest. */
export class ArnSegments {
	readonly parts: Glob[];
	/** Per part: ends in a `*` that may run on past the colon. */
	readonly span: boolean[];
	/** After the fifth colon: a glob whose wildcards cross colons. */
	readonly rest: Glob;

	constructor(parts: Glob[], span: boolean[], rest: Glob) {
		this.parts = parts;
		this.span = span;
		this.rest = rest;
	}

	/** Does the whole value match? */
	test(v: string): boolean {
		// the candidate starts of the next part: `one` alone; or every field start after a colon at
		// index ≥ `after`; or the ascending list `many`
		let one = 0;
		let after = -1;
		let many: number[] | null = null;
		for (let k = 0; k < 5; k++) {
			const g = this.parts[k];
			const span = this.span[k];
			if (after < 0 && many === null) {
				const e = v.indexOf(':', one);
				if (e < 0 || !g.test(v, one, e)) return false;
				if (span) after = e;
				else one = e + 1;
				continue;
			}
			let found = -1;
			const next: number[] = [];
			let idx = 0;
			let c = after >= 0 ? v.indexOf(':', after) : -1;
			for (;;) {
				let s: number;
				if (many !== null) {
					if (idx >= many.length) break;
					s = many[idx++];
				} else {
					if (c < 0) break;
					s = c + 1;
				}
				const e = v.indexOf(':', s);
				// no colon after this field, so none after any later candidate either
				if (e < 0) break;
				c = e;
				if (!g.test(v, s, e)) continue;
				if (span) {
					found = e;
					break;
				}
				next.push(e + 1);
			}
			if (span) {
				if (found < 0) return false;
				after = found;
				many = null;
			} else if (next.length === 0) return false;
			else if (next.length === 1) {
				one = next[0];
				after = -1;
				many = null;
			} else {
				many = next;
				after = -1;
			}
		}
		const rest = this.rest;
		if (after < 0 && many === null) return rest.test(v, one, v.length);
		return this.#restFromAny(v, after, many);
	}

	/** Does the rest match from one of several candidate starts? One rightmost pass, then O(head) per candidate. */
	#restFromAny(v: string, after: number, many: number[] | null): boolean {
		const rest = this.rest;
		const head = rest.head;
		if (rest.tail === null) {
			const s = v.length - head.len;
			const candidate =
				many !== null
					? many.includes(s)
					: s > after && s >= 1 && v.charCodeAt(s - 1) === 58; /* : */
			return candidate && head.at(v, s);
		}
		const latest = rest.latestStart(v, v.length);
		if (latest < 0) return false;
		if (many !== null) {
			for (const s of many) {
				if (s + head.len > latest) return false;
				if (head.at(v, s)) return true;
			}
			return false;
		}
		for (let c = v.indexOf(':', after); c >= 0; c = v.indexOf(':', c + 1)) {
			if (c + 1 + head.len > latest) return false;
			if (head.at(v, c + 1)) return true;
		}
		return false;
	}
}
