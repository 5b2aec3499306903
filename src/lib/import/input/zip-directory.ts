/**
 * Reads a zip archive's central directory (the list of entries at its end, zip64 included)
 * without inflating anything, so the importer can check every entry's name and size first and
 * then inflate each one under its own budget (expand-zip.ts). Inflating is left to fflate.
 * The local header is used only to find where an entry's data starts, as unzip tools do.
 */

/** One entry of the central directory. */
export interface ZipEntry {
	name: string;
	/** 0 = stored, 8 = deflated; others are refused by the caller. */
	method: number;
	/** Bit 0: encrypted. */
	flags: number;
	compressedSize: number;
	/** The size the entry claims to expand to (it may lie; the inflater checks). */
	size: number;
	/** Where the entry's local header starts. */
	headerOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) =>
	(b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x100000000;

const names = new TextDecoder('utf-8');
const latin = new TextDecoder('latin1');

/** The archive's entries in directory order; throws an Error saying what is wrong with the archive. */
export function readZipDirectory(b: Uint8Array): ZipEntry[] {
	let end = -1;
	for (let o = b.length - 22; o >= Math.max(0, b.length - 22 - 0xffff); o--)
		if (u32(b, o) === EOCD) {
			end = o;
			break;
		}
	if (end < 0) throw new Error('no end-of-archive record: the file is cut short or not a zip');
	let count = u16(b, end + 10);
	let offset = u32(b, end + 16);
	if (
		(count === 0xffff || offset === 0xffffffff) &&
		end >= 20 &&
		u32(b, end - 20) === EOCD64_LOCATOR
	) {
		const at = u64(b, end - 12);
		if (at + 56 > b.length || u32(b, at) !== EOCD64) throw new Error('broken zip64 end record');
		count = u64(b, at + 32);
		offset = u64(b, at + 48);
	}
	const entries: ZipEntry[] = [];
	let o = offset;
	// Read records while they last, not `count` of them: writers without zip64 (fflate among
	// them) store the count of an archive of 100,000 entries modulo 65,536.
	while (o + 46 <= b.length && u32(b, o) === CENTRAL) {
		const flags = u16(b, o + 8);
		const nameLength = u16(b, o + 28);
		const extraLength = u16(b, o + 30);
		const commentLength = u16(b, o + 32);
		const rawName = b.subarray(o + 46, o + 46 + nameLength);
		const entry: ZipEntry = {
			// Bit 11: the name is UTF-8; otherwise CP437, read here as Latin-1 (close enough for paths).
			name: (flags & 0x800 ? names : latin).decode(rawName),
			method: u16(b, o + 10),
			flags,
			compressedSize: u32(b, o + 20),
			size: u32(b, o + 24),
			headerOffset: u32(b, o + 42)
		};
		readZip64Extra(b, o + 46 + nameLength, extraLength, entry);
		entries.push(entry);
		o += 46 + nameLength + extraLength + commentLength;
	}
	if (entries.length < count)
		throw new Error(`the list of entries is broken at entry ${entries.length + 1} of ${count}`);
	return entries;
}

/** Sizes and offsets over 4 GiB live in the zip64 extra field (id 1), in this order, when maxed out. */
function readZip64Extra(b: Uint8Array, start: number, length: number, e: ZipEntry): void {
	for (let o = start; o + 4 <= start + length;) {
		const id = u16(b, o);
		const size = u16(b, o + 2);
		if (id === 1) {
			let p = o + 4;
			if (e.size === 0xffffffff) {
				e.size = u64(b, p);
				p += 8;
			}
			if (e.compressedSize === 0xffffffff) {
				e.compressedSize = u64(b, p);
				p += 8;
			}
			if (e.headerOffset === 0xffffffff) e.headerOffset = u64(b, p);
			return;
		}
		o += 4 + size;
	}
}

/** The entry's stored bytes (still compressed); throws when they are not inside the archive. */
export function entryData(b: Uint8Array, e: ZipEntry): Uint8Array {
	const o = e.headerOffset;
	if (o + 30 > b.length || u32(b, o) !== LOCAL) throw new Error("an entry's header is missing");
	const start = o + 30 + u16(b, o + 26) + u16(b, o + 28);
	if (start + e.compressedSize > b.length)
		throw new Error('an entry runs past the end of the file');
	return b.subarray(start, start + e.compressedSize);
}
