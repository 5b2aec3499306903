/**
 * IAM action patterns: "service:Action" with `*` and `?` wildcards, compared without regard to case
 * (IAM action names are case-insensitive), with the engine's glob matcher (no regular expression).
 */
import { Glob } from '../match/glob';

export { hasWildcard } from '../match/glob';

/** A whole-string, case-insensitive IAM wildcard pattern. */
export interface WildcardMatcher {
	test(text: string): boolean;
}

/** Compiles an IAM wildcard pattern (whole-string, case-insensitive). */
export function compileWildcard(pattern: string): WildcardMatcher {
	const glob = Glob.of(pattern.toLowerCase());
	return {
		test: (text) => {
			const lower = text.toLowerCase();
			return glob.test(lower, 0, lower.length);
		}
	};
}

/** Splits "s3:GetObject" into ["s3", "GetObject"]; a pattern without a colon has no service part. */
export function splitAction(action: string): [service: string, name: string] | null {
	const colon = action.indexOf(':');
	return colon <= 0 ? null : [action.slice(0, colon), action.slice(colon + 1)];
}
