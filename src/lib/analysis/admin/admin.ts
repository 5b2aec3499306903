/**
 * Administrators (docs/adr/0011-administrators-and-escalation.md): a principal is an
 * administrator when the evaluator — identity, groups, boundary, SCPs, RCPs, default context —
 * allows it every action on every resource of its own account that the organization's SCPs
 * leave open, as AdministratorAccess does.
 *
 * "Every action" is tested with probes, each decided by the evaluator:
 *  - an action of a service that does not exist, on a resource of the account: only a wildcard
 *    Action (or a NotAction that leaves it out) with a wildcard Resource and no condition the
 *    caller cannot meet can allow it — so a list of services, `iam:*` or a conditional grant fails;
 *  - high-impact actions across services (IAM, STS, S3, EC2, KMS, Lambda, …) on resources of the
 *    account: a Deny, a boundary or a NotAction that takes one of them away fails.
 * A probe denied only by SCPs or RCPs counts as passed (the organization closed it for everyone),
 * but the unknown-service probe must still be allowed by the principal's own identity layer.
 *
 * API: `adminCheck(ask, principal)` → AdminVerdict; `isAdmin(ask, principal)` → boolean.
 */
import { accountOfArn } from '../../model/ids';
import type { Reason } from '../../engine/types';
import type { Ask } from '../ask/ask';

/** The action of a service that does not exist: only wildcards allow it. */
export const UNKNOWN_SERVICE_ACTION = 'iamatlasprobe:AnyAction';

/** A probe: an action and the resource it is asked on (`{a}` is the account id). */
export interface AdminProbe {
	action: string;
	resource: string;
	/** The resource's account when the ARN does not carry it (S3). */
	bucket?: boolean;
}

/** The probes, the unknown-service probe first. */
export const ADMIN_PROBES: readonly AdminProbe[] = [
	{ action: UNKNOWN_SERVICE_ACTION, resource: 'arn:aws:iamatlasprobe:us-east-1:{a}:thing/probe' },
	{ action: 'iam:CreateUser', resource: 'arn:aws:iam::{a}:user/iam-atlas-probe' },
	{ action: 'iam:AttachRolePolicy', resource: 'arn:aws:iam::{a}:role/iam-atlas-probe' },
	{ action: 'iam:PutUserPolicy', resource: 'arn:aws:iam::{a}:user/iam-atlas-probe' },
	{ action: 'iam:CreatePolicyVersion', resource: 'arn:aws:iam::{a}:policy/iam-atlas-probe' },
	{ action: 'iam:PassRole', resource: 'arn:aws:iam::{a}:role/iam-atlas-probe' },
	{ action: 'iam:UpdateAssumeRolePolicy', resource: 'arn:aws:iam::{a}:role/iam-atlas-probe' },
	{ action: 'iam:CreateAccessKey', resource: 'arn:aws:iam::{a}:user/iam-atlas-probe' },
	{ action: 'sts:GetFederationToken', resource: 'arn:aws:sts::{a}:federated-user/iam-atlas-probe' },
	{ action: 's3:GetObject', resource: 'arn:aws:s3:::iam-atlas-probe-{a}/key', bucket: true },
	{ action: 's3:PutBucketPolicy', resource: 'arn:aws:s3:::iam-atlas-probe-{a}', bucket: true },
	{ action: 's3:ListAllMyBuckets', resource: '*' },
	{ action: 'ec2:RunInstances', resource: 'arn:aws:ec2:us-east-1:{a}:instance/*' },
	{ action: 'ec2:DescribeInstances', resource: '*' },
	{ action: 'kms:Decrypt', resource: 'arn:aws:kms:us-east-1:{a}:key/iam-atlas-probe' },
	{ action: 'kms:PutKeyPolicy', resource: 'arn:aws:kms:us-east-1:{a}:key/iam-atlas-probe' },
	{
		action: 'lambda:UpdateFunctionCode',
		resource: 'arn:aws:lambda:us-east-1:{a}:function:iam-atlas-probe'
	},
	{
		action: 'secretsmanager:GetSecretValue',
		resource: 'arn:aws:secretsmanager:us-east-1:{a}:secret:iam-atlas-probe'
	},
	{
		action: 'dynamodb:DeleteTable',
		resource: 'arn:aws:dynamodb:us-east-1:{a}:table/iam-atlas-probe'
	},
	{ action: 'rds:DeleteDBInstance', resource: 'arn:aws:rds:us-east-1:{a}:db:iam-atlas-probe' },
	{
		action: 'cloudtrail:StopLogging',
		resource: 'arn:aws:cloudtrail:us-east-1:{a}:trail/iam-atlas-probe'
	},
	{ action: 'ssm:SendCommand', resource: 'arn:aws:ec2:us-east-1:{a}:instance/i-0iamatlasprobe' },
	{ action: 'sqs:DeleteQueue', resource: 'arn:aws:sqs:us-east-1:{a}:iam-atlas-probe' },
	{
		action: 'logs:DeleteLogGroup',
		resource: 'arn:aws:logs:us-east-1:{a}:log-group:iam-atlas-probe'
	},
	{
		action: 'cloudformation:CreateStack',
		resource: 'arn:aws:cloudformation:us-east-1:{a}:stack/iam-atlas-probe/*'
	},
	{ action: 'organizations:DescribeOrganization', resource: '*' }
];

