/** Action / NotAction patterns (`service:Action`, `*`, `s3:Get*`): compared lowercase, exact names in a set. */
import { Glob, hasWildcard } from './glob';

/** A compiled matcher over lowercase action names (`service:Action`). */
export interface ActionMatcher {
	any: boolean;
	/** Names without wildcards (lowercase), or null when there are none. */
	exact: Set<string> | null;
	/** Patterns with wildcards (lowercase), compiled. */
	globs: Glob[];
	source: string[];
}

/** Compile action patterns (case-insensitive): exact names go to a set, wildcard patterns to globs. */
export function compileActions(patterns: string[]): ActionMatcher {
	let exact: Set<string> | null = null;
	const globs: Glob[] = [];
	let any = false;
	for (const raw of patterns) {
		const p = raw.toLowerCase();
		if (p === '*') any = true;
		else if (hasWildcard(p)) globs.push(Glob.of(p));
		else (exact ??= new Set()).add(p);
	}
	return { any, exact, globs, source: patterns };
}

/** Does a lowercase action name match? */
export function matchAction(m: ActionMatcher, actionLower: string): boolean {
	if (m.any || (m.exact !== null && m.exact.has(actionLower))) return true;
	for (const g of m.globs) if (g.test(actionLower, 0, actionLower.length)) return true;
	return false;
}
