/**
 * Recovers, from any evaluator request over a snapshot, the shape the peer mapping needs (who the
 * principal is, which account and policy holder the resource has), so hand-written fixture cases
 * can be replayed against the peer like generated ones. Returns null for callers the peer input
 * cannot express (federated users, identity providers).
 */
import type { EvalRequest } from '../../src/lib/engine/types';
import { accountOfArn } from '../../src/lib/model/ids';
import type { SnapshotIndex } from '../../src/lib/model/snapshot-index';
import type { GeneratedRequest } from './request-generator';
import type { GeneratedPrincipal } from './world-generator';
import type { Target, TargetKind } from './vocabulary';

function principalOf(index: SnapshotIndex, arn: string): GeneratedPrincipal | null {
	if (arn === '*') return { arn, kind: 'anonymous', account: '' };
	if (/^[a-z0-9.-]+\.amazonaws\.com$/.test(arn)) return { arn, kind: 'service', account: '' };
	const root = /^arn:aws:iam::(\d{12}):root$/.exec(arn);
	if (root) return { arn, kind: 'root', account: root[1] };
	const session = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(arn);
	if (session) {
		const role = index.accounts.get(session[1])?.roles.find((r) => r.name === session[2]);
		return role ? { arn, kind: 'session', account: session[1], roleArn: role.arn } : null;
	}
	const found = index.principals.get(arn);
	if (!found) return null;
	return { arn, kind: found.kind, account: found.account.id };
}

function kindOf(action: string, arn: string): TargetKind {
	const a = action.toLowerCase();
	// the trust policy is the resource policy of every STS action on a role (AssumeRole, TagSession, …)
	if (a.startsWith('sts:') && /^arn:aws:iam::\d{12}:role\//.test(arn)) return 'role';
	if (a.startsWith('kms:')) return 'key';
	if (a.startsWith('s3:'))
		return arn.replace(/^arn:aws:s3:::/, '').includes('/') ? 'object' : 'bucket';
	return 'table';
}

/** The function ARN of a Lambda version or alias ARN (`…:function:name:qualifier`), else the ARN itself. */
const unqualifiedFunction = (arn: string) =>
	/^(arn:aws:lambda:[^:]*:\d{12}:function:[^:]+):[^:]+$/.exec(arn)?.[1] ?? arn;

/** The generated-request shape of a request, or null when the peer cannot take its principal. */
export function shapeOf(index: SnapshotIndex, request: EvalRequest): GeneratedRequest | null {
	const principal = principalOf(index, request.principal);
	if (!principal) return null;
	const kind = kindOf(request.action, request.resource);
	const bucketName = request.resource.startsWith('arn:aws:s3:::')
		? request.resource.slice(13).split('/')[0]
		: null;
	const account =
		request.resourceAccount ??
		accountOfArn(request.resource) ??
		(bucketName ? index.bucketAccounts.get(bucketName) : undefined) ??
		principal.account;
	let holder: string | null = null;
	if (kind === 'role') {
		const role = index.principals.get(request.resource);
		// every IAM role has a trust policy; a snapshot without it cannot be replayed faithfully
		if (role?.kind === 'role' && !role.entity.trustPolicy) return null;
		holder = role?.kind === 'role' ? request.resource : null;
	} else if (index.resources.has(request.resource)) holder = request.resource;
	// an IAM user or role as the target (iam:GetUser …): it holds the resource tags
	else if (index.principals.has(request.resource)) holder = request.resource;
	// a version or alias ARN is governed by the function's resource policy (Lambda resource-based policies page)
	else if (index.resources.has(unqualifiedFunction(request.resource)))
		holder = unqualifiedFunction(request.resource);
	else if (bucketName && index.resources.has(`arn:aws:s3:::${bucketName}`))
		holder = `arn:aws:s3:::${bucketName}`;
	const target: Target = { kind, arn: request.resource, account, holder };
	const requestContext: Record<string, string | string[]> = {};
	for (const [k, v] of Object.entries(request.context ?? {}))
		requestContext[k] = Array.isArray(v) ? v.map(String) : String(v);
	const shaped: EvalRequest = { ...request };
	if (principal.kind !== 'session') delete shaped.sessionPolicy;
	return { request: shaped, principal, target, requestContext };
}
