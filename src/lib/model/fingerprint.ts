/**
 * A snapshot's content fingerprint: a hash of its organization and accounts in a canonical form
 * (object keys sorted, lists of things with an `arn` or `id` sorted by it), leaving out the meta
 * (name, import time, source files) and the notes and views. Two browsers that imported the same
 * data, in any order of files and at any time, get the same fingerprint, so a link can name the
 * snapshot it was made on. Synchronous and dependency-free (a 128-bit non-cryptographic hash: it
 * tells snapshots apart, it does not protect against forgery).
 */
import type { Snapshot } from './snapshot';

/** Length of the hex fingerprint. */
export const FINGERPRINT_LENGTH = 24;

const keyOf = (x: unknown): string | null => {
	if (!x || typeof x !== 'object' || Array.isArray(x)) return null;
	const o = x as Record<string, unknown>;
	if (typeof o.arn === 'string' && o.arn) return `arn\u0000${o.arn}`;
	if (typeof o.id === 'string' && o.id) return `id\u0000${o.id}`;
	if (typeof o.versionId === 'string') return `v\u0000${o.versionId}`;
	return null;
};

/** The canonical JSON text of a value (sorted keys; identified things sorted by arn/id). */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
	if (Array.isArray(value)) {
		const keys = value.map(keyOf);
		const items = value.map(canonicalJson);
		if (value.length > 1 && keys.every((k) => k !== null)) {
			const order = items.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : 1));
			return `[${order.map((i) => items[i]).join(',')}]`;
		}
		return `[${items.join(',')}]`;
	}
	const o = value as Record<string, unknown>;
	return `{${Object.keys(o)
		.filter((k) => o[k] !== undefined)
		.sort()
		.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
		.join(',')}}`;
}

/** A 128-bit hash of a string as 32 hex digits (four mixed 32-bit lanes over UTF-16 code units). */
export function hash128(text: string): string {
	let h1 = 0x9e3779b1,
		h2 = 0x85ebca77,
		h3 = 0xc2b2ae3d,
		h4 = 0x27d4eb2f;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 0x01000193);
		h2 = Math.imul(h2 ^ c, 0x5bd1e995);
		h3 = Math.imul(h3 ^ c, 0x1b873593) + h1;
		h4 = Math.imul(h4 ^ c, 0xcc9e2d51) + h2;
	}
	const fin = (h: number, k: number) => {
		h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
		h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35 ^ k);
		return ((h ^ (h >>> 16)) >>> 0).toString(16).padStart(8, '0');
	};
	const n = text.length;
	return fin(h1 ^ n, 1) + fin(h2 + h3, 2) + fin(h3 ^ h4, 3) + fin(h4 + h1, 4);
}

/** The content fingerprint of a snapshot (organization and accounts only). */
export function snapshotFingerprint(snapshot: Pick<Snapshot, 'organization' | 'accounts'>): string {
	return hash128(
		canonicalJson({ organization: snapshot.organization, accounts: snapshot.accounts })
	).slice(0, FINGERPRINT_LENGTH);
}
