/**
 * What-if snapshots for escalation steps that change IAM itself: the evaluator decides what a
 * principal could do *after* the step, on a copy of the snapshot that shares everything else.
 *  - `granted`: every user and role also holds an inline Allow `*` on `*` (what writing or
 *    attaching a policy to itself gives), plus one probe member per group holding only that
 *    group's policies (what joining the group gives); boundaries, SCPs, RCPs and denies stay.
 *  - `unbounded`: every permissions boundary removed (what deleting one's boundary gives).
 *  - `openTrust`: every role's trust policy allows any AWS principal (what rewriting a trust
 *    policy to name oneself gives; `Principal: "*"` is a direct grant, ADR 0010).
 */
import type { PolicyDocument } from '../../model/policy-document';
import type { Account, Snapshot } from '../../model/snapshot';

/** The inline policy name the what-if grant uses. */
export const WHAT_IF_POLICY = 'iam-atlas-what-if';

const GRANT_ALL: PolicyDocument = {
	Version: '2012-10-17',
	Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }]
};
const OPEN_TRUST: PolicyDocument = {
	Version: '2012-10-17',
	Statement: [
		{
			Effect: 'Allow',
			Principal: { AWS: '*' },
			Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity']
		}
	]
};

/** The ARN of the probe member of a group (a user of `granted` holding only the group's policies). */
export const groupProbe = (groupArn: string): string =>
	groupArn.replace(/:group\/(.*\/)?([^/]+)$/, ':user/iam-atlas-probe-member/$2');

const mapAccounts = (s: Snapshot, f: (a: Account) => Account): Snapshot => ({
	...s,
	accounts: s.accounts.map(f)
});

/** Every user and role holds an extra Allow `*`; each group has a probe member. */
export function grantedSnapshot(s: Snapshot): Snapshot {
	const grant = { name: WHAT_IF_POLICY, document: GRANT_ALL };
	return mapAccounts(s, (a) => ({
		...a,
		users: [
			...a.users.map((u) => ({ ...u, inlinePolicies: [...u.inlinePolicies, grant] })),
			...a.groups.map((g) => ({
				arn: groupProbe(g.arn),
				name: groupProbe(g.arn).split('/').pop()!,
				id: `AIDAPROBE${g.id}`,
				path: '/iam-atlas-probe-member/',
				createDate: null,
				inlinePolicies: [],
				attachedPolicies: [],
				groups: [g.name],
				permissionsBoundary: null,
				tags: {}
			}))
		],
		roles: a.roles.map((r) => ({ ...r, inlinePolicies: [...r.inlinePolicies, grant] }))
	}));
}

/** Every permissions boundary removed. */
export function unboundedSnapshot(s: Snapshot): Snapshot {
	return mapAccounts(s, (a) => ({
		...a,
		users: a.users.map((u) => ({ ...u, permissionsBoundary: null })),
		roles: a.roles.map((r) => ({ ...r, permissionsBoundary: null }))
	}));
}

/** Every role trusts any AWS principal. */
export function openTrustSnapshot(s: Snapshot): Snapshot {
	return mapAccounts(s, (a) => ({
		...a,
		roles: a.roles.map((r) => ({ ...r, trustPolicy: OPEN_TRUST }))
	}));
}
