/**
 * Policy variables (`${aws:username}`, `${aws:PrincipalTag/team, 'default'}`, `${*}` `${?}` `${$}`):
 * parsed once per policy value, resolved per request. Only policies with Version 2012-10-17 have
 * variables; older or missing versions keep the text literally (the caller decides).
 */

/** A piece of a value: policy text (wildcards active), a literal character, or a variable. */
export type TemplatePart =
	| { kind: 'text'; text: string }
	| { kind: 'literal'; text: string }
	| { kind: 'var'; key: string; name: string; fallback: string | null };

/** A policy value split into parts; `dynamic` when it holds anything but plain text. */
export interface Template {
	raw: string;
	parts: TemplatePart[];
	dynamic: boolean;
}

/** Looks up a context key (lowercase name), e.g. for variable substitution. */
export interface VariableLookup {
	get(keyLower: string): string[] | undefined;
	/** Whether the key was given as a list (a multivalued key, which cannot be a variable). */
	multi?(keyLower: string): boolean;
}

/** A lookup with no keys. */
export const NO_CONTEXT: VariableLookup = { get: () => undefined };

const VAR = /\$\{([^}]*)\}/g;
const WITH_DEFAULT = /^\s*([^,\s]+)\s*,\s*'([^']*)'\s*$/;

/** Parse a policy value into a template (no parsing at all when variables are off). */
export function parseTemplate(raw: string, variables: boolean): Template {
	if (!variables || !raw.includes('${'))
		return { raw, parts: [{ kind: 'text', text: raw }], dynamic: false };
	const parts: TemplatePart[] = [];
	let last = 0;
	for (const m of raw.matchAll(VAR)) {
		if (m.index > last) parts.push({ kind: 'text', text: raw.slice(last, m.index) });
		const body = m[1].trim();
		if (body === '*' || body === '?' || body === '$') parts.push({ kind: 'literal', text: body });
		else {
			const d = WITH_DEFAULT.exec(body);
			const name = d ? d[1] : body;
			parts.push({ kind: 'var', key: name.toLowerCase(), name, fallback: d ? d[2] : null });
		}
		last = m.index + m[0].length;
	}
	if (last < raw.length) parts.push({ kind: 'text', text: raw.slice(last) });
	return { raw, parts, dynamic: parts.some((p) => p.kind !== 'text') };
}

/** A template after substitution: pieces, each either wildcard-active text or literal text. */
export type Resolved = { text: string; glob: boolean }[];

/** Substitute variables; null when one cannot be resolved (absent, empty or multivalued, no default). */
export function resolveTemplate(t: Template, lookup: VariableLookup): Resolved | null {
	const out: Resolved = [];
	for (const p of t.parts) {
		if (p.kind === 'text') out.push({ text: p.text, glob: true });
		else if (p.kind === 'literal') out.push({ text: p.text, glob: false });
		else {
			const text = variableText(p, lookup);
			if (text === null) return null;
			out.push({ text, glob: false });
		}
	}
	return out;
}

/** The text a variable resolves to: its single non-empty value, else its default, else null. */
export function variableText(
	p: Extract<TemplatePart, { kind: 'var' }>,
	lookup: VariableLookup
): string | null {
	const v = lookup.get(p.key);
	if (v && v.length === 1 && v[0] !== '' && !lookup.multi?.(p.key)) return v[0];
	return p.fallback;
}

/** The plain string of a resolved value. */
export const resolvedText = (r: Resolved): string =>
	r.length === 1 ? r[0].text : r.map((p) => p.text).join('');
