/**
 * The smaller accounts of the demo bank: management, loans, development (SAML developers, an ECR
 * repository shared with production), HR and Legal under the Regulated OU, Finance and IT.
 * Two privilege-escalation paths are built in on purpose (docs/demo-bank.md, "Escalation paths"):
 * in development, noah.fischer may pass the administrator role DeployAutomation to a new Lambda
 * function (a real path to admin); in HR, grace.lee may pass PayrollBatchEc2 (also admin) to a new
 * EC2 instance, but the Regulated OU's SCP allow-list leaves EC2 out, so that path is blocked.
 */
import { AWS_MANAGED, awsPolicyArn } from './aws-managed-policies';
import { ACCOUNTS, HOME_REGION, iamArn } from './constants';
import type { AccountIam } from './gaad-builder';
import { awsTrust, doc, orgAccessRole, serviceTrust } from './policy-snippets';
import type { ResourceSpec } from './resource-files';

const M = ACCOUNTS.management;
const admin = AWS_MANAGED.AdministratorAccess;
const samlTrust = (account: string) =>
	doc({
		Effect: 'Allow',
		Principal: { Federated: iamArn(account, 'saml-provider/MeridianOkta') },
		Action: 'sts:AssumeRoleWithSAML',
		Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } }
	});

/** IAM of the management account (exempt from SCPs). */
export const MANAGEMENT_IAM: AccountIam = {
	groups: [{ name: 'OrgAdmins', attached: [awsPolicyArn('AdministratorAccess')] }],
	users: [{ name: 'hannah.kim', groups: ['OrgAdmins'], tags: { department: 'cloud-platform' } }],
	roles: [
		{
			name: 'OrganizationAdmin',
			trust: samlTrust(M),
			attached: [awsPolicyArn('AdministratorAccess')],
			lastUsed: { date: '2024-03-11T15:32:07+00:00', region: 'us-east-1' }
		}
	],
	policies: [admin]
};

/** IAM of the loans account. */
export const LOANS_IAM: AccountIam = {
	roles: [
		{
			name: 'LoanScoringLambda',
			path: '/service-role/',
			trust: serviceTrust('lambda.amazonaws.com'),
			inline: [
				{
					name: 'ScoringLogs',
					document: doc({
						Effect: 'Allow',
						Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
						Resource: '*'
					})
				}
			]
		},
		orgAccessRole(M)
	],
	policies: [admin]
};

/** Resources of the loans account: the scoring function, invoked by API Gateway. */
export const LOANS_RESOURCES: ResourceSpec[] = [
	{
		kind: 'function',
		name: 'loan-scoring',
		region: HOME_REGION,
		policy: {
			Version: '2012-10-17',
			Id: 'default',
			Statement: [
				{
					Sid: 'apigateway-invoke',
					Effect: 'Allow',
					Principal: { Service: 'apigateway.amazonaws.com' },
					Action: 'lambda:InvokeFunction',
					Resource: `arn:aws:lambda:${HOME_REGION}:${ACCOUNTS.loans}:function:loan-scoring`,
					Condition: {
						ArnLike: {
							'AWS:SourceArn': `arn:aws:execute-api:${HOME_REGION}:${ACCOUNTS.loans}:k7x2m9q4ld/*/POST/score`
						}
					}
				}
			]
		}
	}
];

const D = ACCOUNTS.development;

/** IAM of the development account (noah.fischer → DeployAutomation: a designed escalation path). */
export const DEVELOPMENT_IAM: AccountIam = {
	users: [
		{
			name: 'noah.fischer',
			path: '/engineering/',
			tags: { department: 'engineering', team: 'release' },
			inline: [
				{
					name: 'ServerlessDeploy',
					document: doc(
						{
							Sid: 'PassDeployRole',
							Effect: 'Allow',
							Action: 'iam:PassRole',
							Resource: iamArn(D, 'role/ci/DeployAutomation')
						},
						{
							Sid: 'ManageFunctions',
							Effect: 'Allow',
							Action: ['lambda:CreateFunction', 'lambda:InvokeFunction', 'lambda:GetFunction'],
							Resource: `arn:aws:lambda:*:${D}:function:*`
						}
					)
				}
			]
		}
	],
	roles: [
		{
			name: 'DeployAutomation',
			path: '/ci/',
			trust: serviceTrust('lambda.amazonaws.com'),
			attached: [awsPolicyArn('AdministratorAccess')],
			tags: { purpose: 'release-pipeline' }
		},
		{
			name: 'Developer',
			trust: samlTrust(ACCOUNTS.development),
			attached: [awsPolicyArn('PowerUserAccess')],
			lastUsed: { date: '2024-03-13T16:20:33+00:00', region: HOME_REGION }
		},
		orgAccessRole(M)
	],
	policies: [admin, AWS_MANAGED.PowerUserAccess]
};

