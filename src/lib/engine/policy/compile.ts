/**
 * Compile a policy document once: actions lowercased into sets/globs, resource patterns
 * pre-compiled unless they hold variables, principals normalised, conditions split per operator
 * and key with their values parsed. Never throws: malformed parts become warnings and non-matches.
 */
import type { JsonValue, PolicyDocument, PrincipalElement } from '../../model/policy-document';
import { statementsOf } from '../../model/policy-document';
import { parseOperator, valueTest } from '../conditions/operators';
import { compileActions } from '../match/actions';
import { hasWildcard } from '../match/glob';
import { resourcePattern } from '../match/pattern';
import type {
	CompiledCondition,
	CompiledPolicy,
	CompiledPrincipal,
	CompiledResource,
	CompiledStatement,
	PolicyOrigin
} from './compiled';
import { NO_CONTEXT, parseTemplate, resolveTemplate } from './variables';

const list = (v: unknown): string[] =>
	v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)];

function flatValues(v: JsonValue, warnings: string[], where: string): string[] {
	if (Array.isArray(v)) return v.flatMap((x) => flatValues(x, warnings, where));
	if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return [String(v)];
	warnings.push(
		`${where}: condition value ${JSON.stringify(v)} is not a string, number or boolean; it never matches`
	);
	return [];
}

/** Normalise a principal id: a bare account id means the account's root. */
export const normalisePrincipalId = (id: string): string =>
	/^\d{12}$/.test(id) ? `arn:aws:iam::${id}:root` : id;

function compilePrincipal(p: PrincipalElement): CompiledPrincipal {
	const out: CompiledPrincipal = {
		wildcard: false,
		aws: new Set(),
		service: new Set(),
		federated: new Set(),
		canonical: new Set(),
		raw: []
	};
	if (p === '*') {
		out.wildcard = true;
		out.raw.push('*');
		return out;
	}
	for (const [kind, values] of Object.entries(p ?? {})) {
		for (const v of list(values)) {
			out.raw.push(`${kind}:${v}`);
			const k = kind.toLowerCase();
			if (k === 'aws') {
				if (v === '*') out.wildcard = true;
				else out.aws.add(normalisePrincipalId(v));
			} else if (k === 'service') out.service.add(v.toLowerCase());
			else if (k === 'federated') out.federated.add(v);
			else if (k === 'canonicaluser') out.canonical.add(v);
		}
	}
	return out;
}

// One object shape for every compiled resource keeps the matcher's property reads monomorphic.
const resource = (
	template: CompiledResource['template'],
	r: Omit<CompiledResource, 'template'>
): CompiledResource => ({
	template,
	exact: r.exact,
	pattern: r.pattern,
	any: r.any,
	never: r.never
});

/** Compile one Resource / NotResource pattern (`variables`: the policy has Version 2012-10-17). */
export function compileResource(pattern: string, variables: boolean): CompiledResource {
	const template = parseTemplate(pattern, variables);
	if (template.dynamic) {
		// variables are allowed only in the resource part, after the fifth colon (policy variables page)
		const head = pattern.slice(0, pattern.indexOf('${'));
		const colons = head.split(':').length - 1;
		return resource(template, pattern.startsWith('arn:') && colons < 5 ? { never: true } : {});
	}
	if (pattern === '*') return resource(template, { any: true });
	if (!hasWildcard(pattern)) return resource(template, { exact: pattern });
	return resource(template, { pattern: resourcePattern(pattern) });
}

function compileConditions(
	block: unknown,
	variables: boolean,
	warnings: string[],
	where: string
): CompiledCondition[] {
	const out: CompiledCondition[] = [];
	if (!block || typeof block !== 'object') return out;
	for (const [operator, keys] of Object.entries(
		block as Record<string, Record<string, JsonValue>>
	)) {
		const parsed = parseOperator(operator);
		if (!parsed.info)
			warnings.push(
				`${where}: unknown condition operator ${operator}; the condition never matches`
			);
		for (const [key, raw] of Object.entries(keys ?? {})) {
			const subst = variables && (parsed.info?.variables ?? false);
			const values = flatValues(raw, warnings, where).map((text) => {
				const template = parseTemplate(text, subst);
				if (template.dynamic || !parsed.info) return { template };
				const test = valueTest(parsed.info, resolveTemplate(template, NO_CONTEXT) ?? []);
				if (!test)
					warnings.push(
						`${where}: ${operator} value ${JSON.stringify(text)} cannot be read; it never matches`
					);
				return { template, test };
			});
			const tests = values.every((v) => v.test !== undefined)
				? values.map((v) => v.test ?? null)
				: null;
			out.push({ operator, key, keyLower: key.toLowerCase(), parsed, values, tests });
		}
	}
	return out;
}

