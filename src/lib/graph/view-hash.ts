/**
 * The explorer's shareable view as a URL hash: snapshot id, expanded nodes (in order), focus,
 * selection, traced principal / resource / action and request context. Pure encode/decode;
 * reading and writing `location.hash` is left to the UI (Explorer.svelte) and state/url-state.ts.
 * Unknown or malformed parts decode to defaults.
 */
import type { ContextValue } from '../engine/types';

/** Everything a link reopens. */
export interface ExplorerViewState {
	snapshot: string | null;
	expanded: string[];
	selected: string | null;
	focus: { id: string; hops: number } | null;
	principal: string | null;
	resource: string | null;
	action: string | null;
	context: Record<string, ContextValue>;
}

/** The view of a freshly opened snapshot. */
export const emptyViewState = (snapshot: string | null = null): ExplorerViewState => ({
	snapshot,
	expanded: [],
	selected: null,
	focus: null,
	principal: null,
	resource: null,
	action: null,
	context: {}
});

/** The hash (with its leading `#`) for a view. */
export function encodeViewHash(v: ExplorerViewState): string {
	const p = new URLSearchParams();
	if (v.snapshot) p.set('s', v.snapshot);
	if (v.expanded.length) p.set('x', JSON.stringify(v.expanded));
	if (v.selected) p.set('sel', v.selected);
	if (v.focus) p.set('f', `${v.focus.hops}:${v.focus.id}`);
	if (v.principal) p.set('p', v.principal);
	if (v.resource) p.set('r', v.resource);
	if (v.action) p.set('a', v.action);
	if (Object.keys(v.context).length) p.set('c', JSON.stringify(v.context));
	return `#${p.toString()}`;
}

const strings = (x: unknown): string[] =>
	Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : [];

function parseJson(text: string | null): unknown {
	if (!text) return null;
	try {
		return JSON.parse(text);
	} catch {
		return null;
	}
}

/** The view a hash describes (defaults for anything missing or malformed). */
export function decodeViewHash(hash: string): ExplorerViewState {
	const p = new URLSearchParams(hash.replace(/^#/, ''));
	const v = emptyViewState(p.get('s'));
	v.expanded = strings(parseJson(p.get('x')));
	v.selected = p.get('sel');
	const f = /^(\d+):(.+)$/.exec(p.get('f') ?? '');
	if (f) v.focus = { hops: Math.min(6, Math.max(1, Number(f[1]))), id: f[2] };
	v.principal = p.get('p');
	v.resource = p.get('r');
	v.action = p.get('a');
	const ctx = parseJson(p.get('c'));
	if (ctx && typeof ctx === 'object' && !Array.isArray(ctx))
		for (const [k, val] of Object.entries(ctx))
			if (['string', 'number', 'boolean'].includes(typeof val) || Array.isArray(val))
				v.context[k] = val as ContextValue;
	return v;
}
