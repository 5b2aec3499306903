/**
 * The customer-managed policies of the core-banking account: one per job (tellers, loan officers,
 * branch managers, auditors, developers), the developers' permission boundary and the loan
 * application's instance-role policy. They use MFA, source-IP, requested-region and principal-tag
 * conditions and the ${aws:username} variable on purpose.
 */
import type { PolicyStatement } from '../../model/policy-document';
import type { PolicySpec } from './gaad-builder';
import { policyArn } from './gaad-builder';
import { ACCOUNTS, APPROVED_REGIONS, BRANCH_CIDRS, HOME_REGION, iamArn } from './constants';
import { doc } from './policy-snippets';
import { secretArn } from './resource-files';

const C = ACCOUNTS.coreBanking;
/** Names and ARNs of the core-banking resources the policies point at. */
export const CORE = {
	customerBucket: 'meridian-customer-accounts-prod',
	loanBucket: 'meridian-loan-applications-prod',
	keyId: '3f8c2a1e-5b7d-4e90-a6c4-91d2e8b7f035',
	queue: `arn:aws:sqs:${HOME_REGION}:${C}:core-transactions`,
	topic: `arn:aws:sns:${HOME_REGION}:${C}:fraud-alerts`,
	secret: secretArn(C, HOME_REGION, 'prod/core-banking/db-credentials', 'Xk3pQa'),
	boundary: policyArn(C, 'DeveloperBoundary')
};
const keyArn = `arn:aws:kms:${HOME_REGION}:${C}:key/${CORE.keyId}`;
const customers = `arn:aws:s3:::${CORE.customerBucket}`;
const loans = `arn:aws:s3:::${CORE.loanBucket}`;

const tellerStatements: PolicyStatement[] = [
	{
		Sid: 'CustomerRecordsFromBranchNetwork',
		Effect: 'Allow',
		Action: ['s3:GetObject', 's3:PutObject'],
		Resource: `${customers}/accounts/*`,
		Condition: { IpAddress: { 'aws:SourceIp': BRANCH_CIDRS } }
	},
	{
		Sid: 'ListCustomerRecords',
		Effect: 'Allow',
		Action: 's3:ListBucket',
		Resource: customers,
		Condition: { StringLike: { 's3:prefix': ['accounts/*'] } }
	},
	{ Sid: 'PostTransactions', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: CORE.queue },
	{
		Sid: 'UseCustomerDataKey',
		Effect: 'Allow',
		Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
		Resource: keyArn
	}
];

