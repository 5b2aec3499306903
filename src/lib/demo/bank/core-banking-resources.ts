/**
 * The core-banking account's resources: the customer-accounts and loan-applications buckets, the
 * customer-data KMS key, the transactions queue, the fraud-alerts topic and the database secret.
 */
import { ACCOUNTS, HOME_REGION, iamArn } from './constants';
import { CORE } from './core-banking-policies';
import { bucketArns, denyInsecureTransport, doc } from './policy-snippets';
import type { ResourceSpec } from './resource-files';

const C = ACCOUNTS.coreBanking;
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
			{
				Sid: 'DenyUnencryptedUploads',
				Effect: 'Deny',
				Principal: '*',
				Action: 's3:PutObject',
				Resource: customerObjects,
				Condition: { StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } }
			},
			{
				Sid: 'AuditorsInspectBucket',
				Effect: 'Allow',
				Principal: { AWS: role('security/AuditorAccess') },
				Action: ['s3:GetBucketPolicy', 's3:GetBucketAcl', 's3:ListBucket'],
				Resource: customers
			}
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
				{
					Sid: 'Enable IAM User Permissions',
					Effect: 'Allow',
					Principal: { AWS: iamArn(C, 'root') },
					Action: 'kms:*',
					Resource: '*'
				},
				{
					Sid: 'Allow access for Key Administrators',
					Effect: 'Allow',
					Principal: { AWS: role('BreakGlassAdmin') },
					Action: [
						'kms:Create*',
						'kms:Describe*',
						'kms:Enable*',
						'kms:List*',
						'kms:Put*',
						'kms:Update*',
						'kms:Revoke*',
						'kms:Disable*',
						'kms:Get*',
						'kms:Delete*',
						'kms:TagResource',
						'kms:UntagResource',
						'kms:ScheduleKeyDeletion',
						'kms:CancelKeyDeletion'
					],
					Resource: '*'
				},
				{
					Sid: 'Allow use of the key',
					Effect: 'Allow',
					Principal: { AWS: role('LoanApplicationEc2') },
					Action: [
						'kms:Encrypt',
						'kms:Decrypt',
						'kms:ReEncrypt*',
						'kms:GenerateDataKey*',
						'kms:DescribeKey'
					],
					Resource: '*'
				}
			]
		}
	},
	{
		kind: 'queue',
		name: 'core-transactions',
		region: HOME_REGION,
		policy: doc(
			{
				Sid: 'FraudAlertsFanOut',
				Effect: 'Allow',
				Principal: { Service: 'sns.amazonaws.com' },
				Action: 'sqs:SendMessage',
				Resource: CORE.queue,
				Condition: { ArnEquals: { 'aws:SourceArn': CORE.topic } }
			},
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
					Action: [
						'SNS:GetTopicAttributes',
						'SNS:SetTopicAttributes',
						'SNS:AddPermission',
						'SNS:RemovePermission',
						'SNS:DeleteTopic',
						'SNS:Subscribe',
						'SNS:ListSubscriptionsByTopic',
						'SNS:Publish'
					],
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
		policy: doc({
			Sid: 'LoanApplicationReadsCredentials',
			Effect: 'Allow',
			Principal: { AWS: role('LoanApplicationEc2') },
			Action: 'secretsmanager:GetSecretValue',
			Resource: '*'
		})
	}
];
