/**
 * The Cytoscape stylesheet, built from a theme (theme.ts) as plain data plus small mapper
 * functions: shapes and glyphs per kind, labels with a halo, edge line styles per kind, and the
 * trace classes (allow: thick solid green; deny: thick double red; gap: dashed amber; the rest
 * faded; line styles and words from trace-vocabulary.ts), each also spelled out under the node
 * (trace-classes.ts traceBadges).
 */
import { CURVE_BEND, NODE_SIZE, LABEL_W, TAG_SIZE } from './geometry';
import type { EdgeKind, NodeKind } from './kinds';
import { EDGE_LOOK, KIND_LOOK, RESOURCE_GLYPHS } from './shapes';
import type { GraphTheme } from './theme';
import { TRACE_MARKS } from './trace-vocabulary';

/** One stylesheet rule. */
export interface StyleRule {
	selector: string;
	style: Record<string, string | number>;
}

const glyphCache = new Map<string, string>();

/** A data: URL of an SVG drawing `glyph` in `color`, used as a node's background image. */
export function glyphImage(glyph: string, color: string): string {
	const key = `${glyph}|${color}`;
	let url = glyphCache.get(key);
	if (!url) {
		const size = glyph.length > 2 ? 15 : glyph.length > 1 ? 18 : 22;
		const esc = glyph.replace(/&/g, '&amp;').replace(/</g, '&lt;');
		const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="44" height="44" viewBox="0 0 44 44"><text x="22" y="22" dy="0.35em" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-weight="700" font-size="${size}" fill="${color}">${esc}</text></svg>`;
		url = `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
		glyphCache.set(key, url);
	}
	return url;
}