/** The core-banking customer-managed policies. */
export const CORE_POLICIES: PolicySpec[] = [
	{
		name: 'TellerAccess',
		description: 'Tellers: customer records from branch networks only; never delete',
		versions: [
			doc(...tellerStatements),
			doc(...tellerStatements, {
				Sid: 'NeverDeleteCustomerRecords',
				Effect: 'Deny',
				Action: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
				Resource: `${customers}/*`
			})
		]
	},
	{
		name: 'BranchManagerAccess',
		description:
			'Branch managers: records of their own branch (principal tag) and MFA-approved transfers',
		versions: [
			doc(
				{
					Sid: 'ManageOwnBranchRecords',
					Effect: 'Allow',
					Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
					Resource: `${customers}/branches/\${aws:PrincipalTag/branch}/*`,
					Condition: { StringEquals: { 'aws:PrincipalTag/department': 'retail-banking' } }
				},
				{
					Sid: 'ApproveTransfersWithMfa',
					Effect: 'Allow',
					Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage'],
					Resource: CORE.queue,
					Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }
				}
			)
		]
	},
	{
		name: 'LoanOfficerAccess',
		description: 'Loan officers: their own loan applications (${aws:username} prefix)',
		versions: [
			doc(
				{
					Sid: 'OwnLoanApplications',
					Effect: 'Allow',
					Action: ['s3:GetObject', 's3:PutObject'],
					Resource: `${loans}/applications/\${aws:username}/*`
				},
				{
					Sid: 'ListOwnLoanApplications',
					Effect: 'Allow',
					Action: 's3:ListBucket',
					Resource: loans,
					Condition: { StringLike: { 's3:prefix': ['applications/${aws:username}/*'] } }
				},
				{
					Sid: 'PublishFraudSuspicions',
					Effect: 'Allow',
					Action: 'sns:Publish',
					Resource: CORE.topic
				}
			)
		]
	},
	{
		name: 'AuditorReadOnly',
		description: 'Auditors: read configuration and policies, never secret values',
		versions: [
			doc(
				{
					Sid: 'ReadConfiguration',
					Effect: 'Allow',
					Action: [
						's3:GetBucketPolicy',
						's3:GetBucketAcl',
						's3:ListAllMyBuckets',
						'kms:DescribeKey',
						'kms:GetKeyPolicy',
						'kms:ListKeys',
						'sqs:GetQueueAttributes',
						'sns:GetTopicAttributes',
						'secretsmanager:DescribeSecret',
						'secretsmanager:GetResourcePolicy',
						'organizations:Describe*',
						'organizations:List*'
					],
					Resource: '*'
				},
				{
					Sid: 'NeverReadSecretValues',
					Effect: 'Deny',
					Action: 'secretsmanager:GetSecretValue',
					Resource: '*'
				}
			)
		]
	},
	{
		name: 'DeveloperAccess',
		description:
			'Developers: build serverless apps in approved regions; create roles only with the DeveloperBoundary',
		versions: [
			doc(
				{
					Sid: 'BuildInApprovedRegions',
					Effect: 'Allow',
					Action: ['lambda:*', 'logs:*', 'cloudwatch:*', 'sqs:*', 'dynamodb:*', 'ec2:Describe*'],
					Resource: '*',
					Condition: { StringEquals: { 'aws:RequestedRegion': [...APPROVED_REGIONS] } }
				},
				{
					Sid: 'CreateAppRolesOnlyWithBoundary',
					Effect: 'Allow',
					Action: [
						'iam:CreateRole',
						'iam:PutRolePermissionsBoundary',
						'iam:AttachRolePolicy',
						'iam:DetachRolePolicy',
						'iam:PutRolePolicy',
						'iam:DeleteRolePolicy'
					],
					Resource: iamArn(C, 'role/app/*'),
					Condition: { StringEquals: { 'iam:PermissionsBoundary': CORE.boundary } }
				},
				{
					Sid: 'ManageAppRoles',
					Effect: 'Allow',
					Action: [
						'iam:GetRole',
						'iam:ListRolePolicies',
						'iam:ListAttachedRolePolicies',
						'iam:TagRole',
						'iam:DeleteRole'
					],
					Resource: iamArn(C, 'role/app/*')
				},
				{
					Sid: 'PassAppRolesToLambda',
					Effect: 'Allow',
					Action: 'iam:PassRole',
					Resource: iamArn(C, 'role/app/*'),
					Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } }
				},
				{
					Sid: 'NoBoundaryRemoval',
					Effect: 'Deny',
					Action: 'iam:DeleteRolePermissionsBoundary',
					Resource: iamArn(C, 'role/*')
				},
				{
					Sid: 'NoBoundaryEditing',
					Effect: 'Deny',
					Action: [
						'iam:CreatePolicyVersion',
						'iam:DeletePolicy',
						'iam:DeletePolicyVersion',
						'iam:SetDefaultPolicyVersion'
					],
					Resource: CORE.boundary
				}
			)
		]
	},
	{
		name: 'DeveloperBoundary',
		description:
			'Permission boundary for roles developers create: app plumbing only, no secrets, no IAM',
		versions: [
			doc({
				Sid: 'AppPlumbingOnly',
				Effect: 'Allow',
				Action: [
					'logs:CreateLogGroup',
					'logs:CreateLogStream',
					'logs:PutLogEvents',
					'cloudwatch:PutMetricData',
					'sqs:SendMessage',
					'sqs:ReceiveMessage',
					'sqs:DeleteMessage',
					'sqs:GetQueueAttributes',
					'dynamodb:GetItem',
					'dynamodb:PutItem',
					'dynamodb:Query',
					'xray:PutTraceSegments'
				],
				Resource: '*'
			})
		]
	},
	{
		name: 'LoanApplicationAccess',
		description:
			'The loan application servers: applications bucket, database credentials, customer-data key',
		versions: [
			doc(
				{
					Sid: 'ReadWriteApplications',
					Effect: 'Allow',
					Action: ['s3:GetObject', 's3:PutObject'],
					Resource: `${loans}/applications/*`
				},
				{
					Sid: 'DatabaseCredentials',
					Effect: 'Allow',
					Action: 'secretsmanager:GetSecretValue',
					Resource: CORE.secret
				},
				{
					Sid: 'PostTransactions',
					Effect: 'Allow',
					Action: 'sqs:SendMessage',
					Resource: CORE.queue
				},
				{
					Sid: 'UseCustomerDataKey',
					Effect: 'Allow',
					Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
					Resource: keyArn
				}
			)
		]
	}
];
