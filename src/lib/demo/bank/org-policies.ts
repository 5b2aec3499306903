/**
 * The demo bank's SCPs and RCPs and where they are attached. FullAWSAccess sits on every level
 * except the Regulated OU, where the allow-list replaces it — so there only approved services pass.
 */
import type { PolicyDocument } from '../../model/policy-document';
import { APPROVED_REGIONS, ORG_ID, OUS, POLICY_IDS, ROOT_ID } from './constants';
import { ACCOUNT_TREE, OU_TREE } from './org-structure';

/** One SCP or RCP with its attachment targets. */
export interface OrgPolicySpec {
	id: string;
	name: string;
	description: string;
	type: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';
	awsManaged: boolean;
	document: PolicyDocument;
	/** Root, OU or account ids. */
	targets: string[];
}

const everyLevel = [ROOT_ID, ...OU_TREE.map((o) => o.id), ...ACCOUNT_TREE.map((a) => a.id)];

/** Global services exempt from the region guard (after the AWS sample SCP). */
const GLOBAL_SERVICES = [
	'a4b:*', 'acm:*', 'aws-marketplace-management:*', 'aws-marketplace:*', 'aws-portal:*', 'budgets:*', 'ce:*', 'chime:*',
	'cloudfront:*', 'config:*', 'cur:*', 'directconnect:*', 'ec2:DescribeRegions', 'ec2:DescribeTransitGateways',
	'ec2:DescribeVpnGateways', 'fms:*', 'globalaccelerator:*', 'health:*', 'iam:*', 'importexport:*', 'kms:*',
	'mobileanalytics:*', 'networkmanager:*', 'organizations:*', 'pricing:*', 'route53:*', 'route53domains:*',
	'route53-recovery-cluster:*', 'route53-recovery-control-config:*', 'route53-recovery-readiness:*',
	's3:GetAccountPublic*', 's3:ListAllMyBuckets', 's3:ListMultiRegionAccessPoints', 's3:PutAccountPublic*', 'shield:*',
	'sts:*', 'support:*', 'trustedadvisor:*', 'waf-regional:*', 'waf:*', 'wafv2:*', 'wellarchitected:*'
]; // prettier-ignore

/** Services the Regulated OU may use (serverless, storage, keys, logging). */
const APPROVED_SERVICES = [
	'cloudtrail:*', 'cloudwatch:*', 'config:*', 'dynamodb:*', 'iam:*', 'kms:*', 'lambda:*', 'logs:*', 's3:*',
	'secretsmanager:*', 'sns:*', 'sqs:*', 'sts:*', 'support:*'
]; // prettier-ignore

/** The SCPs and RCPs of the organization. */
export const ORG_POLICIES: OrgPolicySpec[] = [
	{
		id: POLICY_IDS.fullAccess,
		name: 'FullAWSAccess',
		description: 'Allows access to every operation',
		type: 'SERVICE_CONTROL_POLICY',
		awsManaged: true,
		document: {
			Version: '2012-10-17',
			Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }]
		},
		targets: everyLevel.filter((t) => t !== OUS.regulated)
	},
	{
		id: POLICY_IDS.denyLeave,
		name: 'DenyLeaveOrganization',
		description: 'Member accounts may not leave the organization',
		type: 'SERVICE_CONTROL_POLICY',
		awsManaged: false,
		document: {
			Version: '2012-10-17',
			Statement: [
				{
					Sid: 'DenyLeaveOrganization',
					Effect: 'Deny',
					Action: 'organizations:LeaveOrganization',
					Resource: '*'
				}
			]
		},
		targets: [ROOT_ID]
	},
	{
		id: POLICY_IDS.regionGuard,
		name: 'DenyOutsideApprovedRegions',
		description:
			'Deny regional services outside eu-west-1 and eu-central-1, except for the break-glass role',
		type: 'SERVICE_CONTROL_POLICY',
		awsManaged: false,
		document: {
			Version: '2012-10-17',
			Statement: [
				{
					Sid: 'DenyAllOutsideApprovedRegions',
					Effect: 'Deny',
					NotAction: GLOBAL_SERVICES,
					Resource: '*',
					Condition: {
						StringNotEquals: { 'aws:RequestedRegion': [...APPROVED_REGIONS] },
						ArnNotLike: { 'aws:PrincipalARN': ['arn:aws:iam::*:role/BreakGlassAdmin'] }
					}
				}
			]
		},
		// Security tooling (GuardDuty, Config) must run everywhere, so the Security OU is left out.
		targets: [OUS.workloads, OUS.regulated]
	},
	{
		id: POLICY_IDS.regulatedAllowList,
		name: 'RegulatedApprovedServices',
		description: 'Allow-list: regulated accounts may use approved services only',
		type: 'SERVICE_CONTROL_POLICY',
		awsManaged: false,
		document: {
			Version: '2012-10-17',
			Statement: [
				{
					Sid: 'AllowApprovedServicesOnly',
					Effect: 'Allow',
					Action: APPROVED_SERVICES,
					Resource: '*'
				}
			]
		},
		targets: [OUS.regulated]
	},
	{
		id: POLICY_IDS.rcpFullAccess,
		name: 'RCPFullAWSAccess',
		description: 'Allows access to every operation',
		type: 'RESOURCE_CONTROL_POLICY',
		awsManaged: true,
		document: {
			Version: '2012-10-17',
			Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }]
		},
		targets: everyLevel
	},
	{
		id: POLICY_IDS.dataPerimeter,
		name: 'DataPerimeterTrustedIdentities',
		description: 'Only principals of this organization (or AWS services) may reach our data',
		type: 'RESOURCE_CONTROL_POLICY',
		awsManaged: false,
		document: {
			Version: '2012-10-17',
			Statement: [
				{
					Sid: 'EnforceOrgIdentities',
					Effect: 'Deny',
					Principal: '*',
					Action: ['s3:*', 'sqs:*', 'kms:*', 'secretsmanager:*'],
					Resource: '*',
					Condition: {
						StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG_ID },
						BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' }
					}
				}
			]
		},
		targets: [ROOT_ID]
	}
];
