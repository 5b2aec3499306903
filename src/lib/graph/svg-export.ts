/**
 * Renders positioned elements (elements.ts) to standalone SVG text for the "export SVG" button:
 * the same shapes, glyphs, labels, line styles and trace colours as the canvas, from the same
 * theme. Written here because the cytoscape-svg extension is GPL. All text is XML-escaped, and
 * characters XML 1.0 forbids are dropped, so the file is always well-formed.
 */
import type { ElementDefinition, NodeDefinition } from './elements';
import { CURVE_BEND, NODE_SIZE, TAG_SIZE, type Point } from './geometry';
import { EDGE_LOOK, KIND_LOOK } from './shapes';
import type { GraphTheme } from './theme';

/**
 * Characters XML 1.0 forbids even escaped: C0 controls but tab/LF/CR, lone surrogates, U+FFFE
 * and U+FFFF. A name holding one (U+0001 in an IAM user name) made the file unreadable.
 */
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

/** Escape text for XML content and attribute values, dropping the characters XML forbids. */
export const xmlEscape = (s: string): string =>
	s
		.replace(XML_FORBIDDEN, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');

const polygon = (n: number, r: number, rot = -Math.PI / 2): Point[] =>
	Array.from({ length: n }, (_, i) => ({
		x: r * Math.cos(rot + (i * 2 * Math.PI) / n),
		y: r * Math.sin(rot + (i * 2 * Math.PI) / n)
	}));
const pts = (ps: Point[], c: Point) =>
	ps.map((p) => `${(c.x + p.x).toFixed(1)},${(c.y + p.y).toFixed(1)}`).join(' ');

/** The SVG markup of a Cytoscape shape centred on `c` with size `s`. */
export function shapeSvg(shape: string, c: Point, s: number, attrs: string): string {
	const h = s / 2;
	switch (shape) {
		case 'ellipse':
			return `<ellipse cx="${c.x}" cy="${c.y}" rx="${h}" ry="${h}" ${attrs}/>`;
		case 'rectangle':
			return `<rect x="${c.x - h}" y="${c.y - h}" width="${s}" height="${s}" ${attrs}/>`;
		case 'round-rectangle':
		case 'barrel':
			return `<rect x="${c.x - h}" y="${c.y - h}" width="${s}" height="${s}" rx="${shape === 'barrel' ? h / 2 : 8}" ${attrs}/>`;
		case 'bottom-round-rectangle':
			return `<path d="M${c.x - h},${c.y - h} H${c.x + h} V${c.y + h - 8} Q${c.x + h},${c.y + h} ${c.x + h - 8},${c.y + h} H${c.x - h + 8} Q${c.x - h},${c.y + h} ${c.x - h},${c.y + h - 8} Z" ${attrs}/>`;
		case 'diamond':
			return `<polygon points="${pts(polygon(4, h), c)}" ${attrs}/>`;
		case 'triangle':
			return `<polygon points="${pts(polygon(3, h), c)}" ${attrs}/>`;
		case 'pentagon':
			return `<polygon points="${pts(polygon(5, h), c)}" ${attrs}/>`;
		case 'hexagon':
			return `<polygon points="${pts(polygon(6, h, 0), c)}" ${attrs}/>`;
		case 'round-octagon':
		case 'cut-rectangle':
			return `<polygon points="${pts(polygon(8, h * 1.08, Math.PI / 8), c)}" ${attrs}/>`;
		case 'star': {
			const outer = polygon(5, h);
			const inner = polygon(5, h * 0.45, -Math.PI / 2 + Math.PI / 5);
			return `<polygon points="${pts(
				outer.flatMap((p, i) => [p, inner[i]]),
				c
			)}" ${attrs}/>`;
		}
		default:
			return `<rect x="${c.x - h}" y="${c.y - h}" width="${s}" height="${s}" ${attrs}/>`;
	}
}

const has = (classes: string, c: string) => ` ${classes} `.includes(` ${c} `);

function nodeSvg(n: NodeDefinition, theme: GraphTheme): string {
	const { kind } = n.data;
	const tag = kind === 'scp' || kind === 'rcp';
	const size = tag ? TAG_SIZE : NODE_SIZE;
	const c = n.position;
	let stroke = theme.kinds[kind].line;
	let width = has(n.classes, 'expandable') ? 3 : 2;
	let dash = '';
	if (has(n.classes, 'tr-path')) [stroke, width] = [theme.path, 4];
	if (has(n.classes, 'tr-allow')) [stroke, width] = [theme.allow, 6];
	if (has(n.classes, 'tr-gap')) [stroke, width, dash] = [theme.gap, 6, ' stroke-dasharray="8 5"'];
	if (has(n.classes, 'tr-deny')) [stroke, width] = [theme.deny, 8];
	const opacity = has(n.classes, 'tr-dim') ? ' opacity="0.22"' : '';
	const parts: string[] = [`<g${opacity}>`];
	if (has(n.classes, 'tr-subject') || has(n.classes, 'tr-object'))
		parts.push(
			`<circle cx="${c.x}" cy="${c.y}" r="${size / 2 + 12}" fill="${theme.focus}" fill-opacity="0.25"/>`
		);
	parts.push(
		shapeSvg(
			KIND_LOOK[kind].shape,
			c,
			size,
			`fill="${theme.kinds[kind].fill}" stroke="${stroke}" stroke-width="${width}"${dash}`
		)
	);
	const gs = n.data.glyph.length > 2 ? 10 : n.data.glyph.length > 1 ? 12 : 15;
	if (n.data.glyph)
		parts.push(
			`<text x="${c.x}" y="${c.y}" dy="0.35em" text-anchor="middle" font-weight="700" font-size="${tag ? 11 : gs * (size / 30)}" fill="${theme.kinds[kind].line}">${xmlEscape(n.data.glyph)}</text>`
		);
	const lines = tag
		? [n.data.label.length > 20 ? n.data.label.slice(0, 19) + '…' : n.data.label]
		: n.data.display.split('\n');
	const color = has(n.classes, 'tr-deny')
		? theme.deny
		: has(n.classes, 'tr-gap')
			? theme.gap
			: has(n.classes, 'tr-allow')
				? theme.allow
				: theme.text;
	const [lx, ly, anchor] = tag
		? [c.x + size / 2 + 4, c.y, 'start']
		: [c.x, c.y + size / 2 + 16, 'middle'];
	lines.forEach((line, i) =>
		parts.push(
			`<text x="${lx}" y="${ly + i * 16}" ${tag ? 'dy="0.35em" ' : ''}text-anchor="${anchor}" font-size="${tag ? 11 : 13}" fill="${color}" stroke="${theme.labelHalo}" stroke-width="3" paint-order="stroke">${xmlEscape(line)}</text>`
		)
	);
	parts.push('</g>');
	return parts.join('');
}

/** The title and the trace marks, so an exported picture explains itself. */
function legendSvg(theme: GraphTheme, title: string, at: Point): string {
	const marks: Array<[string, string, string]> = [
		['✓ allows', theme.allow, ''],
		['✕ DENIES (explicit Deny)', theme.deny, ''],
		['⚠ GAP: no Allow here', theme.gap, ' stroke-dasharray="5 3"'],
		['path to the principal / resource', theme.path, '']
	];
	let x = at.x;
	const parts = [
		`<text x="${at.x}" y="${at.y}" font-size="20" font-weight="700" fill="${theme.text}">${xmlEscape(title)}</text>`
	];
	for (const [label, color, dash] of marks) {
		parts.push(
			`<circle cx="${x + 8}" cy="${at.y + 26}" r="7" fill="none" stroke="${color}" stroke-width="3.5"${dash}/>`
		);
		parts.push(
			`<text x="${x + 22}" y="${at.y + 31}" font-size="13" fill="${theme.text}">${xmlEscape(label)}</text>`
		);
		x += 40 + label.length * 7.5;
	}
	return `<g class="legend">${parts.join('')}</g>`;
}

/** Standalone SVG text of the given (visible) elements in a theme, with a title. */
export function exportSvg(
	elements: ElementDefinition[],
	theme: GraphTheme,
	title = 'IAM Atlas'
): string {
	const nodes = elements.filter(
		(e): e is NodeDefinition => e.group === 'nodes' && !has(e.classes, 'focus-hidden')
	);
	const at = new Map(nodes.map((n) => [n.data.id, n]));
	const xs = nodes.map((n) => n.position.x);
	const ys = nodes.map((n) => n.position.y);
	const pad = 120;
	const minX = Math.min(0, ...xs) - pad;
	const minY = Math.min(0, ...ys) - pad - 60;
	const w = Math.max(0, ...xs) - minX + pad + 100;
	const h = Math.max(0, ...ys) - minY + pad;
	const out: string[] = [
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX} ${minY} ${w} ${h}" width="${Math.round(w)}" height="${Math.round(h)}" font-family="DejaVu Sans, Arial, sans-serif">`,
		`<title>${xmlEscape(title)}</title>`,
		`<defs>${['edge', 'path', 'allow', 'deny'].map((k) => `<marker id="arrow-${k}" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="12" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${k === 'edge' ? theme.edge : theme[k as 'path']}"/></marker>`).join('')}</defs>`,
		`<rect x="${minX}" y="${minY}" width="${w}" height="${h}" fill="${theme.background}"/>`
	];
	out.push(legendSvg(theme, title, { x: minX + 24, y: minY + 34 }));
	for (const e of elements) {
		if (e.group !== 'edges' || has(e.classes, 'focus-hidden')) continue;
		const a = at.get(e.data.source);
		const b = at.get(e.data.target);
		if (!a || !b) continue;
		const look = EDGE_LOOK[e.data.kind];
		const tone = has(e.classes, 'tr-deny')
			? 'deny'
			: has(e.classes, 'tr-allow')
				? 'allow'
				: has(e.classes, 'tr-path')
					? 'path'
					: 'edge';
		const color = tone === 'edge' ? theme.edge : theme[tone as 'path'];
		const width = tone === 'edge' ? 1.5 : tone === 'path' ? 4 : 5;
		const dash =
			look.line === 'dashed'
				? ' stroke-dasharray="8 5"'
				: look.line === 'dotted'
					? ' stroke-dasharray="2 4"'
					: '';
		const dx = b.position.x - a.position.x;
		const dy = b.position.y - a.position.y;
		const len = Math.hypot(dx, dy) || 1;
		const r = NODE_SIZE / 2 + 2;
		const end = { x: b.position.x - (dx / len) * r, y: b.position.y - (dy / len) * r };
		const opacity = has(e.classes, 'tr-dim') ? ' opacity="0.22"' : '';
		const marker = look.arrow ? ` marker-end="url(#arrow-${tone})"` : '';
		if (look.curved) {
			// Same bow as the canvas: the control point sits CURVE_BEND off the middle (twice, for a quadratic).
			const c = {
				x: (a.position.x + b.position.x) / 2 - (dy / len) * 2 * CURVE_BEND,
				y: (a.position.y + b.position.y) / 2 + (dx / len) * 2 * CURVE_BEND
			};
			const cl = Math.hypot(b.position.x - c.x, b.position.y - c.y) || 1;
			const tip = {
				x: b.position.x - ((b.position.x - c.x) / cl) * r,
				y: b.position.y - ((b.position.y - c.y) / cl) * r
			};
			out.push(
				`<path d="M${a.position.x},${a.position.y} Q${c.x.toFixed(1)},${c.y.toFixed(1)} ${tip.x.toFixed(1)},${tip.y.toFixed(1)}" fill="none" stroke="${color}" stroke-width="${width}"${dash}${marker}${opacity}/>`
			);
		} else
			out.push(
				`<line x1="${a.position.x}" y1="${a.position.y}" x2="${end.x.toFixed(1)}" y2="${end.y.toFixed(1)}" stroke="${color}" stroke-width="${width}"${dash}${marker}${opacity}/>`
			);
	}
	for (const n of nodes) out.push(nodeSvg(n, theme));
	out.push('</svg>');
	return out.join('\n');
}
