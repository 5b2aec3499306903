/**
 * Links that travel: the explorer's view as readable query parameters,
 *   ?snapshot=<fingerprint>&principal=<ARN>&resource=<ARN>&action=<action>&ctx.<key>=<value>
 * plus `expand` (repeated, in order), `selected` and `focus=<hops>:<id>` for the graph. The
 * snapshot is named by its content fingerprint (model/fingerprint.ts), so the link opens the same
 * view in any browser holding the same data; `ctx.` carries only the context keys the user set
 * (the rest are the defaults of engine/request/default-context.ts). Links of the older hash form
 * (graph/view-hash.ts, `#s=<store id>&p=…`) still decode. Pure encode/decode.
 */
import type { ContextValue } from '../engine/types';
import { decodeViewHash, emptyViewState, type ExplorerViewState } from './view-hash';

/** The query parameter prefix of context keys. */
export const CTX_PREFIX = 'ctx.';

const VIEW_PARAMS = ['snapshot', 'principal', 'resource', 'action', 'expand', 'selected', 'focus'];

/** Percent-encode, leaving the characters of ARNs and actions readable (`:`, `/`, `@`, `,`). */
const readable = (s: string) =>
	encodeURIComponent(s)
		.replace(/%3A/gi, ':')
		.replace(/%2F/gi, '/')
		.replace(/%40/gi, '@')
		.replace(/%2C/gi, ',');

const contextText = (v: string | number | boolean) => String(v);

/** The query string (with its leading `?`, or '' when empty) for a view. */
export function encodeViewQuery(v: ExplorerViewState): string {
	const parts: string[] = [];
	const add = (k: string, value: string) => parts.push(`${readable(k)}=${readable(value)}`);
	if (v.snapshot) add('snapshot', v.snapshot);
	if (v.principal) add('principal', v.principal);
	if (v.resource) add('resource', v.resource);
	if (v.action) add('action', v.action);
	for (const [k, value] of Object.entries(v.context))
		for (const one of Array.isArray(value) ? value : [value]) add(CTX_PREFIX + k, contextText(one));
	for (const id of v.expanded) add('expand', id);
	if (v.selected) add('selected', v.selected);
	if (v.focus) add('focus', `${v.focus.hops}:${v.focus.id}`);
	return parts.length ? `?${parts.join('&')}` : '';
}

/** A context value from its link text: true/false become booleans, the rest stays text. */
export function parseContextValue(text: string): ContextValue {
	return text === 'true' ? true : text === 'false' ? false : text;
}

/** True when the query carries any part of a view. */
export function hasViewQuery(search: URLSearchParams): boolean {
	for (const k of search.keys())
		if (VIEW_PARAMS.includes(k) || k.startsWith(CTX_PREFIX)) return true;
	return false;
}

/** The view a URL describes: its query parameters, else the older hash form; `legacy` says which. */
export function decodeViewLink(url: URL): ExplorerViewState & { legacy: boolean } {
	const q = url.searchParams;
	if (!hasViewQuery(q)) {
		const fromHash = decodeViewHash(url.hash);
		return { ...fromHash, legacy: url.hash.length > 1 };
	}
	const v = emptyViewState(q.get('snapshot') || null);
	v.principal = q.get('principal') || null;
	v.resource = q.get('resource') || null;
	v.action = q.get('action')?.trim() || null;
	const ctx: Record<string, ContextValue> = {};
	for (const [k, text] of q) {
		if (!k.startsWith(CTX_PREFIX) || k.length === CTX_PREFIX.length) continue;
		const key = k.slice(CTX_PREFIX.length);
		const value = parseContextValue(text);
		const prev = ctx[key];
		ctx[key] =
			prev === undefined
				? value
				: [...(Array.isArray(prev) ? prev : [prev]), value as string | boolean];
	}
	v.context = ctx;
	v.expanded = q.getAll('expand').filter(Boolean);
	v.selected = q.get('selected') || null;
	const f = /^(\d+):(.+)$/.exec(q.get('focus') ?? '');
	if (f) v.focus = { hops: Math.min(6, Math.max(1, Number(f[1]))), id: f[2] };
	return { ...v, legacy: false };
}

/** The URL's query with every view parameter removed (other parameters kept), as `?…` or ''. */
export function withoutViewQuery(url: URL): URLSearchParams {
	const rest = new URLSearchParams();
	for (const [k, v] of url.searchParams)
		if (!VIEW_PARAMS.includes(k) && !k.startsWith(CTX_PREFIX)) rest.append(k, v);
	return rest;
}
