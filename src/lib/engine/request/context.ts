/**
 * The request context: keys the snapshot lets us fill in (principal ARN, account, org id and paths,
 * tags, type, username, userid; resource account, org id, paths and tags), overridden by keys the
 * request supplies. Keys are case-insensitive, so everything is stored under lowercase names.
 */
import type { Tags } from '../../model/snapshot';
import { orgPathOf, type SnapshotIndex } from '../../model/snapshot-index';
import type { ContextValue } from '../types';
import type { ResolvedPrincipal } from './principal';

/** Context values as the engine reads them: lowercase key → string values, plus the original spelling. */
export type ContextMap = Map<string, { key: string; values: string[]; multi: boolean }>;

const put = (m: ContextMap, key: string, values: string | string[]) =>
	m.set(key.toLowerCase(), {
		key,
		values: Array.isArray(values) ? values : [values],
		multi: Array.isArray(values)
	});

/** An account's organization facts: the org id and its path (`o-x/r-root/ou-a/`), or null outside the org. */
export function orgFacts(
	index: SnapshotIndex,
	account: string | null
): { orgId: string; path: string } | null {
	const org = index.snapshot.organization;
	if (!org || !account) return null;
	const chain = orgPathOf(index, account);
	if (chain.length === 0) return null;
	return { orgId: org.id, path: `${org.id}/${chain.slice(0, -1).join('/')}/` };
}

function putTags(m: ContextMap, prefix: string, tags: Tags) {
	for (const [k, v] of Object.entries(tags)) put(m, `${prefix}/${k}`, v);
}

/** The context keys a principal brings (computed once per principal). */
export function principalContext(index: SnapshotIndex, p: ResolvedPrincipal): ContextMap {
	const m: ContextMap = new Map();
	if (p.kind === 'anonymous') return m;
	if (p.kind === 'service') {
		put(m, 'aws:PrincipalServiceName', p.input);
		put(m, 'aws:PrincipalIsAWSService', 'true');
		return m;
	}
	if (p.kind === 'federatedProvider') return m;
	put(m, 'aws:PrincipalIsAWSService', 'false');
	put(m, 'aws:PrincipalArn', p.arn);
	if (p.account) put(m, 'aws:PrincipalAccount', p.account);
	const org = orgFacts(index, p.account);
	if (org) {
		put(m, 'aws:PrincipalOrgID', org.orgId);
		put(m, 'aws:PrincipalOrgPaths', [org.path]);
	}
	const type = {
		user: 'User',
		role: 'AssumedRole',
		session: 'AssumedRole',
		root: 'Account',
		federatedUser: 'FederatedUser'
	} as const;
	put(m, 'aws:PrincipalType', type[p.kind]);
	if (p.kind === 'user') {
		put(m, 'aws:username', p.input.split('/').pop() ?? '');
		if (p.user) put(m, 'aws:userid', p.user.id);
		if (p.user) putTags(m, 'aws:PrincipalTag', p.user.tags);
	} else if (p.kind === 'role' || p.kind === 'session') {
		if (p.role)
			put(m, 'aws:userid', p.kind === 'session' ? `${p.role.id}:${p.sessionName}` : p.role.id);
		if (p.role) putTags(m, 'aws:PrincipalTag', p.role.tags);
	} else if (p.kind === 'root' && p.account) put(m, 'aws:userid', p.account);
	else if (p.kind === 'federatedUser' && p.account)
		put(m, 'aws:userid', `${p.account}:${p.input.split('/').slice(1).join('/')}`);
	return m;
}

/** The context keys a resource brings (IAM users and roles also give iam:ResourceTag/*). */
export function resourceContext(
	index: SnapshotIndex,
	account: string | null,
	tags: Tags | null,
	iamEntity = false
): ContextMap {
	const m: ContextMap = new Map();
	if (account) put(m, 'aws:ResourceAccount', account);
	const org = orgFacts(index, account);
	if (org) {
		put(m, 'aws:ResourceOrgID', org.orgId);
		put(m, 'aws:ResourceOrgPaths', [org.path]);
	}
	if (tags) putTags(m, 'aws:ResourceTag', tags);
	if (tags && iamEntity) putTags(m, 'iam:ResourceTag', tags);
	return m;
}

const str = (v: string | number | boolean) => String(v);

const requestMaps = new WeakMap<object, ContextMap>();

/**
 * The request-supplied keys (taken as given). Cached per context object only when it is frozen
 * (who-can freezes the one it shares across every principal); a caller may mutate any other.
 */
