/**
 * The Security OU's accounts: the audit account, whose SecurityAuditor role reads the
 * organization's audit logs and assumes the auditor roles of other accounts, and the log-archive
 * account holding the audit-logs bucket (cross-account grant plus a deny on deletion).
 */
import { AWS_MANAGED, awsPolicyArn } from './aws-managed-policies';
import { ACCOUNTS, HOME_REGION, ORG_ID, iamArn } from './constants';
import type { AccountIam } from './gaad-builder';
import { policyArn } from './gaad-builder';
import { awsTrust, bucketArns, denyInsecureTransport, doc, orgAccessRole } from './policy-snippets';
import type { ResourceSpec } from './resource-files';

const A = ACCOUNTS.audit;
/** The organization's audit-log bucket (in the log-archive account). */
export const AUDIT_LOG_BUCKET = 'meridian-org-audit-logs';
const [logs, logObjects] = bucketArns(AUDIT_LOG_BUCKET);
const auditor = iamArn(A, 'role/SecurityAuditor');
const trail = `arn:aws:cloudtrail:${HOME_REGION}:${ACCOUNTS.management}:trail/meridian-org-trail`;

/** IAM of the audit account. */
export const AUDIT_IAM: AccountIam = {
	groups: [{ name: 'SecurityTeam', attached: [policyArn(A, 'AssumeSecurityAuditor')] }],
	users: [
		{
			name: 'nadia.rahman',
			groups: ['SecurityTeam'],
			tags: { department: 'security', role: 'audit-lead' }
		},
		{ name: 'tom.eriksen', groups: ['SecurityTeam'], tags: { department: 'security' } }
	],
	roles: [
		{
			name: 'SecurityAuditor',
			trust: awsTrust(iamArn(A, 'root'), { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }),
			attached: [awsPolicyArn('IAMReadOnlyAccess'), awsPolicyArn('AWSCloudTrail_ReadOnlyAccess')],
			inline: [
				{
					name: 'ReadOrgAuditLogs',
					document: doc(
						{
							Sid: 'ReadAuditLogs',
							Effect: 'Allow',
							Action: ['s3:GetObject', 's3:ListBucket'],
							Resource: [logs, logObjects]
						},
						{
							Sid: 'AssumeAuditorRoles',
							Effect: 'Allow',
							Action: 'sts:AssumeRole',
							Resource: 'arn:aws:iam::*:role/security/AuditorAccess'
						}
					)
				}
			],
			tags: { purpose: 'audit' },
			lastUsed: { date: '2024-03-12T08:15:40+00:00', region: HOME_REGION }
		},
		orgAccessRole(ACCOUNTS.management)
	],
	policies: [
		{
			name: 'AssumeSecurityAuditor',
			description: 'Security team members may assume the SecurityAuditor role with MFA',
			versions: [
				doc({
					Effect: 'Allow',
					Action: 'sts:AssumeRole',
					Resource: auditor,
					Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }
				})
			]
		},
		AWS_MANAGED.AdministratorAccess,
		AWS_MANAGED.IAMReadOnlyAccess,
		AWS_MANAGED.AWSCloudTrail_ReadOnlyAccess
	]
};

/** IAM of the log-archive account. */
export const LOG_ARCHIVE_IAM: AccountIam = {
	roles: [orgAccessRole(ACCOUNTS.management)],
	policies: [AWS_MANAGED.AdministratorAccess]
};

/** Resources of the log-archive account: the audit-logs bucket. */
export const LOG_ARCHIVE_RESOURCES: ResourceSpec[] = [
	{
		kind: 'bucket',
		name: AUDIT_LOG_BUCKET,
		region: HOME_REGION,
		policy: doc(
			{
				Sid: 'AWSCloudTrailAclCheck',
				Effect: 'Allow',
				Principal: { Service: 'cloudtrail.amazonaws.com' },
				Action: 's3:GetBucketAcl',
				Resource: logs,
				Condition: { StringEquals: { 'aws:SourceArn': trail } }
			},
			{
				Sid: 'AWSCloudTrailWrite',
				Effect: 'Allow',
				Principal: { Service: 'cloudtrail.amazonaws.com' },
				Action: 's3:PutObject',
				Resource: `${logs}/AWSLogs/${ORG_ID}/*`,
				Condition: {
					StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': trail }
				}
			},
			{
				Sid: 'AuditorsReadLogs',
				Effect: 'Allow',
				Principal: { AWS: auditor },
				Action: ['s3:GetObject', 's3:ListBucket'],
				Resource: [logs, logObjects]
			},
			{
				Sid: 'DenyLogTampering',
				Effect: 'Deny',
				Principal: '*',
				Action: [
					's3:DeleteObject',
					's3:DeleteObjectVersion',
					's3:PutLifecycleConfiguration',
					's3:DeleteBucketPolicy'
				],
				Resource: [logs, logObjects]
			},
			denyInsecureTransport('s3', [logs, logObjects])
		)
	}
];
