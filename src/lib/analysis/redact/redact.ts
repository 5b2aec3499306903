/**
 * Redaction for sharing: a snapshot with account ids, account and OU names, e-mail addresses,
 * organization ids, user/role/group names and (optionally) tag values replaced by pseudonyms,
 * consistently (one real value → one pseudonym in the whole export), so every decision, who-can
 * set, escalation status and finding of the redacted snapshot is the original's under the mapping.
 *
 * How every place is reached: one walk over every string of the snapshot (policy documents
 * included) rewrites 12-digit account ids, e-mail addresses and `o-…` organization ids wherever
 * they occur; the segments of every ARN equal to a known user/role/group name; and strings equal
 * to a known name in a name field, a user's group list, a Principal, Resource or Condition value.
 * AWS-managed policy ARNs (`arn:aws:iam::aws:…`), service principals, actions and condition keys
 * contain none of these and stay readable. Service-linked role names (AWSServiceRoleFor…) are
 * AWS's names and are kept.
 *
 * Wildcards: a name pattern such as `arn:aws:iam::111122223333:user/dev-*` keeps its literal text
 * and the pseudonym of every name it matched keeps the pattern's literal prefix and suffix
 * (`dev-` + token), so it still matches. Limits (documented in the spec): a literal between two
 * wildcards (`a*b*c`) is not kept, and the literal fragments of patterns stay readable.
 * Resource names (bucket, queue, key names) and IAM paths are not redacted.
 */
import type { Snapshot } from '../../model/snapshot';

/** What to redact besides ids, names and e-mails. */
export interface RedactOptions {
	/** Replace tag values too (and condition values naming them under a `…tag/…` key). */
	tagValues?: boolean;
}

/** Real value → pseudonym, per kind (saved apart from the export, never inside it). */
export interface RedactionMap {
	accountIds: Record<string, string>;
	organizationIds: Record<string, string>;
	emails: Record<string, string>;
	/** User, role and group names. */
	names: Record<string, string>;
	accountNames: Record<string, string>;
	ouNames: Record<string, string>;
	tagValues: Record<string, string>;
}

/** The redacted snapshot and the mapping that translates it back. */
export interface Redaction {
	snapshot: Snapshot;
	map: RedactionMap;
}

