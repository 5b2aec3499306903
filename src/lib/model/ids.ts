/**
 * Model ids: how every node of the account model is named, so the engine's trace, the graph
 * and the URL all point at the same thing. Org nodes use their Organizations ids (r-…, ou-…),
 * accounts their 12-digit id, SCPs/RCPs their p-… id; IAM entities, managed policies and
 * resources their ARN. Policies that live inside another entity get a derived id below.
 */

/** Id of an inline policy: the owner's ARN, then `#inline/` and the policy name. */
export const inlinePolicyId = (ownerArn: string, policyName: string): string =>
	`${ownerArn}#inline/${policyName}`;

/** Id of a role's trust policy. */
export const trustPolicyId = (roleArn: string): string => `${roleArn}#trust`;

/** Id of a resource's resource-based policy (bucket policy, key policy, …). */
export const resourcePolicyId = (resourceArn: string): string => `${resourceArn}#policy`;

/** The parts of an ARN: arn:partition:service:region:account:resource. */
export interface ArnParts {
	partition: string;
	service: string;
	region: string;
	account: string;
	resource: string;
}

/** Split an ARN into its parts; null when it is not an ARN. The resource part may hold colons. */
export function parseArn(arn: string): ArnParts | null {
	const parts = arn.split(':');
	if (parts.length < 6 || parts[0] !== 'arn') return null;
	const [, partition, service, region, account] = parts;
	return { partition, service, region, account, resource: parts.slice(5).join(':') };
}

/** The 12-digit account id in an ARN, or null (S3 bucket ARNs carry none). */
export function accountOfArn(arn: string): string | null {
	const account = parseArn(arn)?.account ?? '';
	return /^\d{12}$/.test(account) ? account : null;
}

/** True for a 12-digit AWS account id. */
export const isAccountId = (s: string): boolean => /^\d{12}$/.test(s);

/** True for AWS-managed policy ARNs (arn:<partition>:iam::aws:policy/…). */
export const isAwsManagedPolicyArn = (arn: string): boolean =>
	/^arn:[^:]+:iam::aws:policy\//.test(arn);