/** The stylesheet for a theme. */
export function buildStyle(theme: GraphTheme): StyleRule[] {
	const kindRules: StyleRule[] = (Object.keys(KIND_LOOK) as NodeKind[]).map((kind) => ({
		selector: `node[kind = "${kind}"]`,
		style: {
			shape: KIND_LOOK[kind].shape,
			'background-color': theme.kinds[kind].fill,
			'border-color': theme.kinds[kind].line,
			'background-image': glyphImage(KIND_LOOK[kind].glyph, theme.kinds[kind].line)
		}
	}));
	// Static values per selector (no function mappers) keep Cytoscape's style cache effective.
	const resourceGlyphs: StyleRule[] = RESOURCE_GLYPHS.map((glyph) => ({
		selector: `node[kind = "resource"][glyph = "${glyph}"]`,
		style: { 'background-image': glyphImage(glyph, theme.kinds.resource.line) }
	}));
	const edgeRules: StyleRule[] = (Object.keys(EDGE_LOOK) as EdgeKind[]).map((kind) => ({
		selector: `edge[kind = "${kind}"]`,
		style: {
			'line-style': EDGE_LOOK[kind].line,
			'target-arrow-shape': EDGE_LOOK[kind].arrow ? 'triangle' : 'none',
			...(EDGE_LOOK[kind].curved
				? {
						'curve-style': 'unbundled-bezier',
						'control-point-distances': CURVE_BEND,
						'control-point-weights': 0.5
					}
				: {}),
			// Arrowless structural edges are the most numerous: haystack is Cytoscape's cheapest edge.
			...(EDGE_LOOK[kind].arrow || EDGE_LOOK[kind].curved
				? {}
				: { 'curve-style': 'haystack', 'haystack-radius': 0 })
		}
	}));
	return [
		{
			selector: 'node',
			style: {
				width: NODE_SIZE,
				height: NODE_SIZE,
				'border-width': 2,
				'background-fit': 'contain',
				'background-clip': 'none',
				label: 'data(display)',
				color: theme.text,
				'font-family': 'DejaVu Sans, Arial, sans-serif',
				'font-size': 13,
				'text-valign': 'bottom',
				'text-halign': 'center',
				'text-margin-y': 5,
				'text-wrap': 'wrap',
				'text-max-width': `${LABEL_W}px`,
				'text-background-color': theme.labelHalo,
				'text-background-opacity': 0.85,
				'text-background-padding': '2px',
				'min-zoomed-font-size': 6
			}
		},
		...kindRules,
		...resourceGlyphs,
		{
			selector: 'node[kind = "root"], node[kind = "ou"], node[kind = "account"]',
			style: { 'font-weight': 'bold' }
		},
		{
			selector: 'node[kind = "scp"], node[kind = "rcp"]',
			style: {
				width: TAG_SIZE,
				height: TAG_SIZE,
				label: 'data(label)',
				'font-size': 11,
				'text-valign': 'center',
				'text-halign': 'right',
				'text-margin-x': 4,
				'text-margin-y': 0,
				'text-wrap': 'ellipsis',
				'text-max-width': '130px'
			}
		},
		{ selector: 'node.expandable', style: { 'border-width': 3 } },
		{
			selector: 'edge',
			style: {
				width: 1.5,
				'line-color': theme.edge,
				'target-arrow-color': theme.edge,
				'arrow-scale': 0.9,
				'curve-style': 'straight',
				label: 'data(display)',
				'font-size': 11,
				color: theme.textMuted,
				'text-background-color': theme.labelHalo,
				'text-background-opacity': 0.85,
				'text-rotation': 'autorotate',
				'min-zoomed-font-size': 8
			}
		},
		...edgeRules,
		{ selector: 'node.tr-path', style: { 'border-color': theme.path, 'border-width': 4 } },
		{
			selector: 'edge.tr-path',
			style: { 'line-color': theme.path, 'target-arrow-color': theme.path, width: 4 }
		},
		{
			selector: 'node.tr-allow',
			style: {
				'border-color': theme.allow,
				'border-width': 6,
				color: theme.allow,
				'font-weight': 'bold'
			}
		},
		{
			selector: 'edge.tr-allow',
			style: { 'line-color': theme.allow, 'target-arrow-color': theme.allow, width: 5 }
		},
		{
			selector: 'node.tr-gap',
			style: {
				'border-color': theme.gap,
				'border-width': 6,
				'border-style': TRACE_MARKS.gap.borderStyle,
				color: theme.gap,
				'font-weight': 'bold'
			}
		},
		{
			selector: 'node.tr-deny',
			style: {
				'border-color': theme.deny,
				'border-width': 9,
				'border-style': TRACE_MARKS.deny.borderStyle,
				color: theme.deny,
				'font-weight': 'bold'
			}
		},
		{
			selector: 'edge.tr-deny',
			style: { 'line-color': theme.deny, 'target-arrow-color': theme.deny, width: 6 }
		},
		{
			selector: 'node.tr-subject, node.tr-object',
			style: {
				'underlay-color': theme.focus,
				'underlay-opacity': 0.25,
				'underlay-padding': 12,
				'underlay-shape': 'ellipse',
				'font-weight': 'bold'
			}
		},
		{ selector: '.tr-dim', style: { opacity: 0.22 } },
		// Access view overlays (graph/access-edges.ts): role chains and escalation steps
		{
			selector: 'edge.access-chain',
			style: {
				'line-color': theme.path,
				'target-arrow-color': theme.path,
				width: 3,
				color: theme.path,
				'font-weight': 600
			}
		},
		{
			selector: 'edge.access-step',
			style: {
				'line-color': theme.deny,
				'target-arrow-color': theme.deny,
				width: 4,
				color: theme.deny,
				'font-size': 12,
				'font-weight': 700
			}
		},
		{ selector: 'node.access-end', style: { 'border-color': theme.deny, 'border-width': 4 } },
		{
			selector: 'node.search-hit',
			style: { 'underlay-color': theme.selected, 'underlay-opacity': 0.35, 'underlay-padding': 14 }
		},
		{
			selector: 'node:selected',
			style: { 'overlay-color': theme.selected, 'overlay-opacity': 0.18, 'overlay-padding': 8 }
		},
		{ selector: '.focus-hidden', style: { display: 'none' } }
	];
}