/** The verdict of the administrator check. */
export interface AdminVerdict {
	admin: boolean;
	/** The first probe that failed, with the evaluator's reasons; absent when admin. */
	failed?: { action: string; resource: string; decision: string; reasons: Reason[] };
	/** The statements that allowed the unknown-service probe (the wildcard grant). */
	allows: Reason[];
}

const orgOnly = (reasons: Reason[]) =>
	reasons.length > 0 && reasons.every((r) => r.policyType === 'scp' || r.policyType === 'rcp');

/** Decide whether the principal (a user or role ARN) is an administrator of its own account. */
export function adminCheck(ask: Ask, principal: string): AdminVerdict {
	const account = accountOfArn(principal);
	const ev = ask.evaluator;
	// cheap pre-filter: without an identity Allow whose Action covers an unknown service, no admin
	if (!ev.identityStatements(principal, UNKNOWN_SERVICE_ACTION).some((s) => s.effect === 'Allow'))
		return {
			admin: false,
			failed: {
				action: UNKNOWN_SERVICE_ACTION,
				resource: '*',
				decision: 'implicitDeny',
				reasons: []
			},
			allows: []
		};
	let allows: Reason[] = [];
	for (const probe of ADMIN_PROBES) {
		const resource = probe.resource.replaceAll('{a}', account ?? '000000000000');
		const req = {
			principal,
			action: probe.action,
			resource,
			resourceAccount: probe.bucket && account ? account : undefined
		};
		const a = ask.decide(req);
		if (probe.action === UNKNOWN_SERVICE_ACTION) {
			if (a.allowed) allows = a.reasons.filter((r) => r.policyType === 'identity');
			else if (orgOnly(a.reasons)) {
				// the organization closes even unknown services: the principal's own layers must allow
				const t = ask.explain(a.request);
				const own = t.layers.filter((l) => l.layer === 'identity' || l.layer === 'boundary');
				if (!own.every((l) => l.verdict === 'allow' || l.verdict === 'notApplicable'))
					return {
						admin: false,
						failed: { ...req, decision: a.decision, reasons: a.reasons },
						allows
					};
				allows = t.layers
					.filter((l) => l.layer === 'identity')
					.flatMap((l) => l.policies)
					.filter((p) => p.verdict === 'allow')
					.flatMap((p) =>
						p.statements
							.filter((s) => s.matched && s.effect === 'Allow')
							.map((s): Reason => ({
								effect: 'Allow',
								policyType: 'identity',
								policy: p.name,
								attachedTo: p.via ?? p.attachedTo,
								statement: s.sid ?? String(s.index),
								policyId: p.policyId
							}))
					);
			} else
				return {
					admin: false,
					failed: { ...req, decision: a.decision, reasons: a.reasons },
					allows
				};
			continue;
		}
		if (!a.allowed && !orgOnly(a.reasons))
			return { admin: false, failed: { ...req, decision: a.decision, reasons: a.reasons }, allows };
	}
	return { admin: true, allows };
}

/** Whether the principal is an administrator (see adminCheck). */
export function isAdmin(ask: Ask, principal: string): boolean {
	return adminCheck(ask, principal).admin;
}
