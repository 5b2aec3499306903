/**
 * A saved view (model/snapshot.ts SavedView) drawn as a standalone SVG figure for the report: its
 * expansion laid out as the explorer lays it out, its traced question (when it has one) decided by
 * the evaluator and highlighted with the explorer's trace classes, rendered by svg-export.ts.
 * Pure: the caller passes the graph source and an evaluate function over the same snapshot.
 */
import type { EvalRequest, EvalResult } from '../engine/types';
import type { SavedView } from '../model/snapshot';
import { toElements } from './elements';
import type { GraphSource } from './graph-source';
import { buildView } from './graph-view';
import { extendLayout } from './layout';
import { exportSvg } from './svg-export';
import { LIGHT_THEME, type GraphTheme } from './theme';
import { traceBadges, traceClasses } from './trace-classes';

/** A saved view's figure and, when it traces a question, the decision and its reasons. */
export interface ViewFigure {
	svg: string;
	/** The evaluator's decision of the traced question; null when the view traces nothing. */
	result: EvalResult | null;
}

/** Draw one saved view; `evaluate` decides its traced question (principal, action and resource all set). */
export function viewFigure(
	source: GraphSource,
	saved: SavedView,
	evaluate: (req: EvalRequest) => EvalResult,
	theme: GraphTheme = LIGHT_THEME
): ViewFigure {
	const expanded = [...saved.expanded];
	const traced = saved.principal && saved.resource && saved.action;
	const subject = saved.principal ? source.principalNodeId(saved.principal) : null;
	const object = saved.resource ? source.objectNode(saved.resource) : null;
	// The nodes a trace needs on screen, as the explorer reveals them.
	for (const id of [
		...(subject ? [...(source.expansionsFor(subject) ?? []), subject] : []),
		...(object ? (source.expansionsFor(object.id) ?? []) : [])
	])
		if (!expanded.includes(id)) expanded.push(id);
	const view = buildView(source, expanded, object && !source.nodeFor(object.id) ? [object] : []);
	const positions = extendLayout(new Map(), view, source.rootId);
	const result = traced
		? evaluate({
				principal: saved.principal!,
				action: saved.action!,
				resource: saved.resource!,
				context: saved.context
			})
		: null;
	const classes =
		result && subject && object
			? traceClasses(result, {
					subject,
					object: object.id,
					nodes: view.nodes.keys(),
					edges: view.edges.values(),
					parent: view.parent
				})
			: new Map<string, string[]>();
	const elements = toElements(view, positions, { classes, badges: traceBadges(classes) });
	return { svg: exportSvg(elements, theme, saved.title || 'Saved view'), result };
}
