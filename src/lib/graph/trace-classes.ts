/**
 * Turns an evaluator trace into highlight classes for the visible graph: the principal and the
 * resource, the org chains with each SCP/RCP level's verdict, the policies (and the edges to
 * them) that allowed or explicitly denied, the layer that failed to allow marked as the gap,
 * and everything else dimmed. Pure: (trace, visible elements) → { element id: class names }.
 */
import type { EvalResult, LayerTrace, PolicyTrace } from '../engine/types';
import { attachmentId, type GraphEdge } from './kinds';
import { TRACE_MARKS } from './trace-vocabulary';

/** The class names this module hands out (style.ts gives each its look; the legend explains them). */
export const TRACE_CLASS = {
	subject: 'tr-subject',
	object: 'tr-object',
	allow: 'tr-allow',
	deny: 'tr-deny',
	gap: 'tr-gap',
	path: 'tr-path',
	exempt: 'tr-exempt',
	dim: 'tr-dim'
} as const;

/** What the highlight needs to know besides the trace. */
export interface TraceTarget {
	/** Graph node of the principal (a session resolves to its role). */
	subject: string;
	/** Graph node of the resource. */
	object: string;
	/** Visible node ids. */
	nodes: Iterable<string>;
	/** Visible edges. */
	edges: Iterable<GraphEdge>;
	/** The layout parent of each visible node (to walk account → group → principal). */
	parent?: Map<string, string | null>;
}

const verdictClass = (v: string): string | null =>
	v === 'allow'
		? TRACE_CLASS.allow
		: v === 'deny'
			? TRACE_CLASS.deny
			: v === 'noAllow'
				? TRACE_CLASS.gap
				: v === 'exempt'
					? TRACE_CLASS.exempt
					: null;

/** Highlight classes for every visible node and edge, by element id. */
export function traceClasses(result: EvalResult, t: TraceTarget): Map<string, string[]> {
	const out = new Map<string, string[]>();
	const nodes = new Set(t.nodes);
	const between = new Map<string, string[]>();
	const allEdges: GraphEdge[] = [];
	const edgeIds = new Set<string>();
	for (const e of t.edges) {
		allEdges.push(e);
		edgeIds.add(e.id);
		for (const key of [`${e.source}|${e.target}`, `${e.target}|${e.source}`])
			between.set(key, [...(between.get(key) ?? []), e.id]);
	}
	const mark = (id: string, cls: string | null) => {
		if (!cls) return;
		if (!nodes.has(id) && !edgeIds.has(id)) return;
		const list = out.get(id) ?? [];
		if (!list.includes(cls)) list.push(cls);
		out.set(id, list);
	};
	const link = (a: string, b: string, cls: string) => {
		for (const id of between.get(`${a}|${b}`) ?? []) mark(id, cls);
	};
	mark(t.subject, TRACE_CLASS.subject);
	mark(t.object, TRACE_CLASS.object);

	const policyNode = (layer: LayerTrace, p: PolicyTrace): string => {
		if (layer.layer === 'resource')
			return p.attachedTo === t.subject ? t.subject : p.attachedTo || t.object;
		if (layer.layer === 'scp' || layer.layer === 'rcp')
			return attachmentId(p.policyId, p.attachedTo);
		return p.policyId;
	};
	for (const layer of result.layers) {
		for (const level of layer.levels ?? []) {
			mark(
				level.nodeId,
				layer.verdict === 'exempt' ? TRACE_CLASS.exempt : verdictClass(level.verdict)
			);
			for (const p of level.policies) {
				const id = attachmentId(p.policyId, level.nodeId);
				const cls = level.verdict === 'noAllow' ? TRACE_CLASS.gap : verdictClass(p.verdict);
				mark(id, cls);
				if (cls) link(id, level.nodeId, cls);
			}
		}
		if (layer.levels) {
			const ids = layer.levels.map((l) => l.nodeId);
			for (let i = 1; i < ids.length; i++) link(ids[i - 1], ids[i], TRACE_CLASS.path);
		}
		if (layer.layer === 'scp' || layer.layer === 'rcp') continue;
		for (const p of layer.policies) {
			const id = policyNode(layer, p);
			const cls = verdictClass(p.verdict);
			mark(id, cls);
			if (!cls) continue;
			if (p.via) {
				mark(p.via, TRACE_CLASS.path);
				link(p.via, id, cls);
				link(p.via, t.subject, TRACE_CLASS.path);
			} else link(p.attachedTo, id, cls);
			for (const e of between.get(`${id}|${t.object}`) ?? [])
				if (e.endsWith(':reaches')) mark(e, TRACE_CLASS.path);
		}
		// A resource policy (or trust policy) that decided lights the edge naming the principal.
		if (layer.layer === 'resource' && (layer.verdict === 'allow' || layer.verdict === 'deny'))
			link(t.subject, t.object, layer.verdict === 'allow' ? TRACE_CLASS.allow : TRACE_CLASS.deny);
		// Every policy of the layer that failed to allow is part of the gap.
		if (layer.verdict === 'noAllow' && layer.layer === result.gap)
			for (const p of layer.policies) {
				mark(policyNode(layer, p), TRACE_CLASS.gap);
				if (p.via) link(p.via, t.subject, TRACE_CLASS.path);
			}
	}
	if (result.gap) {
		const layer = result.layers.find((l) => l.layer === result.gap);
		if (result.gap === 'identity' || result.gap === 'session') mark(t.subject, TRACE_CLASS.gap);
		if (result.gap === 'resource' && !layer?.policies.length) mark(t.object, TRACE_CLASS.gap);
	}
	// The path from each chain's account down to the principal and to the resource.
	for (const end of [t.subject, t.object]) {
		let child = end;
		for (let parent = t.parent?.get(end); parent; parent = t.parent?.get(parent)) {
			for (const id of between.get(`${parent}|${child}`) ?? [])
				if (!out.has(id)) mark(id, TRACE_CLASS.path);
			if (out.get(parent)?.length) break;
			mark(parent, TRACE_CLASS.path);
			child = parent;
		}
	}
	for (const id of nodes) if (!out.has(id)) out.set(id, [TRACE_CLASS.dim]);
	for (const e of allEdges) if (!out.has(e.id)) out.set(e.id, [TRACE_CLASS.dim]);
	return out;
}

/** The words shown under a node for its trace role, so verdicts never rely on colour alone. */
export function traceBadges(classes: Map<string, string[]>): Map<string, string> {
	const out = new Map<string, string>();
	for (const [id, list] of classes) {
		if (id.includes('->')) continue;
		const words: string[] = [];
		if (list.includes(TRACE_CLASS.subject)) words.push('● principal');
		if (list.includes(TRACE_CLASS.object)) words.push('● resource');
		if (list.includes(TRACE_CLASS.deny)) words.push(TRACE_MARKS.deny.badge);
		else if (list.includes(TRACE_CLASS.gap)) words.push(TRACE_MARKS.gap.badge);
		else if (list.includes(TRACE_CLASS.allow)) words.push(TRACE_MARKS.allow.badge);
		else if (list.includes(TRACE_CLASS.exempt)) words.push('exempt');
		if (words.length) out.set(id, words.join(' · '));
	}
	return out;
}
