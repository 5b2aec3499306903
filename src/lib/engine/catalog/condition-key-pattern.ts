/**
 * Condition keys as the catalog documents them may name a family: "aws:PrincipalTag/${TagKey}",
 * "s3:ExistingObjectTag/<key>", "codebuild:secondarySources/${sourceIdentifier}.location". A policy
 * key belongs to the family when it matches with each placeholder standing for non-empty text.
 * IAM matches condition key names without regard to case, and so does this.
 */

/** True when the documented key contains a ${Var} or <var> placeholder. */
export function isKeyFamily(documented: string): boolean {
	return /\$\{[^}]*\}|<[^>]*>/.test(documented);
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compiles a documented key family into a case-insensitive matcher. */
export function compileKeyFamily(documented: string): RegExp {
	const source = documented
		.split(/\$\{[^}]*\}|<[^>]*>/)
		.map(escapeRegex)
		.join('.+');
	return new RegExp(`^${source}$`, 'i');
}
