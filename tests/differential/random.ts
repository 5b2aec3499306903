/**
 * A small seeded pseudo-random generator (mulberry32) so every differential run builds the same
 * organizations and requests: a disagreement found once can be found again from its seed.
 */

/** Deterministic random choices from one 32-bit seed. */
export class Random {
	#state: number;

	constructor(seed: number) {
		this.#state = seed >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		this.#state = (this.#state + 0x6d2b79f5) >>> 0;
		let t = this.#state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** An integer in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** True with probability p. */
	chance(p: number): boolean {
		return this.next() < p;
	}

	/** One element of a non-empty list. */
	pick<T>(list: readonly T[]): T {
		return list[Math.floor(this.next() * list.length)];
	}

	/** Up to `max` distinct elements of a list, at least `min`. */
	some<T>(list: readonly T[], min: number, max: number): T[] {
		const count = Math.min(list.length, this.int(min, max));
		const pool = [...list];
		const out: T[] = [];
		while (out.length < count) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
		return out;
	}

	/** A lowercase alphanumeric string of the given length. */
	token(length: number): string {
		const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
		let s = '';
		for (let i = 0; i < length; i++) s += chars[Math.floor(this.next() * chars.length)];
		return s;
	}
}