const ACCOUNT_ID = /(?<!\d)\d{12}(?!\d)/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const ORG_ID = /\bo-[a-z0-9]{10,32}\b/g;
const ARN = /arn:[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:[^"\s,]*/g;
const SERVICE_LINKED = /^AWSServiceRole/;
const POLICY_VALUE_KEYS = new Set(['Principal', 'NotPrincipal', 'Resource', 'NotResource']);

const globToRegExp = (glob: string) =>
	new RegExp(
		'^' +
			glob
				.split('')
				.map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
				.join('') +
			'$'
	);

/** Every string of a JSON value. */
function eachString(v: unknown, f: (s: string) => void) {
	if (typeof v === 'string') f(v);
	else if (Array.isArray(v)) for (const x of v) eachString(x, f);
	else if (v && typeof v === 'object') for (const x of Object.values(v)) eachString(x, f);
}

/** Redact a snapshot (see the header). Pure: the input is not modified. */
export function redactSnapshot(snapshot: Snapshot, options: RedactOptions = {}): Redaction {
	const map: RedactionMap = {
		accountIds: {},
		organizationIds: {},
		emails: {},
		names: {},
		accountNames: {},
		ouNames: {},
		tagValues: {}
	};

	// 1. Real values, so no pseudonym collides with one.
	const realIds = new Set<string>();
	const namePatterns: string[] = [];
	eachString(snapshot, (s) => {
		for (const m of s.matchAll(ACCOUNT_ID)) realIds.add(m[0]);
		if (s.startsWith('arn:') && /[*?]/.test(s) && /:(user|role|group)\//.test(s)) {
			const last = s.slice(s.lastIndexOf('/') + 1);
			if (/[*?]/.test(last) && last !== '*') namePatterns.push(last);
		}
	});
	const patterns = [...new Set(namePatterns)].map((p) => ({
		re: globToRegExp(p),
		prefix: p.slice(0, p.search(/[*?]/)),
		suffix: p.slice(p.length - [...p].reverse().join('').search(/[*?]/))
	}));

	// Pseudonyms in the order of the real ids, so lists sorted by account id stay sorted.
	let nextId = 100000000000;
	for (const real of [...realIds].sort()) {
		let id: string;
		do id = String(nextId++);
		while (realIds.has(id));
		map.accountIds[real] = id;
	}
	const accountId = (real: string) => map.accountIds[real] ?? real;
	let emailN = 0;
	const email = (real: string) => (map.emails[real] ??= `user${++emailN}@example.com`);
	let orgN = 0;
	const orgId = (real: string) =>
		(map.organizationIds[real] ??= `o-${String(++orgN).padStart(10, '0')}`);

	// 2. Names of users, roles and groups (their pseudonyms keep the literals of matching patterns).
	const names = new Set<string>();
	for (const a of snapshot.accounts)
		for (const e of [...a.users, ...a.groups, ...a.roles])
			if (!SERVICE_LINKED.test(e.name) && e.name) names.add(e.name);
	let nameN = 0;
	for (const name of [...names].sort()) {
		let prefix = '';
		let suffix = '';
		for (const p of patterns)
			if (p.re.test(name)) {
				if (p.prefix.length > prefix.length) prefix = p.prefix;
				if (p.suffix.length > suffix.length) suffix = p.suffix;
			}
		map.names[name] = `${prefix}n${++nameN}x${suffix}`.slice(0, 128);
	}
	const nameOf = (s: string) => map.names[s] ?? s;

	// Account and OU names get their pseudonyms up front, so free text naming them is rewritten too.
	let accountN = 0;
	let ouN = 0;
	const accountName = (real: string) => (map.accountNames[real] ??= `account-${++accountN}`);
	for (const a of snapshot.organization?.accounts ?? []) accountName(a.name);
	for (const a of snapshot.accounts) if (a.name !== null) accountName(a.name);
	for (const u of snapshot.organization?.units ?? [])
		if (u.kind === 'ou') map.ouNames[u.name] ??= `ou-name-${++ouN}`;
	// Any text containing a name (descriptions, Sids, policy and resource names, tag values):
	// the name is replaced wherever it occurs, longest first, in every string alike, so references
	// stay consistent. Names shorter than 3 characters are replaced only where they are whole.
	const inText = new Map<string, string>();
	for (const [real, pseudo] of [
		...Object.entries(map.names),
		...Object.entries(map.accountNames),
		...Object.entries(map.ouNames)
	])
		if (real.length >= 3 && !inText.has(real)) inText.set(real, pseudo);
	const textRe = inText.size
		? new RegExp(
				[...inText.keys()]
					.sort((a, b) => b.length - a.length)
					.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
					.join('|'),
				'g'
			)
		: null;
	/** Strings AWS defines, which stay readable: AWS-managed policy ARNs, service principals. */
	const awsOwned = (s: string) => s.includes(':iam::aws:') || /\.amazonaws\.com(\.cn)?$/.test(s);
	const inNames = (s: string) =>
		textRe && !awsOwned(s) ? s.replace(textRe, (m) => inText.get(m) ?? m) : s;

	/** Ids, e-mails and org ids anywhere in a string; name segments of ARNs. */
	const scrub = (s: string): string => {
		let out = s.replace(ACCOUNT_ID, accountId).replace(EMAIL, email).replace(ORG_ID, orgId);
		if (out.includes('arn:'))
			out = out.replace(ARN, (arn) => {
				const colon = arn.split(':');
				const resource = colon.slice(5).join(':');
				if (!resource) return arn;
				return [...colon.slice(0, 5), resource.split('/').map(nameOf).join('/')].join(':');
			});
		return out;
	};
	const exact = (s: string) => inNames(scrub(nameOf(s)));
	const text = (s: string) => inNames(scrub(s));

	const tagValue = (v: string) => {
		if (!options.tagValues) return text(v);
		return (map.tagValues[v] ??= `tag-value-${Object.keys(map.tagValues).length + 1}`);
	};

	/** Walk a policy document: values of Principal/Resource/Condition may be bare names. */
	const redactPolicy = (v: unknown, key = '', tagKey = false): unknown => {
		if (typeof v === 'string') {
			if (tagKey && options.tagValues && map.tagValues[v] !== undefined) return map.tagValues[v];
			if (key === 'Action' || key === 'NotAction') return v;
			if (key === 'Condition') return v.startsWith('arn:') ? exact(v) : scrub(nameOf(v));
			return POLICY_VALUE_KEYS.has(key) ? exact(v) : text(v);
		}
		if (Array.isArray(v)) return v.map((x) => redactPolicy(x, key, tagKey));
		if (v && typeof v === 'object') {
			const out: Record<string, unknown> = {};
			for (const [k, x] of Object.entries(v)) {
				const inside = POLICY_VALUE_KEYS.has(key) || key === 'Condition' ? key : k;
				out[scrub(k)] = redactPolicy(x, inside, tagKey || /tag\//i.test(k));
			}
			return out;
		}
		return v;
	};

	// Tag values first, so condition values naming them map the same way.
	if (options.tagValues)
		eachTags(snapshot, (tags) => Object.values(tags).forEach((v) => tagValue(v)));

	const walk = (v: unknown, key: string, aws = false): unknown => {
		if (typeof v === 'string') {
			if (aws) return scrub(v);
			if (key === 'name' || key === 'groups' || key === 'principal') return exact(v);
			return text(v);
		}
		if (Array.isArray(v)) return v.map((x) => walk(x, key, aws));
		if (v && typeof v === 'object') {
			const o = v as Record<string, unknown>;
			if ('Statement' in o) return redactPolicy(o);
			// An AWS-managed policy keeps its name and description (its documents are walked as any).
			if (o.awsManaged === true && 'versions' in o) aws = true;
			const out: Record<string, unknown> = {};
			for (const [k, x] of Object.entries(o)) {
				if (k === 'tags' && x && typeof x === 'object' && !Array.isArray(x)) {
					const tags: Record<string, string> = {};
					for (const [tk, tv] of Object.entries(x as Record<string, string>))
						tags[scrub(tk)] = tagValue(tv);
					out[k] = tags;
				} else out[scrub(k)] = walk(x, k, aws);
			}
			return out;
		}
		return v;
	};

	const redacted = walk(snapshot, '') as Snapshot;
	// Account and OU names, which are not IAM names and appear only in their own fields.
	snapshot.accounts.forEach((a, i) => {
		if (a.name !== null) redacted.accounts[i].name = accountName(a.name);
	});
	if (snapshot.organization && redacted.organization) {
		const org = redacted.organization;
		snapshot.organization.accounts.forEach((a, i) => (org.accounts[i].name = accountName(a.name)));
		snapshot.organization.units.forEach((u, i) => {
			if (u.kind === 'ou') org.units[i].name = map.ouNames[u.name];
		});
	}
	redacted.meta = { ...redacted.meta, name: 'redacted snapshot' };
	return { snapshot: redacted, map };
}

function eachTags(snapshot: Snapshot, f: (tags: Record<string, string>) => void) {
	for (const a of snapshot.accounts) {
		for (const e of [...a.users, ...a.roles, ...a.resources]) f(e.tags);
	}
}
