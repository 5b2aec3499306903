/**
 * The smaller accounts of the demo bank: management, loans, development (SAML developers, an ECR
 * repository shared with production), HR and Legal under the Regulated OU, Finance and IT.
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

/** IAM of the development account. */
export const DEVELOPMENT_IAM: AccountIam = {
	roles: [
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

/** IAM of the HR account (Regulated OU). */
export const HR_IAM: AccountIam = {
	roles: [
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
