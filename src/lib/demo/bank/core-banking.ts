/**
 * The core-banking account: staff groups and users, the auditor, vendor, instance, break-glass
 * and developer-created roles, and the buckets, key, queue, topic and secret they reach.
 */
import { AWS_MANAGED, awsPolicyArn } from './aws-managed-policies';
import { ACCOUNTS, HOME_REGION, VENDOR_ACCOUNT, VENDOR_EXTERNAL_ID, iamArn } from './constants';
import { CORE, CORE_POLICIES } from './core-banking-policies';
import type { AccountIam } from './gaad-builder';
import { policyArn } from './gaad-builder';
import { awsTrust, bucketArns, denyInsecureTransport, doc, orgAccessRole, serviceTrust } from './policy-snippets';
import type { ResourceSpec } from './resource-files';

const C = ACCOUNTS.coreBanking;
const own = (name: string) => policyArn(C, name);
const retail = { department: 'retail-banking' };

/** IAM of the core-banking account. */
export const CORE_BANKING_IAM: AccountIam = {
	groups: [
		{ name: 'Tellers', attached: [own('TellerAccess')] },
		{ name: 'BranchManagers', attached: [own('BranchManagerAccess')] },
		{ name: 'LoanOfficers', attached: [own('LoanOfficerAccess')] },
		{ name: 'Auditors', attached: [own('AuditorReadOnly'), awsPolicyArn('IAMReadOnlyAccess'), awsPolicyArn('AWSCloudTrail_ReadOnlyAccess')] },
		{
			name: 'Admins',
			attached: [awsPolicyArn('AdministratorAccess')],
			inline: [
				{
					name: 'DenyAllWithoutMFA',
					document: doc({
						Sid: 'DenyAllExceptMfaSetupWithoutMFA',
						Effect: 'Deny',
						NotAction: ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:GetUser', 'iam:ListMFADevices', 'iam:ListVirtualMFADevices', 'iam:ResyncMFADevice', 'sts:GetSessionToken'],
						Resource: '*',
						Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }
					})
				}
			]
		},
		{ name: 'Developers', attached: [own('DeveloperAccess')] }
	],
	users: [
		{ name: 'ana.silva', path: '/staff/', groups: ['Tellers'], tags: { ...retail, branch: 'lisbon-baixa', 'cost-center': 'RB-1001' } },
		{
			name: 'sofia.martin',
			path: '/staff/',
			groups: ['Tellers', 'BranchManagers'],
			tags: { ...retail, branch: 'lisbon-baixa', 'display-name': '<b>Sofia</b> Martin (branch lead)' }
		},
		{ name: 'james.chen', path: '/staff/', groups: ['LoanOfficers'], tags: { department: 'lending' } },
		{ name: 'priya.nair', path: '/staff/', groups: ['LoanOfficers', 'BranchManagers'], tags: { ...retail, branch: 'porto-centro' } },
		{ name: 'olivia.brown', path: '/staff/', groups: ['Auditors'], tags: { department: 'internal-audit' } },
		{ name: 'daniel.okafor', path: '/ops/', groups: ['Admins'], tags: { department: 'cloud-platform', 'on-call': 'true' } },
		{ name: 'lucas.meyer', path: '/engineering/', groups: ['Developers'], attached: [awsPolicyArn('IAMUserChangePassword')], tags: { department: 'engineering', team: 'payments' } },
		{ name: 'emma.wilson', path: '/engineering/', groups: ['Developers', 'Auditors'], tags: { department: 'engineering', team: 'platform-security' } }
	],
	roles: [
		{
			name: 'AuditorAccess',
			path: '/security/',
			trust: awsTrust(iamArn(ACCOUNTS.audit, 'role/SecurityAuditor')),
			attached: [own('AuditorReadOnly'), awsPolicyArn('IAMReadOnlyAccess'), awsPolicyArn('AWSCloudTrail_ReadOnlyAccess')],
			tags: { purpose: 'cross-account-audit' },
			lastUsed: { date: '2024-03-12T08:15:44+00:00', region: HOME_REGION }
		},
		{
			name: 'VendorRiskAnalytics',
			path: '/partners/',
			trust: awsTrust(iamArn(VENDOR_ACCOUNT, 'root'), { StringEquals: { 'sts:ExternalId': VENDOR_EXTERNAL_ID } }),
			inline: [
				{
					name: 'RiskExportsReadOnly',
					document: doc(
						{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${CORE.loanBucket}/exports/risk/*` },
						{ Effect: 'Allow', Action: 's3:ListBucket', Resource: `arn:aws:s3:::${CORE.loanBucket}`, Condition: { StringLike: { 's3:prefix': 'exports/risk/*' } } }
					)
				}
			],
			tags: { vendor: 'northstar-risk-analytics', 'data-classification': 'confidential' },
			lastUsed: { date: '2024-03-13T02:00:19+00:00', region: HOME_REGION }
		},
		{
			name: 'LoanApplicationEc2',
			trust: serviceTrust('ec2.amazonaws.com'),
			instanceProfile: true,
			attached: [own('LoanApplicationAccess'), awsPolicyArn('AmazonSSMManagedInstanceCore')],
			tags: { application: 'loan-origination' },
			lastUsed: { date: '2024-03-13T18:42:09+00:00', region: HOME_REGION }
		},
		{
			name: 'BreakGlassAdmin',
			trust: awsTrust(iamArn(C, 'root'), { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }),
			attached: [awsPolicyArn('AdministratorAccess')],
			tags: { purpose: 'emergency-access', 'alert-on-use': 'security-oncall' }
		},
		{
			name: 'payments-batch',
			path: '/app/',
			trust: serviceTrust('lambda.amazonaws.com'),
			boundary: CORE.boundary,
			inline: [
				{
					name: 'PaymentsBatchAccess',
					document: doc(
						{ Effect: 'Allow', Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage'], Resource: CORE.queue },
						{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: `arn:aws:secretsmanager:${HOME_REGION}:${C}:secret:prod/core-banking/*` },
						{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' }
					)
				}
			],
			tags: { 'created-by': 'lucas.meyer' },
			lastUsed: { date: '2024-03-13T17:05:51+00:00', region: HOME_REGION }
		},
		orgAccessRole(ACCOUNTS.management)
	],
	policies: [
		...CORE_POLICIES,
		AWS_MANAGED.AdministratorAccess,
		AWS_MANAGED.IAMReadOnlyAccess,
		AWS_MANAGED.AWSCloudTrail_ReadOnlyAccess,
		AWS_MANAGED.IAMUserChangePassword,
		AWS_MANAGED.AmazonSSMManagedInstanceCore
	]
};

const [customers, customerObjects] = bucketArns(CORE.customerBucket);
const [loans, loanObjects] = bucketArns(CORE.loanBucket);
const role = (name: string) => iamArn(C, `role/${name}`);

/** Resources of the core-banking account. */
export const CORE_BANKING_RESOURCES: ResourceSpec[] = [
	{
		kind: 'bucket',
		name: CORE.customerBucket,
		region: HOME_REGION,
		policy: doc(
			denyInsecureTransport('s3', [customers, customerObjects]),
			{ Sid: 'DenyUnencryptedUploads', Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: customerObjects, Condition: { StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } } },
			{ Sid: 'AuditorsInspectBucket', Effect: 'Allow', Principal: { AWS: role('security/AuditorAccess') }, Action: ['s3:GetBucketPolicy', 's3:GetBucketAcl', 's3:ListBucket'], Resource: customers }
		)
	},
	{
		kind: 'bucket',
		name: CORE.loanBucket,
		region: HOME_REGION,
		policy: doc(denyInsecureTransport('s3', [loans, loanObjects]), {
			Sid: 'VendorReadsRiskExports',
			Effect: 'Allow',
			Principal: { AWS: role('partners/VendorRiskAnalytics') },
			Action: 's3:GetObject',
			Resource: `${loans}/exports/risk/*`
		})
	},
	{
		kind: 'key',
		id: CORE.keyId,
		region: HOME_REGION,
		policy: {
			Version: '2012-10-17',
			Id: 'customer-data-key-policy',
			Statement: [
				{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: iamArn(C, 'root') }, Action: 'kms:*', Resource: '*' },
				{
					Sid: 'Allow access for Key Administrators',
					Effect: 'Allow',
					Principal: { AWS: role('BreakGlassAdmin') },
					Action: ['kms:Create*', 'kms:Describe*', 'kms:Enable*', 'kms:List*', 'kms:Put*', 'kms:Update*', 'kms:Revoke*', 'kms:Disable*', 'kms:Get*', 'kms:Delete*', 'kms:TagResource', 'kms:UntagResource', 'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion'],
					Resource: '*'
				},
				{ Sid: 'Allow use of the key', Effect: 'Allow', Principal: { AWS: role('LoanApplicationEc2') }, Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'], Resource: '*' }
			]
		}
	},
	{
		kind: 'queue',
		name: 'core-transactions',
		region: HOME_REGION,
		policy: doc(
			{ Sid: 'FraudAlertsFanOut', Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: CORE.queue, Condition: { ArnEquals: { 'aws:SourceArn': CORE.topic } } },
			denyInsecureTransport('sqs', [CORE.queue])
		)
	},
	{
		kind: 'topic',
		name: 'fraud-alerts',
		region: HOME_REGION,
		policy: {
			Version: '2008-10-17',
			Id: '__default_policy_ID',
			Statement: [
				{
					Sid: '__default_statement_ID',
					Effect: 'Allow',
					Principal: { AWS: '*' },
					Action: ['SNS:GetTopicAttributes', 'SNS:SetTopicAttributes', 'SNS:AddPermission', 'SNS:RemovePermission', 'SNS:DeleteTopic', 'SNS:Subscribe', 'SNS:ListSubscriptionsByTopic', 'SNS:Publish'],
					Resource: CORE.topic,
					Condition: { StringEquals: { 'AWS:SourceOwner': C } }
				}
			]
		}
	},
	{
		kind: 'secret',
		name: 'prod/core-banking/db-credentials',
		suffix: 'Xk3pQa',
		region: HOME_REGION,
		policy: doc({ Sid: 'LoanApplicationReadsCredentials', Effect: 'Allow', Principal: { AWS: role('LoanApplicationEc2') }, Action: 'secretsmanager:GetSecretValue', Resource: '*' })
	}
];
