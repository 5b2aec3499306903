/**
 * Who is asking: the request's principal string resolved against the snapshot into a kind
 * (user, role, role session, root user, federated user, service, anonymous, federated provider),
 * its account, the IAM entity behind it and every name that identifies it (for Principal and
 * NotPrincipal matching).
 */
import type { Account, Role, User } from '../../model/snapshot';
import type { SnapshotIndex } from '../../model/snapshot-index';

/** The kinds of principal the engine knows. */
export type PrincipalKind = 'user' | 'role' | 'session' | 'root' | 'federatedUser' | 'service' | 'federatedProvider' | 'anonymous';

/** A request principal, resolved. */
export interface ResolvedPrincipal {
	input: string;
	kind: PrincipalKind;
	/** The principal's account (null for services and anonymous). */
	account: string | null;
	/** aws:PrincipalArn: the user/role/root ARN (a session's role ARN). */
	arn: string;
	user?: User;
	role?: Role;
	accountData?: Account;
	sessionName?: string;
	/** Every AWS name of the principal, most specific first, ending with the account root ARN. */
	names: string[];
	/** Unique ids (AIDA…/AROA…) a policy may name instead of the ARN. */
	ids: string[];
	/** Service-linked role (path /aws-service-role/): exempt from SCPs and RCPs. */
	serviceLinked: boolean;
	/** False when the snapshot does not hold the IAM entity behind an IAM principal. */
	known: boolean;
}

const FEDERATED_DOMAINS = new Set(['accounts.google.com', 'graph.facebook.com', 'www.amazon.com', 'cognito-identity.amazonaws.com']);
const rootArn = (account: string, partition = 'aws') => `arn:${partition}:iam::${account}:root`;

/** Resolve a request principal (never throws; unknown IAM entities resolve with known=false). */
export function resolvePrincipal(index: SnapshotIndex, input: string): ResolvedPrincipal {
	const base = { input, arn: input, names: [input], ids: [] as string[], serviceLinked: false, known: true };
	if (input === '*') return { ...base, kind: 'anonymous', account: null, names: [] };
	if (/^\d{12}$/.test(input)) return resolvePrincipal(index, rootArn(input));
	if (FEDERATED_DOMAINS.has(input) || /^arn:[^:]+:iam::\d{12}:(saml-provider|oidc-provider)\//.test(input)) {
		return { ...base, kind: 'federatedProvider', account: /::(\d{12}):/.exec(input)?.[1] ?? null };
	}
	if (!input.startsWith('arn:')) return { ...base, kind: 'service', account: null, names: [input.toLowerCase()] };
	const m = /^arn:([^:]+):(iam|sts)::(\d{12}):(.*)$/.exec(input);
	if (!m) return { ...base, kind: 'anonymous', account: null, known: false };
	const [, partition, service, account, rest] = m;
	const root = rootArn(account, partition);
	const accountData = index.accounts.get(account);
	if (service === 'iam' && rest === 'root') return { ...base, kind: 'root', account, accountData, names: [root] };
	if (service === 'iam' && rest.startsWith('user/')) {
		const found = index.principals.get(input);
		const user = found?.kind === 'user' ? found.entity : undefined;
		return { ...base, kind: 'user', account, accountData, user, known: !!user, names: [input, root], ids: user ? [user.id] : [] };
	}
	if (service === 'iam' && rest.startsWith('role/')) {
		const found = index.principals.get(input);
		const role = found?.kind === 'role' ? found.entity : undefined;
		return { ...base, kind: 'role', account, accountData, role, known: !!role, names: [input, root], ids: role ? [role.id] : [], serviceLinked: isServiceLinked(input) };
	}
	if (service === 'sts' && rest.startsWith('assumed-role/')) {
		const [, roleName, ...session] = rest.split('/');
		const role = accountData?.roles.find((r) => r.name === roleName);
		const roleArn = role?.arn ?? `arn:${partition}:iam::${account}:role/${roleName}`;
		return {
			...base,
			kind: 'session',
			account,
			accountData,
			role,
			arn: roleArn,
			sessionName: session.join('/'),
			known: !!role,
			names: [input, roleArn, root],
			ids: role ? [role.id] : [],
			serviceLinked: isServiceLinked(roleArn)
		};
	}
	if (service === 'sts' && rest.startsWith('federated-user/')) {
		return { ...base, kind: 'federatedUser', account, accountData, known: false, names: [input, root] };
	}
	return { ...base, kind: 'anonymous', account, known: false };
}

/** True for a service-linked role's ARN (path /aws-service-role/). */
export const isServiceLinked = (roleArn: string): boolean => /:role\/aws-service-role\//.test(roleArn);

/** Does the principal have a permissions boundary? */
export const boundaryOf = (p: ResolvedPrincipal): string | null => p.user?.permissionsBoundary ?? p.role?.permissionsBoundary ?? null;
