/**
 * Small policy builders the demo accounts share: documents, common trust policies and the
 * guard statements every bank bucket and queue carries.
 */
import type { PolicyDocument, PolicyStatement } from '../../model/policy-document';
import { iamArn } from './constants';

/** A 2012-10-17 policy document. */
export const doc = (...Statement: PolicyStatement[]): PolicyDocument => ({
	Version: '2012-10-17',
	Statement
});

/** Trust policy letting an AWS service assume the role. */
export const serviceTrust = (service: string): PolicyDocument =>
	doc({ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' });

/** Trust policy letting a principal (ARN or account root) assume the role, with an optional condition. */
export const awsTrust = (
	principal: string,
	Condition?: PolicyStatement['Condition']
): PolicyDocument =>
	doc({
		Effect: 'Allow',
		Principal: { AWS: principal },
		Action: 'sts:AssumeRole',
		...(Condition ? { Condition } : {})
	});

/** The role Organizations creates in every member account, trusting the management account. */
export const orgAccessRole = (managementAccount: string) => ({
	name: 'OrganizationAccountAccessRole',
	trust: awsTrust(iamArn(managementAccount, 'root')),
	attached: ['arn:aws:iam::aws:policy/AdministratorAccess']
});

/** Deny any request to the resources that is not sent over TLS. */
export const denyInsecureTransport = (service: string, resources: string[]): PolicyStatement => ({
	Sid: 'DenyInsecureTransport',
	Effect: 'Deny',
	Principal: '*',
	Action: `${service}:*`,
	Resource: resources.length === 1 ? resources[0] : resources,
	Condition: { Bool: { 'aws:SecureTransport': 'false' } }
});

/** ARN of a bucket and of all its objects. */
export const bucketArns = (bucket: string): [string, string] => [
	`arn:aws:s3:::${bucket}`,
	`arn:aws:s3:::${bucket}/*`
];
