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

/**
 * The services (lowercase) whose actions a matcher may cover, or null when it may cover any
 * (`*`, or a wildcard in the service part). Used only to skip actions no statement can match.
 */
export function servicesOf(m: ActionMatcher): string[] | null {
	if (m.any) return null;
	const out: string[] = [];
	for (const raw of m.source) {
		const p = raw.toLowerCase();
		const colon = p.indexOf(':');
		const service = colon === -1 ? p : p.slice(0, colon);
		if (hasWildcard(service)) return null;
		// a pattern without a colon and without a wildcard names no action
		if (colon !== -1) out.push(service);
	}
	return out;
}
