/**
 * Builds zip archives for tests and benchmarks, including what `zipSync` cannot: two entries
 * with the same path, and large entries of zeros deflated a slice at a time (a zip bomb of any
 * size without holding it in memory).
 */
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';

/** An entry: its name and its content (text, bytes, or zeros of a given length). */
export type ZipEntrySpec = [name: string, content: string | Uint8Array | { zeros: number }];

/** A zip of the entries, in order (duplicate names allowed). */
export function buildZip(entries: ZipEntrySpec[]): Uint8Array {
	const parts: Uint8Array[] = [];
	const zip = new Zip((err, chunk) => {
		if (err) throw err;
		parts.push(chunk);
	});
	for (const [name, content] of entries) {
		if (typeof content === 'object' && 'zeros' in content) {
			const f = new ZipDeflate(name, { level: 9 });
			zip.add(f);
			const slice = new Uint8Array(Math.min(content.zeros, 1 << 20));
			let left = content.zeros;
			while (left > slice.length) {
				f.push(slice);
				left -= slice.length;
			}
			f.push(slice.subarray(0, left), true);
		} else {
			const f = new ZipPassThrough(name);
			zip.add(f);
			f.push(typeof content === 'string' ? strToU8(content) : content, true);
		}
	}
	zip.end();
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

/**
 * A nested zip bomb: an archive of `inner` copies of one zip that holds `entries` entries of
 * `entryBytes` zeros each — every entry and every inner zip under the per-file limit, the whole
 * expanding to inner × entries × entryBytes.
 */
export function nestedZipBomb(inner: number, entries: number, entryBytes: number): Uint8Array {
	const one = buildZip(
		Array.from({ length: entries }, (_, i): ZipEntrySpec => [
			`zeros-${i}.json`,
			{ zeros: entryBytes }
		])
	);
	return buildZip(Array.from({ length: inner }, (_, i): ZipEntrySpec => [`inner-${i}.zip`, one]));
}
