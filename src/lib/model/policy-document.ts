/**
 * IAM policy documents as AWS writes them (after decoding from JSON/URL-encoded strings).
 * The model keeps documents exactly as imported so they can be shown verbatim; the engine
 * compiles them into its own form. Import validates the shape with ajv, so code past the
 * import boundary may trust it.
 */

/** Any JSON value. */
export type JsonValue =
	string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The `Principal` / `NotPrincipal` element: `"*"` or a map such as `{ "AWS": [...], "Service": "..." }`. */
export type PrincipalElement = '*' | Record<string, string | string[]>;

/** A condition block: operator → key → value(s). Values stay as written (string, number, boolean or arrays). */
export type ConditionBlock = Record<string, Record<string, JsonValue>>;

/** One statement, as written in the policy. */
export interface PolicyStatement {
	Sid?: string;
	Effect: 'Allow' | 'Deny';
	Principal?: PrincipalElement;
	NotPrincipal?: PrincipalElement;
	Action?: string | string[];
	NotAction?: string | string[];
	Resource?: string | string[];
	NotResource?: string | string[];
	Condition?: ConditionBlock;
}

/** A policy document as written: `Statement` may be one object or an array. */
export interface PolicyDocument {
	Version?: string;
	Id?: string;
	Statement: PolicyStatement | PolicyStatement[];
}

/** The statements of a document as an array, whichever form it was written in. */
export function statementsOf(doc: PolicyDocument): PolicyStatement[] {
	return Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
}
