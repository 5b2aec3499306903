/**
 * Parsing of typed condition values: numbers, dates (ISO 8601 or epoch seconds), booleans and
 * IPv4/IPv6 addresses and CIDR blocks. Every parser returns null for text it cannot read, so a
 * mis-typed policy value simply does not match.
 */

/** A number, or null. */
export function parseNumber(s: string): number | null {
	const t = s.trim();
	if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
	return Number(t);
}

/** A date as epoch milliseconds, or null: ISO 8601 text or epoch seconds (as the condition operators page allows). */
export function parseDate(s: string): number | null {
	const t = s.trim();
	if (/^\d+(\.\d+)?$/.test(t)) return Number(t) * 1000;
	if (!/^\d{4}-\d{2}-\d{2}/.test(t)) return null;
	const ms = Date.parse(t);
	return Number.isNaN(ms) ? null : ms;
}

/** "true" / "false" (case-insensitive) as a boolean, or null. */
export function parseBool(s: string): boolean | null {
	const t = s.trim().toLowerCase();
	return t === 'true' ? true : t === 'false' ? false : null;
}

/** An address or block: the address family, the address bits and the prefix length. */
export interface IpBlock {
	v6: boolean;
	bits: bigint;
	prefix: number;
}

function parseV4(s: string): bigint | null {
	const parts = s.split('.');
	if (parts.length !== 4) return null;
	let n = 0n;
	for (const p of parts) {
		if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null;
		n = (n << 8n) | BigInt(Number(p));
	}
	return n;
}

function parseV6(s: string): bigint | null {
	let text = s;
	if (text.includes('.')) {
		// an embedded IPv4 tail (::ffff:10.0.0.1) becomes two hex groups
		const lastColon = text.lastIndexOf(':');
		const v4 = parseV4(text.slice(lastColon + 1));
		if (v4 === null) return null;
		text = `${text.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
	}
	const halves = text.split('::');
	if (halves.length > 2) return null;
	const group = (h: string) => (h === '' ? [] : h.split(':'));
	const head = group(halves[0]);
	const rest = halves.length === 2 ? group(halves[1]) : [];
	const given = head.length + rest.length;
	if (halves.length === 1 ? given !== 8 : given > 7) return null;
	const zeros = halves.length === 2 ? 8 - given : 0;
	const words: bigint[] = [];
	for (const g of [...head, ...Array(zeros).fill('0'), ...rest]) {
		if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
		words.push(BigInt(parseInt(g, 16)));
	}
	return words.reduce((acc, w) => (acc << 16n) | w, 0n);
}

/** Parse an address or CIDR block (IPv4 or IPv6); null when malformed. */
export function parseIpBlock(s: string): IpBlock | null {
	const [addr, len, extra] = s.trim().split('/');
	if (extra !== undefined) return null;
	const v6 = addr.includes(':');
	const bits = v6 ? parseV6(addr) : parseV4(addr);
	if (bits === null) return null;
	const max = v6 ? 128 : 32;
	const prefix = len === undefined ? max : /^\d{1,3}$/.test(len) ? Number(len) : -1;
	if (prefix < 0 || prefix > max) return null;
	return { v6, bits, prefix };
}

/** Is the address inside the block (same family, same leading prefix bits)? */
export function ipInBlock(ip: IpBlock, block: IpBlock): boolean {
	if (ip.v6 !== block.v6) return false;
	const shift = BigInt((block.v6 ? 128 : 32) - block.prefix);
	return ip.bits >> shift === block.bits >> shift;
}
