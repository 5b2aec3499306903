/**
 * The core-banking account's IAM: staff groups and users, and the auditor, vendor, instance,
 * break-glass and developer-created roles (its resources are in core-banking-resources.ts).
 */
import { AWS_MANAGED, awsPolicyArn } from './aws-managed-policies';
import { ACCOUNTS, HOME_REGION, VENDOR_ACCOUNT, VENDOR_EXTERNAL_ID, iamArn } from './constants';
import { CORE, CORE_POLICIES } from './core-banking-policies';
import type { AccountIam } from './gaad-builder';
import { policyArn } from './gaad-builder';
import { awsTrust, doc, orgAccessRole, serviceTrust } from './policy-snippets';

const C = ACCOUNTS.coreBanking;
const own = (name: string) => policyArn(C, name);
const retail = { department: 'retail-banking' };

/** IAM of the core-banking account. */
export const CORE_BANKING_IAM: AccountIam = {
	groups: [
		{ name: 'Tellers', attached: [own('TellerAccess')] },
		{ name: 'BranchManagers', attached: [own('BranchManagerAccess')] },
		{ name: 'LoanOfficers', attached: [own('LoanOfficerAccess')] },
		{
			name: 'Auditors',
			attached: [
				own('AuditorReadOnly'),
				awsPolicyArn('IAMReadOnlyAccess'),
				awsPolicyArn('AWSCloudTrail_ReadOnlyAccess')
			]
		},
		{
			name: 'Admins',
			attached: [awsPolicyArn('AdministratorAccess')],
			inline: [
				{
					name: 'DenyAllWithoutMFA',
					document: doc({
						Sid: 'DenyAllExceptMfaSetupWithoutMFA',
						Effect: 'Deny',
						NotAction: [
							'iam:CreateVirtualMFADevice',
							'iam:EnableMFADevice',
							'iam:GetUser',
							'iam:ListMFADevices',
							'iam:ListVirtualMFADevices',
							'iam:ResyncMFADevice',
							'sts:GetSessionToken'
						],
						Resource: '*',
						Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }
					})
				}
			]
		},
		{ name: 'Developers', attached: [own('DeveloperAccess')] }
	],
	users: [
		{
			name: 'ana.silva',
			path: '/staff/',
			groups: ['Tellers'],
			tags: { ...retail, branch: 'lisbon-baixa', 'cost-center': 'RB-1001' }
		},
		{
			name: 'sofia.martin',
			path: '/staff/',
			groups: ['Tellers', 'BranchManagers'],
			tags: {
				...retail,
				branch: 'lisbon-baixa',
				'display-name': '<b>Sofia</b> Martin (branch lead)'
			}
		},
		{
			name: 'james.chen',
			path: '/staff/',
			groups: ['LoanOfficers'],
			tags: { department: 'lending' }
		},
		{
			name: 'priya.nair',
			path: '/staff/',
			groups: ['LoanOfficers', 'BranchManagers'],
			tags: { ...retail, branch: 'porto-centro' }
		},
		{
			name: 'olivia.brown',
			path: '/staff/',
			groups: ['Auditors'],
			tags: { department: 'internal-audit' }
		},
		{
			name: 'daniel.okafor',
			path: '/ops/',
			groups: ['Admins'],
			tags: { department: 'cloud-platform', 'on-call': 'true' }
		},
		{
			name: 'lucas.meyer',
			path: '/engineering/',
			groups: ['Developers'],
			attached: [awsPolicyArn('IAMUserChangePassword')],
			tags: { department: 'engineering', team: 'payments' }
		},
		{
			name: 'emma.wilson',
			path: '/engineering/',
			groups: ['Developers', 'Auditors'],
			tags: { department: 'engineering', team: 'platform-security' }
		}
	],
	roles: [
		{
			name: 'AuditorAccess',
			path: '/security/',
			trust: awsTrust(iamArn(ACCOUNTS.audit, 'role/SecurityAuditor')),
			attached: [
				own('AuditorReadOnly'),
				awsPolicyArn('IAMReadOnlyAccess'),
				awsPolicyArn('AWSCloudTrail_ReadOnlyAccess')
			],
			tags: { purpose: 'cross-account-audit' },
			lastUsed: { date: '2024-03-12T08:15:44+00:00', region: HOME_REGION }
		},
		{
			name: 'VendorRiskAnalytics',
			path: '/partners/',
			trust: awsTrust(iamArn(VENDOR_ACCOUNT, 'root'), {
				StringEquals: { 'sts:ExternalId': VENDOR_EXTERNAL_ID }
			}),
			inline: [
				{
					name: 'RiskExportsReadOnly',
					document: doc(
						{
							Effect: 'Allow',
							Action: 's3:GetObject',
							Resource: `arn:aws:s3:::${CORE.loanBucket}/exports/risk/*`
						},
						{
							Effect: 'Allow',
							Action: 's3:ListBucket',
							Resource: `arn:aws:s3:::${CORE.loanBucket}`,
							Condition: { StringLike: { 's3:prefix': 'exports/risk/*' } }
						}
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
						{
							Effect: 'Allow',
							Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage'],
							Resource: CORE.queue
						},
						{
							Effect: 'Allow',
							Action: 'secretsmanager:GetSecretValue',
							Resource: `arn:aws:secretsmanager:${HOME_REGION}:${C}:secret:prod/core-banking/*`
						},
						{
							Effect: 'Allow',
							Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
							Resource: '*'
						}
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
