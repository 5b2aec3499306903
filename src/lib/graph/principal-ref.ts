/**
 * How a principal named in a trust or resource policy maps to a graph node: a known user or
 * role by ARN, an account node for `arn:aws:iam::<id>:root` or a bare account id, or an
 * `external` node for anything outside the snapshot (other accounts, services, anyone).
 */
import type { PolicyDocument } from '../model/policy-document';
import { statementsOf } from '../model/policy-document';

/** A principal as a policy names it, with the kind of name. */
export interface NamedPrincipal {
	/** As written (ARN, account id, service name, `*`). */
	value: string;
	/** The Principal map key: AWS, Service, Federated, CanonicalUser, or `*`. */
	type: string;
}

/** Every principal named by the Allow statements of a document (trust or resource policy). */
export function namedPrincipals(doc: PolicyDocument | null): NamedPrincipal[] {
	if (!doc) return [];
	const out: NamedPrincipal[] = [];
	const seen = new Set<string>();
	for (const st of statementsOf(doc)) {
		if (st.Effect !== 'Allow' || !st.Principal) continue;
		const entries: [string, string[]][] =
			st.Principal === '*'
				? [['*', ['*']]]
				: Object.entries(st.Principal).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]);
		for (const [type, values] of entries)
			for (const value of values) {
				if (seen.has(value)) continue;
				seen.add(value);
				out.push({ value, type });
			}
	}
	return out;
}

/** The account id an AWS principal string points at, when it names a whole account. */
export function accountPrincipal(value: string): string | null {
	if (/^\d{12}$/.test(value)) return value;
	const m = /^arn:[^:]+:iam::(\d{12}):root$/.exec(value);
	return m ? m[1] : null;
}

/** The role ARN behind an assumed-role session ARN, or null. */
export function roleOfSession(value: string): string | null {
	const m = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(value);
	return m ? `arn:${m[1]}:iam::${m[2]}:role/${m[3]}` : null;
}
