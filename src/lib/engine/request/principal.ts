/**
 * Who is asking: the request's principal string resolved against the snapshot into a kind
 * (user, role, role session, root user, federated user, service, anonymous, federated provider),
 * its account, the IAM entity behind it and every name that identifies it (for Principal and
 * NotPrincipal matching).
 */
import type { Account, Role, User } from '../../model/snapshot';
import type { SnapshotIndex } from '../../model/snapshot-index';

/** The kinds of principal the engine knows. */
export type PrincipalKind =
	| 'user'
	| 'role'
	| 'session'
	| 'root'
	| 'federatedUser'
	| 'service'
	| 'federatedProvider'
	| 'anonymous';

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

const FEDERATED_DOMAINS = new Set([
	'accounts.google.com',
	'graph.facebook.com',
	'www.amazon.com',
	'cognito-identity.amazonaws.com'
]);
const rootArn = (account: string, partition = 'aws') => `arn:${partition}:iam::${account}:root`;

type Fields = Partial<Omit<ResolvedPrincipal, 'input' | 'kind' | 'account'>>;

// every resolved principal has the same properties in the same order (one object shape for the hot loop)
function make(
	input: string,
	kind: PrincipalKind,
	account: string | null,
	f: Fields = {}
): ResolvedPrincipal {
	return {
		input,
		kind,
		account,
		arn: f.arn ?? input,
		user: f.user,
		role: f.role,
		accountData: f.accountData,
		sessionName: f.sessionName,
		names: f.names ?? [input],
		ids: f.ids ?? [],
		serviceLinked: f.serviceLinked ?? false,
		known: f.known ?? true
	};
}

const ARN = /^arn:([^:]+):(iam|sts)::(\d{12}):(.*)$/;

/** Resolve a request principal (never throws; unknown IAM entities resolve with known=false). */
export function resolvePrincipal(index: SnapshotIndex, input: string): ResolvedPrincipal {
	if (input === '*') return make(input, 'anonymous', null, { names: [] });
	if (/^\d{12}$/.test(input)) return resolvePrincipal(index, rootArn(input));
	if (
		FEDERATED_DOMAINS.has(input) ||
		/^arn:[^:]+:iam::\d{12}:(saml-provider|oidc-provider)\//.test(input)
	) {
		return make(input, 'federatedProvider', /::(\d{12}):/.exec(input)?.[1] ?? null);
	}
	if (!input.startsWith('arn:'))
		return make(input, 'service', null, { names: [input.toLowerCase()] });
	const m = ARN.exec(input);
	if (!m) return make(input, 'anonymous', null, { known: false });
	const [, partition, service, account, rest] = m;
	const root = rootArn(account, partition);
	const accountData = index.accounts.get(account);
	if (service === 'iam' && rest === 'root')
		return make(input, 'root', account, { accountData, names: [root] });
	if (service === 'iam' && rest.startsWith('user/')) {
		const found = index.principals.get(input);
		const user = found?.kind === 'user' ? found.entity : undefined;
		return make(input, 'user', account, {
			accountData,
			user,
			known: !!user,
			names: [input, root],
			ids: user ? [user.id] : []
		});
	}
	if (service === 'iam' && rest.startsWith('role/')) {
		const found = index.principals.get(input);
		const role = found?.kind === 'role' ? found.entity : undefined;
		return make(input, 'role', account, {
			accountData,
			role,
			known: !!role,
			names: [input, root],
			ids: role ? [role.id] : [],
			serviceLinked: isServiceLinked(input)
		});
	}
	if (service === 'sts' && rest.startsWith('assumed-role/')) {
		const [, roleName, ...session] = rest.split('/');
		const role = accountData?.roles.find((r) => r.name === roleName);
		const roleArn = role?.arn ?? `arn:${partition}:iam::${account}:role/${roleName}`;
		return make(input, 'session', account, {
			accountData,
			role,
			arn: roleArn,
			sessionName: session.join('/'),
			known: !!role,
			names: [input, roleArn, root],
			ids: role ? [role.id] : [],
			serviceLinked: isServiceLinked(roleArn)
		});
	}
	if (service === 'sts' && rest.startsWith('federated-user/'))
		return make(input, 'federatedUser', account, {
			accountData,
			known: false,
			names: [input, root]
		});
	return make(input, 'anonymous', account, { known: false });
}

/** True for a service-linked role's ARN (path /aws-service-role/). */
export const isServiceLinked = (roleArn: string): boolean =>
	/:role\/aws-service-role\//.test(roleArn);

/** Does the principal have a permissions boundary? */
export const boundaryOf = (p: ResolvedPrincipal): string | null =>
	p.user?.permissionsBoundary ?? p.role?.permissionsBoundary ?? null;
