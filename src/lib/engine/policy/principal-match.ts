/**
 * Principal and NotPrincipal matching, and *how* a resource policy named the principal (the user,
 * the role, the session, the account, a service, `*`), which decides the same-account rules.
 */
import type { ResolvedPrincipal } from '../request/principal';
import type { CompiledPrincipal } from './compiled';

/** How a Principal element named the request principal. */
export type PrincipalMatch =
	'wildcard' | 'user' | 'role' | 'session' | 'account' | 'root' | 'service' | 'federated';

/** How the Principal element names the request principal, or null when it does not. */
export function matchPrincipal(
	spec: CompiledPrincipal,
	p: ResolvedPrincipal
): PrincipalMatch | null {
	if (spec.wildcard) return 'wildcard';
	switch (p.kind) {
		case 'anonymous':
			return null;
		case 'service':
			return spec.service.has(p.names[0]) ? 'service' : null;
		case 'federatedProvider':
			return spec.federated.has(p.input) ? 'federated' : null;
	}
	const aws = spec.aws;
	if (aws.size === 0) return null;
	const root = p.names[p.names.length - 1];
	let byId = false;
	for (const id of p.ids)
		if (aws.has(id)) {
			byId = true;
			break;
		}
	switch (p.kind) {
		case 'root':
			return aws.has(root) ? 'root' : null;
		case 'user':
			return aws.has(p.input) || byId ? 'user' : aws.has(root) ? 'account' : null;
		case 'role':
			return aws.has(p.input) || byId ? 'role' : aws.has(root) ? 'account' : null;
		case 'session':
			return aws.has(p.input)
				? 'session'
				: aws.has(p.arn) || byId
					? 'role'
					: aws.has(root)
						? 'account'
						: null;
		case 'federatedUser':
			return aws.has(p.input) ? 'session' : aws.has(root) ? 'account' : null;
	}
}

/**
 * Does a NotPrincipal element leave the principal out (so the Deny does not apply)? Only when every
 * name of the principal is listed — a session needs its session ARN, role ARN and account; a user
 * its user ARN and account — and never for a principal with a permissions boundary
 * (NotPrincipal page; permissions boundaries page).
 */
export function exemptByNotPrincipal(
	spec: CompiledPrincipal,
	p: ResolvedPrincipal,
	hasBoundary: boolean
): boolean {
	if (spec.wildcard) return true;
	if (hasBoundary) return false;
	switch (p.kind) {
		case 'anonymous':
			return false;
		case 'service':
			return spec.service.has(p.names[0]);
		case 'federatedProvider':
			return spec.federated.has(p.input);
	}
	return p.names.every((n) => spec.aws.has(n));
}
