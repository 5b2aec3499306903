/**
 * The trace's words and line patterns, in one place, so the legend, the graph's styles and
 * badges, the decision panel's headline and reasons, and the SVG export say the same thing:
 * allowed, explicit deny, implicit deny (and the gap: the layer with no Allow) and the path to
 * the principal and resource. Colours stay in theme.ts.
 */
import type { Decision, LayerName } from '../engine/types';

/** The marks a trace draws on the graph. */
export type TraceTone = 'allow' | 'deny' | 'gap' | 'path';

/** One trace mark: its words and how its outline is drawn. */
export interface TraceMark {
	/** The legend's line, e.g. "⚠ GAP: no Allow here". */
	legend: string;
	/** The short badge under a node, e.g. "⚠ GAP: no Allow". */
	badge: string;
	/** The node outline in Cytoscape's terms. */
	borderStyle: 'solid' | 'dashed' | 'double';
	/** The SVG `stroke-dasharray` of that outline ("" for a solid line). */
	dash: string;
}

/** Every trace mark. Explicit deny: double red; implicit deny's gap: dashed amber; allow: solid. */
export const TRACE_MARKS: Record<TraceTone, TraceMark> = {
	allow: { legend: '✓ allows', badge: '✓ allows', borderStyle: 'solid', dash: '' },
	deny: {
		legend: '✕ DENIES (explicit Deny)',
		badge: '✕ DENIES',
		borderStyle: 'double',
		dash: ''
	},
	gap: {
		legend: '⚠ GAP: no Allow here',
		badge: '⚠ GAP: no Allow',
		borderStyle: 'dashed',
		dash: '5 3'
	},
	path: {
		legend: 'path to the principal / resource',
		badge: '',
		borderStyle: 'solid',
		dash: ''
	}
};

/** The legend's order of the marks. */
export const TRACE_LEGEND_ORDER: readonly TraceTone[] = ['allow', 'deny', 'gap', 'path'];

/** What the legend says of nodes outside the decision. */
export const TRACE_DIMMED = 'not part of the decision';

/** Plain words for each layer, as the panel names them. */
export const LAYER_WORDS: Record<LayerName, string> = {
	rcp: 'resource control policies (RCPs)',
	scp: 'service control policies (SCPs)',
	resource: 'the resource policy',
	identity: 'identity policies',
	boundary: 'the permissions boundary',
	session: 'the session policy'
};

/** Which mark each decision wears. */
export const DECISION_TONE: Record<Decision, 'allow' | 'deny' | 'gap'> = {
	allowed: 'allow',
	explicitDeny: 'deny',
	implicitDeny: 'gap'
};

/** The decision as a headline: allowed, explicit deny, or implicit deny naming the gap. */
export function decisionHeadline(decision: Decision, gap: LayerName | null | undefined): string {
	if (decision === 'allowed') return 'ALLOWED';
	if (decision === 'explicitDeny') return 'DENIED — an explicit Deny statement matched';
	return `DENIED — no Allow in ${gap ? LAYER_WORDS[gap] : 'any policy'} (implicit deny)`;
}
