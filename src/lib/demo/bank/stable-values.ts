/**
 * Deterministic stand-ins for values AWS generates (unique ids, creation dates), derived from a
 * seed string so that regenerating the demo collection gives byte-identical files.
 */

/** FNV-1a over a string, with a salt so one seed yields several independent numbers. */
function hash(seed: string, salt: number): number {
	let h = (0x811c9dc5 ^ salt) >>> 0;
	for (let i = 0; i < seed.length; i++) {
		h ^= seed.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** An IAM unique id such as AIDA… / AROA… / ANPA…: the prefix plus 17 characters. */
export function uniqueId(prefix: string, seed: string): string {
	let out = prefix;
	for (let i = 0; out.length < prefix.length + 17; i++)
		out += ALPHABET[hash(seed, i) % ALPHABET.length];
	return out;
}

/** A v4-shaped UUID (for KMS key ids). */
export function uuid(seed: string): string {
	const hex = Array.from({ length: 8 }, (_, i) =>
		hash(seed, 200 + i)
			.toString(16)
			.padStart(8, '0')
	).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A date in AWS CLI v2 form ("2024-03-13T18:42:09+00:00"), `days` after `from`, at a seeded time. */
export function cliDate(seed: string, from = '2021-06-01', spanDays = 900): string {
	const start = Date.parse(`${from}T00:00:00Z`);
	const day = hash(seed, 300) % spanDays;
	const second = hash(seed, 301) % 86400;
	return new Date(start + day * 86400000 + second * 1000).toISOString().replace('.000Z', '+00:00');
}
