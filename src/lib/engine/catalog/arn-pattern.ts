/**
 * Matches concrete ARNs against the catalog's resource-type ARN patterns
 * ("arn:${Partition}:s3:::${BucketName}/${ObjectName}"). A variable matches within one ARN field
 * in the partition/region/account positions and anything non-empty in the resource part; when
 * several patterns match, the one with the most literal text is the resource's type.
 */

/** A resource-type ARN pattern compiled for matching. */
export interface CompiledArnPattern {
	regex: RegExp;
	/** Literal characters in the pattern: the more, the more specific. */
	specificity: number;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compiles one catalog ARN pattern. */
export function compileArnPattern(pattern: string): CompiledArnPattern {
	const parts = pattern.split(':');
	const head = parts.slice(0, 5).join(':');
	const resource = parts.slice(5).join(':');
	const toRegex = (text: string, variable: string) =>
		text
			.split(/\$\{[^}]*\}/)
			.map(escapeRegex)
			.join(variable);
	const source =
		resource === '' && parts.length <= 5
			? toRegex(head, '[^:]*')
			: `${toRegex(head, '[^:]*')}:${toRegex(resource, '.+')}`;
	const specificity = pattern.replace(/\$\{[^}]*\}/g, '').length;
	return { regex: new RegExp(`^${source}$`), specificity };
}

/** The ARN's service segment ("s3" for arn:aws:s3:::b), lower-cased, or null when it is not an ARN. */
export function arnServiceOf(arn: string): string | null {
	const parts = arn.split(':');
	return parts.length >= 6 && parts[0] === 'arn' ? parts[2].toLowerCase() : null;
}
