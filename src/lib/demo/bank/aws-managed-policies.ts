/**
 * The few AWS managed policies the demo bank attaches, with the documents AWS publishes for them
 * (current default versions as of 2026, from the public managed-policy list). GAAD lists only the
 * AWS managed policies that are in use, so each account file includes just the ones it attaches.
 */
import type { PolicySpec } from './gaad-builder';
import { policyArn } from './gaad-builder';

const all = '*';

/** The AWS managed policies used by the demo, keyed by name. */
export const AWS_MANAGED = {
	AdministratorAccess: {
		name: 'AdministratorAccess',
		description: 'Provides full access to AWS services and resources.',
		aws: { versionId: 'v1' },
		versions: [
			{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }
		]
	},
	PowerUserAccess: {
		name: 'PowerUserAccess',
		description:
			'Provides full access to AWS services and resources, but does not allow management of Users and groups.',
		aws: { versionId: 'v12' },
		versions: [
			{
				Version: '2012-10-17',
				Statement: [
					{ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: all },
					{
						Effect: 'Allow',
						Action: [
							'account:GetAccountInformation',
							'account:GetGovCloudAccountInformation',
							'account:GetPrimaryEmail',
							'account:ListRegions',
							'iam:CreateServiceLinkedRole',
							'iam:DeleteServiceLinkedRole',
							'iam:ListRoles',
							'organizations:DescribeEffectivePolicy',
							'organizations:DescribeOrganization'
						],
						Resource: all
					}
				]
			}
		]
	},
	IAMUserChangePassword: {
		name: 'IAMUserChangePassword',
		description: 'Provides the ability for an IAM user to change their own password.',
		aws: { versionId: 'v5' },
		versions: [
			{
				Version: '2012-10-17',
				Statement: [
					{
						Effect: 'Allow',
						Action: ['iam:ChangePassword'],
						Resource: [
							'arn:aws:iam::*:user/${aws:username}',
							'arn:aws:iam::*:user/*/${aws:username}'
						]
					},
					{ Effect: 'Allow', Action: ['iam:GetAccountPasswordPolicy'], Resource: all }
				]
			}
		]
	},
	IAMReadOnlyAccess: {
		name: 'IAMReadOnlyAccess',
		description: 'Provides read only access to IAM via the AWS Management Console.',
		aws: { versionId: 'v4' },
		versions: [
			{
				Version: '2012-10-17',
				Statement: [
					{
						Effect: 'Allow',
						Action: [
							'iam:GenerateCredentialReport',
							'iam:GenerateServiceLastAccessedDetails',
							'iam:Get*',
							'iam:List*',
							'iam:SimulateCustomPolicy',
							'iam:SimulatePrincipalPolicy'
						],
						Resource: all
					}
				]
			}
		]
	},
	AWSCloudTrail_ReadOnlyAccess: {
		name: 'AWSCloudTrail_ReadOnlyAccess',
		description: 'Provides read only access to AWS CloudTrail.',
		aws: { versionId: 'v1' },
		versions: [
			{
				Version: '2012-10-17',
				Statement: [
					{
						Effect: 'Allow',
						Action: [
							'cloudtrail:Get*',
							'cloudtrail:Describe*',
							'cloudtrail:List*',
							'cloudtrail:LookupEvents'
						],
						Resource: all
					}
				]
			}
		]
	},
	AmazonS3ReadOnlyAccess: {
		name: 'AmazonS3ReadOnlyAccess',
		description: 'Provides read only access to all buckets via the AWS Management Console.',
		aws: { versionId: 'v3' },
		versions: [
			{
				Version: '2012-10-17',
				Statement: [
					{
						Effect: 'Allow',
						Action: [
							's3:Get*',
							's3:List*',
							's3:Describe*',
							's3-object-lambda:Get*',
							's3-object-lambda:List*'
						],
						Resource: all
					}
				]
			}
		]
	},
	AmazonSSMManagedInstanceCore: {
		name: 'AmazonSSMManagedInstanceCore',
		description:
			'The policy for Amazon EC2 Role to enable AWS Systems Manager service core functionality.',
		aws: { versionId: 'v2' },
		versions: [
			{
				Version: '2012-10-17',
				Statement: [
					{
						Effect: 'Allow',
						Action: [
							'ssm:DescribeAssociation',
							'ssm:GetDeployablePatchSnapshotForInstance',
							'ssm:GetDocument',
							'ssm:DescribeDocument',
							'ssm:GetManifest',
							'ssm:GetParameter',
							'ssm:GetParameters',
							'ssm:ListAssociations',
							'ssm:ListInstanceAssociations',
							'ssm:PutInventory',
							'ssm:PutComplianceItems',
							'ssm:PutConfigurePackageResult',
							'ssm:UpdateAssociationStatus',
							'ssm:UpdateInstanceAssociationStatus',
							'ssm:UpdateInstanceInformation'
						],
						Resource: all
					},
					{
						Effect: 'Allow',
						Action: [
							'ssmmessages:CreateControlChannel',
							'ssmmessages:CreateDataChannel',
							'ssmmessages:OpenControlChannel',
							'ssmmessages:OpenDataChannel'
						],
						Resource: all
					},
					{
						Effect: 'Allow',
						Action: [
							'ec2messages:AcknowledgeMessage',
							'ec2messages:DeleteMessage',
							'ec2messages:FailMessage',
							'ec2messages:GetEndpoint',
							'ec2messages:GetMessages',
							'ec2messages:SendReply'
						],
						Resource: all
					}
				]
			}
		]
	}
} satisfies Record<string, PolicySpec>;

/** ARN of an AWS managed policy by name. */
export const awsPolicyArn = (name: keyof typeof AWS_MANAGED): string => policyArn('aws', name);