export function requestContext(context: Record<string, ContextValue> | undefined): ContextMap {
	if (!context) return NO_KEYS;
	const frozen = Object.isFrozen(context);
	const cached = frozen ? requestMaps.get(context) : undefined;
	if (cached) return cached;
	const m: ContextMap = new Map();
	if (frozen) requestMaps.set(context, m);
	for (const key of Object.keys(context)) {
		const v = context[key];
		if (v === null || v === undefined) continue;
		const multi = Array.isArray(v);
		const values = multi ? v.map(str) : [typeof v === 'string' ? v : String(v)];
		m.set(lowerKey(key), { key, values, multi });
	}
	return m;
}

const lowerKeys = new Map<string, string>();
/** A context key in lowercase, remembered per spelling (requests repeat the same few keys). */
function lowerKey(key: string): string {
	let lower = lowerKeys.get(key);
	if (lower === undefined) {
		lower = key.toLowerCase();
		if (lowerKeys.size > 10000) lowerKeys.clear();
		lowerKeys.set(key, lower);
	}
	return lower;
}

/**
 * The context of one request: the request's keys, then the principal's, then the resource's.
 * The request's keys are lowercased only when a condition or variable first asks for one.
 */
export class ContextStack {
	#request: Record<string, ContextValue> | undefined;
	#requestMap: ContextMap | null = null;
	#principal: { readonly context: ContextMap };
	#resource: { readonly context: ContextMap };
	constructor(
		request: Record<string, ContextValue> | undefined,
		principal: { readonly context: ContextMap },
		resource: { readonly context: ContextMap }
	) {
		this.#request = request;
		this.#principal = principal;
		this.#resource = resource;
	}
	/** The request-supplied keys, lowercased. */
	get requestKeys(): ContextMap {
		return (this.#requestMap ??= requestContext(this.#request));
	}
	/** The three layers, request first. */
	get layers(): ContextMap[] {
		return [this.requestKeys, this.#principal.context, this.#resource.context];
	}
	/** The merged context as a plain record (for the trace), request keys winning; same as `contextRecord(this.layers)`. */
	record(): Record<string, ContextValue> {
		const base = mergedBase(this.#principal.context, this.#resource.context);
		const req = this.#request ? this.requestKeys : NO_KEYS;
		if (req.size === 0) return { ...base.record };
		return directRecord(req, base);
	}
	/** Whether the key's value is a list (multivalued keys cannot be policy variables). */
	multi(keyLower: string): boolean {
		return (
			(this.#request ? this.requestKeys.get(keyLower)?.multi : undefined) ??
			this.#principal.context.get(keyLower)?.multi ??
			this.#resource.context.get(keyLower)?.multi ??
			false
		);
	}
	/** The values of a key (lowercase name), or undefined when absent. */
	get(keyLower: string): string[] | undefined {
		return (
			(this.#request ? this.requestKeys.get(keyLower)?.values : undefined) ??
			this.#principal.context.get(keyLower)?.values ??
			this.#resource.context.get(keyLower)?.values
		);
	}
}

const NO_KEYS: ContextMap = new Map();

/** The principal's and the resource's keys merged once per pair (principal first), for trace records. */
interface MergedBase {
	entries: { lower: string; key: string; value: ContextValue }[];
	record: Record<string, ContextValue>;
}

/** The record: the request's keys, then the principal's and resource's it does not override. */
function directRecord(req: ContextMap, base: MergedBase): Record<string, ContextValue> {
	const out: Record<string, ContextValue> = {};
	for (const { key, values, multi } of req.values()) out[key] = multi ? values : values[0];
	for (const e of base.entries) if (!req.has(e.lower)) out[e.key] = e.value;
	return out;
}
const merged = new WeakMap<ContextMap, WeakMap<ContextMap, MergedBase>>();
function mergedBase(principal: ContextMap, resource: ContextMap): MergedBase {
	let byResource = merged.get(principal);
	if (!byResource) merged.set(principal, (byResource = new WeakMap()));
	let base = byResource.get(resource);
	if (!base) {
		base = { entries: [], record: {} };
		for (const l of [principal, resource])
			for (const [lower, { key, values, multi }] of l) {
				if (l === resource && principal.has(lower)) continue;
				const value = multi ? values : values[0];
				base.entries.push({ lower, key, value });
				base.record[key] = value;
			}
		byResource.set(resource, base);
	}
	return base;
}

/** The merged context as a plain record (for the trace), request keys winning. */
export function contextRecord(layers: ContextMap[]): Record<string, ContextValue> {
	const out: Record<string, ContextValue> = {};
	const seen = new Set<string>();
	for (const l of layers)
		for (const [k, { key, values, multi }] of l) {
			if (seen.has(k)) continue;
			seen.add(k);
			out[key] = multi ? values : values[0];
		}
	return out;
}
