/**
 * The Access view's drawing on the graph: a principal's role chains (assume edges, labelled
 * "assumes") and its escalation paths, step by step (labelled with the technique id and the step
 * number), as extra Cytoscape edge definitions on top of the view. Pure: the analyses
 * (src/lib/analysis) decide the steps and chains; this module only turns them into edges between
 * graph node ids, and says which nodes must be visible for them.
 */
import type { AssumeEdge } from '../analysis/assume/assume';
import type { EscalationPath } from '../analysis/escalation/escalation';
import type { EdgeDefinition } from './elements';

/** What to draw, and the nodes it needs on screen. */
export interface AccessOverlay {
	edges: EdgeDefinition[];
	/** Graph node ids the edges join (to reveal before drawing). */
	nodes: string[];
	/** Node ids to ring (the path's ends). */
	ends: string[];
}

/** The empty overlay. */
export const NO_OVERLAY: AccessOverlay = { edges: [], nodes: [], ends: [] };

/**
 * Edges for escalation paths and role chains. `nodeOf` maps an ARN to its graph node id (null when
 * the snapshot has no node for it: such steps are drawn to the principal whose permissions are gained).
 */
export function accessOverlay(
	paths: EscalationPath[],
	chains: AssumeEdge[][],
	nodeOf: (arn: string) => string | null
): AccessOverlay {
	const edges = new Map<string, EdgeDefinition>();
	const nodes = new Set<string>();
	const ends = new Set<string>();
	const add = (
		from: string | null,
		to: string | null,
		kind: 'escalates' | 'may-assume',
		display: string,
		cls: string
	) => {
		if (!from || !to) return;
		const id = `access:${kind}:${from}->${to}:${display}`;
		if (edges.has(id)) return;
		nodes.add(from).add(to);
		edges.set(id, {
			group: 'edges',
			data: { id, source: from, target: to, kind, display },
			classes: cls
		});
	};
	for (const chain of chains)
		for (const e of chain)
			add(nodeOf(e.from), nodeOf(e.to), 'may-assume', 'assumes', 'access-chain');
	for (const path of paths) {
		path.steps.forEach((s, i) => {
			const from = nodeOf(s.from);
			// self-escalation acts on a policy or group of its own: draw it to that object when it is on the graph
			const to = s.to === s.from ? (nodeOf(s.target) ?? from) : (nodeOf(s.to) ?? nodeOf(s.target));
			add(from, to, 'escalates', `${i + 1}. ${s.technique}`, 'access-step');
		});
		const first = path.steps[0] && nodeOf(path.steps[0].from);
		const last = nodeOf(path.reaches);
		if (first) ends.add(first);
		if (last) ends.add(last);
	}
	return { edges: [...edges.values()], nodes: [...nodes], ends: [...ends] };
}