/** Resources of the development account: an artifacts bucket without a policy and a shared image repository. */
export const DEVELOPMENT_RESOURCES: ResourceSpec[] = [
	{ kind: 'bucket', name: 'meridian-dev-artifacts', region: HOME_REGION },
	{
		kind: 'repository',
		name: 'payments-api',
		region: HOME_REGION,
		policy: {
			Version: '2012-10-17',
			Statement: [
				{
					Sid: 'ProductionPulls',
					Effect: 'Allow',
					Principal: { AWS: iamArn(ACCOUNTS.coreBanking, 'root') },
					Action: [
						'ecr:BatchCheckLayerAvailability',
						'ecr:BatchGetImage',
						'ecr:GetDownloadUrlForLayer'
					]
				}
			]
		}
	}
];

/** IAM of the HR account (Regulated OU; grace.lee → PayrollBatchEc2 is blocked by its SCP allow-list). */
export const HR_IAM: AccountIam = {
	users: [
		{
			name: 'grace.lee',
			path: '/hr-it/',
			tags: { department: 'hr-it' },
			inline: [
				{
					name: 'PayrollBatchLaunch',
					document: doc(
						{
							Sid: 'PassPayrollBatchRole',
							Effect: 'Allow',
							Action: 'iam:PassRole',
							Resource: iamArn(ACCOUNTS.hr, 'role/PayrollBatchEc2')
						},
						{
							Sid: 'LaunchPayrollBatch',
							Effect: 'Allow',
							Action: ['ec2:RunInstances', 'ec2:DescribeInstances'],
							Resource: '*'
						}
					)
				}
			]
		}
	],
	roles: [
		{
			name: 'PayrollBatchEc2',
			trust: serviceTrust('ec2.amazonaws.com'),
			instanceProfile: true,
			attached: [awsPolicyArn('AdministratorAccess')],
			tags: { application: 'payroll-batch' }
		},
		{
			name: 'HRPlatformAdmin',
			trust: samlTrust(ACCOUNTS.hr),
			attached: [awsPolicyArn('AdministratorAccess')],
			tags: { 'data-classification': 'restricted' }
		},
		orgAccessRole(M)
	],
	policies: [admin]
};

/** Resources of the HR account: a payroll secret without a resource policy. */
export const HR_RESOURCES: ResourceSpec[] = [
	{ kind: 'secret', name: 'hr/payroll-api-key', suffix: 'p9QwZr', region: HOME_REGION }
];

/** IAM of an account with the Organizations access role plus a few roles of its own. */
const smallIam = (
	roles: AccountIam['roles'] = [],
	policies: AccountIam['policies'] = []
): AccountIam => ({
	roles: [...roles, orgAccessRole(M)],
	policies: [admin, ...policies]
});

/** IAM of the Legal account. */
export const LEGAL_IAM = smallIam();

/** IAM of the Finance account. */
export const FINANCE_IAM = smallIam(
	[
		{
			name: 'FinanceReporting',
			trust: samlTrust(ACCOUNTS.finance),
			attached: [awsPolicyArn('AmazonS3ReadOnlyAccess')]
		}
	],
	[AWS_MANAGED.AmazonS3ReadOnlyAccess]
);

/** IAM of the IT account. */
export const IT_IAM = smallIam(
	[
		{
			name: 'ITHelpdesk',
			trust: awsTrust(iamArn(ACCOUNTS.it, 'root')),
			attached: [awsPolicyArn('IAMReadOnlyAccess')]
		}
	],
	[AWS_MANAGED.IAMReadOnlyAccess]
);
