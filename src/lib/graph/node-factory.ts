/**
 * Builds the graph node for one model object (org unit, account, attachment, principal,
 * policy, resource, outside principal). Pure: labels and counts come from the snapshot index.
 */
import { accountOfArn } from '../model/ids';
import type { SnapshotIndex } from '../model/snapshot-index';
import type {
	Group,
	InlinePolicy,
	ManagedPolicy,
	OrgPolicy,
	OrgUnit,
	Resource,
	Role,
	User
} from '../model/snapshot';
import { attachmentId, NO_ORG_ROOT, type GraphNode, type NodeKind } from './kinds';

/** Rows of an account's block, top to bottom. */
export const ROW = {
	group: 0,
	user: 1,
	role: 2,
	resource: 3,
	policy: 0,
	trust: 0,
	attachment: 0
} as const;

const make = (
	id: string,
	kind: NodeKind,
	label: string,
	sub: string,
	extra: Partial<GraphNode> = {}
): GraphNode => ({
	id,
	kind,
	label,
	ref: id,
	sub,
	accountId: null,
	childCount: 0,
	row: 0,
	...extra
});

/** The display name of an account: its org name, its snapshot name, or its id. */
export function accountName(index: SnapshotIndex, accountId: string): string {
	return index.orgAccounts.get(accountId)?.name ?? index.accounts.get(accountId)?.name ?? accountId;
}

/** The number of things an account shows when expanded. */
export function accountChildCount(index: SnapshotIndex, accountId: string): number {
	const a = index.accounts.get(accountId);
	const attachments = index.orgPoliciesByTarget.get(accountId)?.length ?? 0;
	return a
		? a.users.length + a.groups.length + a.roles.length + a.resources.length + attachments
		: attachments;
}

/** The root or an OU. */
export const unitNode = (u: OrgUnit): GraphNode =>
	make(u.id, u.kind, u.name, u.kind === 'root' ? `organization root · ${u.id}` : `OU · ${u.id}`);

/** The stand-in root of a snapshot without an organization. */
export const noOrgRoot = (name: string): GraphNode =>
	make(NO_ORG_ROOT, 'root', name, 'no organization data');

/** An account (collapsed: its badge counts what expanding shows). */
export function accountNode(index: SnapshotIndex, accountId: string): GraphNode {
	const a = index.accounts.get(accountId);
	const principals = a ? a.users.length + a.roles.length : 0;
	const name = accountName(index, accountId);
	// An account known only by its id (no org data, no name) does not repeat the id.
	const id = name === accountId ? '' : `${accountId} · `;
	const sub = a ? `${id}${principals} principal${principals === 1 ? '' : 's'}` : `${id}no IAM data`;
	return make(accountId, 'account', name, sub, {
		accountId,
		childCount: accountChildCount(index, accountId)
	});
}

/** One SCP or RCP shown beside one of its targets. */
export const attachmentNode = (p: OrgPolicy, targetId: string): GraphNode =>
	make(
		attachmentId(p.id, targetId),
		p.type === 'SCP' ? 'scp' : 'rcp',
		p.name,
		`${p.type} · ${p.id}`,
		{
			ref: p.id,
			row: ROW.attachment
		}
	);

/** A user, group or role. */
export function principalNode(
	kind: 'user' | 'group' | 'role',
	e: User | Group | Role,
	accountId: string
): GraphNode {
	const policies = e.attachedPolicies.length + e.inlinePolicies.length;
	const boundary = 'permissionsBoundary' in e && e.permissionsBoundary ? 1 : 0;
	const trust = kind === 'role' ? 1 : 0;
	return make(e.arn, kind, e.name, kind, {
		accountId,
		childCount: policies + boundary + trust,
		row: ROW[kind]
	});
}

/** A managed policy (customer or AWS managed). */
export function managedPolicyNode(
	arn: string,
	policy: ManagedPolicy | undefined,
	accountId: string | null
): GraphNode {
	const name = policy?.name ?? arn.slice(arn.lastIndexOf('/') + 1);
	const sub =
		policy?.awsManaged || /:iam::aws:policy\//.test(arn) ? 'AWS managed policy' : 'managed policy';
	return make(arn, 'policy', name, policy ? sub : `${sub} (not in snapshot)`, {
		accountId: accountOfArn(arn) ?? accountId,
		childCount: 1,
		row: ROW.policy
	});
}

/** An inline policy of a user, group or role. */
export const inlineNode = (id: string, p: InlinePolicy, accountId: string): GraphNode =>
	make(id, 'inline', p.name, 'inline policy', { accountId, childCount: 1, row: ROW.policy });

/** A resource; expandable when it has a resource-based policy. */
export const resourceNode = (r: Resource): GraphNode =>
	make(r.arn, 'resource', r.name, r.kind, {
		accountId: r.accountId,
		childCount: r.policy ? 1 : 0,
		row: ROW.resource
	});

/** A principal outside the snapshot: another account, a service, a federated identity, anyone. */
export function externalNode(id: string, type: string): GraphNode {
	const acct = /^arn:[^:]+:iam::(\d{12}):root$/.exec(id)?.[1];
	const label =
		id === '*' ? 'Anyone (*)' : acct ? `Account ${acct}` : (id.split(/[:/]/).pop() ?? id);
	const sub =
		id === '*'
			? 'any principal'
			: acct
				? 'outside this snapshot'
				: `${type.toLowerCase()} principal`;
	return make(id, 'external', label || id, sub, { accountId: acct ?? accountOfArn(id) });
}
