/**
 * "Is the question right?" for the trace: an unknown action gets the closest real actions (or
 * services) from the catalog; an action whose resource types do not include the chosen ARN's type
 * is flagged, with the fix offered when there is an obvious one (an S3 object action on a bucket →
 * "an object in this bucket: arn:…/*"). Also lists the condition keys AWS documents for the action,
 * for the context editor. Pure over an ActionCatalog; call ensure…() for the action's service and
 * the ARN's services first (questionCheckServices).
 */
import type { ActionCatalog } from './action-catalog';
import { splitAction } from './action-pattern';

/** A resource whose type does not fit the action, and the fix when there is one. */
export interface ResourceMismatch {
	/** The chosen ARN's type ("s3:bucket"), or null when the catalog does not know it. */
	resourceType: string | null;
	/** The resource types the action applies to ("s3:object"). */
	expects: string[];
	/** A resource that fits, with its words, or null. */
	fix: { resource: string; label: string } | null;
}

/** What is wrong with a question (both null/empty when it is fine). */
export interface QuestionCheck {
	action: string;
	/** False when the catalog does not know the action; null when it cannot tell (wildcards, no catalog). */
	known: boolean | null;
	/** Close real actions (or "service:" prefixes) for an unknown action, best first. */
	suggestions: string[];
	mismatch: ResourceMismatch | null;
	/** Condition keys AWS documents for the action (service and global), as documented. */
	conditionKeys: string[];
}

/** Edit distance (case-insensitive), with an early exit above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
	const s = a.toLowerCase();
	const t = b.toLowerCase();
	if (Math.abs(s.length - t.length) > max) return max + 1;
	let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
	for (let i = 1; i <= s.length; i++) {
		const cur = [i];
		let best = i;
		for (let j = 1; j <= t.length; j++) {
			cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
			best = Math.min(best, cur[j]);
		}
		if (best > max) return max + 1;
		prev = cur;
	}
	return prev[t.length];
}

/** The `limit` candidates closest to `word` within a distance that grows with its length. */
function closest(word: string, candidates: string[], limit: number): string[] {
	const max = Math.max(2, Math.floor(word.length / 4));
	return candidates
		.map((c) => ({ c, d: editDistance(word, c, max) }))
		.filter((x) => x.d <= max)
		.sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
		.slice(0, limit)
		.map((x) => x.c);
}

/** The services a check needs loaded: the action's and those of the ARN's types. */
export function questionCheckServices(
	catalog: ActionCatalog,
	action: string,
	resource: string | null
): string[] {
	const split = splitAction(action);
	return [
		...(split && catalog.isKnownService(split[0]) ? [split[0].toLowerCase()] : []),
		...(resource ? catalog.servicesOfArn(resource) : [])
	];
}

/** The resource that fits an action when the chosen one is its container (bucket → its objects). */
function fixFor(
	resource: string,
	resourceType: string | null,
	expects: string[]
): ResourceMismatch['fix'] {
	if (resourceType === 's3:bucket' && expects.includes('s3:object')) {
		const arn = resource.replace(/\/+$/, '');
		return { resource: `${arn}/*`, label: `an object in this bucket: ${arn}/*` };
	}
	return null;
}

/** Check a question (action on resource) against the catalog. */
export function checkQuestion(
	catalog: ActionCatalog,
	action: string,
	resource: string | null
): QuestionCheck {
	const out: QuestionCheck = {
		action,
		known: null,
		suggestions: [],
		mismatch: null,
		conditionKeys: []
	};
	const split = splitAction(action);
	if (!split || /[*?]/.test(action)) {
		if (!split && action !== '*') {
			out.known = false;
			out.suggestions = closest(action, catalog.servicePrefixes(), 3).map((s) => `${s}:`);
		}
		return out;
	}
	const [service, name] = split;
	if (!catalog.isKnownService(service)) {
		out.known = false;
		out.suggestions = closest(service, catalog.servicePrefixes(), 3).map((s) => `${s}:${name}`);
		return out;
	}
	out.known = catalog.isKnownAction(action);
	if (!out.known) {
		out.suggestions = closest(action, catalog.actionsOf(service), 3);
		return out;
	}
	out.conditionKeys = catalog.conditionKeysOf(action);
	const prefix = service.toLowerCase();
	const expects = catalog.resourceTypesOf(action).map((t) => `${prefix}:${t}`);
	if (!resource || resource === '*' || expects.length === 0) return out;
	if (catalog.arnFitsAction(action, resource)) return out;
	const match = catalog.resourceTypeOfArn(resource);
	const type = match ? `${match.service}:${match.resourceType}` : null;
	if (
		!type &&
		!catalog.servicesOfArn(resource).includes(prefix) &&
		catalog.servicesOfArn(resource).length === 0
	)
		return out; // an ARN the catalog cannot place at all: say nothing rather than guess
	out.mismatch = { resourceType: type, expects, fix: fixFor(resource, type, expects) };
	return out;
}
