/**
 * IAM-style wildcard matching of ARN patterns (`*` any run, `?` one character), used only to
 * decide which known resources a policy statement reaches on the graph; deciding access is the
 * engine's job, not this module's.
 */

const cache = new Map<string, RegExp>();

/** The pattern as an anchored regular expression (cached). */
function compile(pattern: string): RegExp {
	let re = cache.get(pattern);
	if (!re) {
		const body = pattern
			.replace(/[.+^${}()|[\]\\]/g, '\\$&')
			.replace(/\*/g, '.*')
			.replace(/\?/g, '.');
		re = new RegExp(`^${body}$`);
		cache.set(pattern, re);
	}
	return re;
}

/** Whether `arn` matches the wildcard `pattern`. */
export const matchesArnPattern = (pattern: string, arn: string): boolean =>
	compile(pattern).test(arn);

/**
 * Whether a Resource pattern reaches a known resource: the resource itself, or (buckets) an
 * object inside it, e.g. `arn:aws:s3:::bucket/*` reaches the bucket.
 */
export function patternReaches(pattern: string, resourceArn: string, isBucket: boolean): boolean {
	if (matchesArnPattern(pattern, resourceArn)) return true;
	if (!isBucket) return false;
	const slash = pattern.indexOf('/');
	return slash > 0 && matchesArnPattern(pattern.slice(0, slash), resourceArn);
}
