/**
 * IAM action patterns: "service:Action" with `*` and `?` wildcards, compared without regard to case
 * (IAM action names are case-insensitive).
 */

/** True when the text has an IAM wildcard. */
export function hasWildcard(text: string): boolean {
	return /[*?]/.test(text);
}

/** Compiles an IAM wildcard pattern (whole-string, case-insensitive). */
export function compileWildcard(pattern: string): RegExp {
	const source = pattern
		.replace(/[.+^${}()|[\]\\]/g, '\\$&')
		.replace(/\*/g, '.*')
		.replace(/\?/g, '.');
	return new RegExp(`^${source}$`, 'i');
}

/** Splits "s3:GetObject" into ["s3", "GetObject"]; a pattern without a colon has no service part. */
export function splitAction(action: string): [service: string, name: string] | null {
	const colon = action.indexOf(':');
	return colon <= 0 ? null : [action.slice(0, colon), action.slice(colon + 1)];
}