function compileStatement(
	s: Record<string, unknown>,
	index: number,
	variables: boolean,
	warnings: string[]
): CompiledStatement {
	const sid = typeof s.Sid === 'string' && s.Sid !== '' ? s.Sid : null;
	const label = sid ?? String(index);
	const actions =
		s.Action !== undefined ? list(s.Action) : s.NotAction !== undefined ? list(s.NotAction) : null;
	const effect = s.Effect === 'Deny' ? 'Deny' : 'Allow';
	if (s.Effect !== 'Allow' && s.Effect !== 'Deny')
		warnings.push(
			`statement ${label}: Effect ${JSON.stringify(s.Effect)} is neither Allow nor Deny; the statement never matches`
		);
	return {
		index,
		sid,
		label,
		effect,
		action: actions ? compileActions(actions) : null,
		notAction: s.Action === undefined && s.NotAction !== undefined,
		resources: null,
		notResource: false,
		principal: null,
		notPrincipal: false,
		conditions: [],
		pending: { raw: s, variables, warnings }
	};
}

/** Compile the rest of a statement (Resource, Principal, Condition) the first time it is needed. */
export function ready(st: CompiledStatement): CompiledStatement {
	const pending = st.pending;
	if (pending === null) return st;
	const { raw: s, variables, warnings } = pending;
	const resources =
		s.Resource !== undefined
			? list(s.Resource)
			: s.NotResource !== undefined
				? list(s.NotResource)
				: null;
	const principal = (s.Principal ?? s.NotPrincipal) as PrincipalElement | undefined;
	st.resources = resources ? resources.map((r) => compileResource(r, variables)) : null;
	st.notResource = s.Resource === undefined && s.NotResource !== undefined;
	st.principal = principal !== undefined ? compilePrincipal(principal) : null;
	st.notPrincipal = s.Principal === undefined && s.NotPrincipal !== undefined;
	st.conditions = compileConditions(s.Condition, variables, warnings, `statement ${st.label}`);
	st.pending = null;
	return st;
}

type CompiledDocument = {
	statements: CompiledStatement[];
	byAction: Map<string, CompiledStatement[]>;
	warnings: string[];
};
// Compiled documents are cached per scope (each evaluator passes its snapshot index): a snapshot is
// immutable once indexed, while a document outside one (a session policy) may be edited between calls.
const caches = new WeakMap<object, WeakMap<object, CompiledDocument>>();
const NO_STATEMENTS: CompiledDocument = { statements: [], byAction: new Map(), warnings: [] };

function compileDocument(doc: PolicyDocument): CompiledDocument {
	const warnings: string[] = [];
	const variables = doc.Version === '2012-10-17';
	try {
		const raw = doc.Statement !== undefined && doc.Statement !== null ? statementsOf(doc) : [];
		const statements = raw
			.map((s, i) =>
				compileStatement((s ?? {}) as unknown as Record<string, unknown>, i, variables, warnings)
			)
			.filter(
				(st, i) => (raw[i]?.Effect === 'Allow' || raw[i]?.Effect === 'Deny') && st.action !== null
			);
		return { statements, byAction: new Map(), warnings };
	} catch (e) {
		return {
			statements: [],
			byAction: new Map(),
			warnings: [`the policy could not be read (${String(e)}); it is ignored`]
		};
	}
}

// One object shape for every compiled policy keeps property access monomorphic in the hot loop.
function withOrigin(o: PolicyOrigin, c: CompiledDocument, warnings: string[]): CompiledPolicy {
	return {
		id: o.id,
		label: o.label,
		name: o.name,
		type: o.type,
		attachedTo: o.attachedTo,
		via: o.via,
		statements: c.statements,
		byAction: c.byAction,
		warnings,
		nothing: undefined
	};
}

/** Compile one policy document with its origin; with a `scope` (an evaluator's snapshot index), once per document object. */
export function compilePolicy(
	doc: PolicyDocument | null | undefined,
	origin: PolicyOrigin,
	scope?: object
): CompiledPolicy {
	if (!doc || typeof doc !== 'object') return withOrigin(origin, NO_STATEMENTS, []);
	if (!scope) {
		const fresh = compileDocument(doc);
		return withOrigin(origin, fresh, fresh.warnings);
	}
	let cache = caches.get(scope);
	if (!cache) caches.set(scope, (cache = new WeakMap()));
	let compiled = cache.get(doc);
	if (!compiled) {
		compiled = compileDocument(doc);
		cache.set(doc, compiled);
	}
	return withOrigin(origin, compiled, compiled.warnings);
}
