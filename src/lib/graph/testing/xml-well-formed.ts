/**
 * A strict XML 1.0 well-formedness check for tests (no parser in the dependencies): every
 * character allowed by the Char production, names per NameStartChar/NameChar (ASCII subset
 * plus anything ≥ U+00C0), attributes quoted and unique, `<` and `&` only as markup, entity
 * and character references valid (and to allowed characters), elements properly nested, one
 * root. Returns null when well-formed, else the first problem with its offset.
 */

const CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const NAME = /^[A-Za-z_:\u00C0-\uFFFD][A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFD]*/;
const ENTITY = /^&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/;

const allowedCode = (n: number) =>
	n === 9 ||
	n === 10 ||
	n === 13 ||
	(n >= 0x20 && n <= 0xd7ff) ||
	(n >= 0xe000 && n <= 0xfffd) ||
	(n >= 0x10000 && n <= 0x10ffff);

/** Check character data (text or an attribute value): `&` starts a valid reference, no `<`. */
function checkText(text: string, at: number): string | null {
	for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', i + 1)) {
		const m = ENTITY.exec(text.slice(i, i + 12));
		if (!m) return `bad reference at ${at + i}`;
		const code = m[2] ? Number(m[2]) : m[3] ? parseInt(m[3], 16) : 0x20;
		if (!allowedCode(code)) return `reference to a forbidden character at ${at + i}`;
	}
	const lt = text.indexOf('<');
	return lt === -1 ? null : `stray "<" at ${at + lt}`;
}

/** null when `xml` is a well-formed XML 1.0 document, else the first problem. */
export function xmlProblem(xml: string): string | null {
	if (!CHAR.test(xml)) {
		const bad = [...xml].findIndex((c) => !CHAR.test(c));
		return `forbidden character U+${xml.codePointAt(bad)!.toString(16).toUpperCase().padStart(4, '0')}`;
	}
	const open: string[] = [];
	let roots = 0;
	let i = 0;
	if (xml.startsWith('<?xml')) i = xml.indexOf('?>') + 2;
	while (i < xml.length) {
		const lt = xml.indexOf('<', i);
		const text = xml.slice(i, lt === -1 ? xml.length : lt);
		if (open.length === 0 && text.trim() !== '') return `text outside the root at ${i}`;
		const t = checkText(text, i);
		if (t) return t;
		if (lt === -1) break;
		i = lt;
		if (xml.startsWith('<!--', i)) {
			const end = xml.indexOf('-->', i + 4);
			if (end === -1 || xml.slice(i + 4, end).includes('--')) return `bad comment at ${i}`;
			i = end + 3;
			continue;
		}
		if (xml.startsWith('<![CDATA[', i)) {
			const end = xml.indexOf(']]>', i);
			if (end === -1 || open.length === 0) return `bad CDATA at ${i}`;
			i = end + 3;
			continue;
		}
		const closing = xml[i + 1] === '/';
		const name = NAME.exec(xml.slice(i + (closing ? 2 : 1)));
		if (!name) return `bad tag name at ${i}`;
		i += (closing ? 2 : 1) + name[0].length;
		if (closing) {
			if (open.pop() !== name[0]) return `</${name[0]}> does not close the open element at ${i}`;
			const m = /^\s*>/.exec(xml.slice(i));
			if (!m) return `bad end tag at ${i}`;
			i += m[0].length;
			continue;
		}
		const seen = new Set<string>();
		for (;;) {
			const ws = /^\s*/.exec(xml.slice(i))![0].length;
			i += ws;
			if (xml.startsWith('/>', i) || xml[i] === '>') break;
			if (ws === 0) return `attributes must be separated by space at ${i}`;
			const attr = NAME.exec(xml.slice(i));
			if (!attr) return `bad attribute name at ${i}`;
			if (seen.has(attr[0])) return `attribute ${attr[0]} repeated at ${i}`;
			seen.add(attr[0]);
			i += attr[0].length;
			const eq = /^\s*=\s*(["'])/.exec(xml.slice(i));
			if (!eq) return `attribute ${attr[0]} has no quoted value at ${i}`;
			i += eq[0].length;
			const end = xml.indexOf(eq[1], i);
			if (end === -1) return `unterminated attribute at ${i}`;
			const v = checkText(xml.slice(i, end), i);
			if (v) return v;
			i = end + 1;
		}
		if (open.length === 0 && ++roots > 1) return `a second root element at ${i}`;
		if (xml.startsWith('/>', i)) i += 2;
		else {
			open.push(name[0]);
			i += 1;
		}
	}
	if (open.length) return `<${open.at(-1)}> is never closed`;
	return roots === 1 ? null : 'no root element';
}
