/**
 * The demo bank's fixed identifiers: account ids, organization ids and the approved regions.
 * "Meridian Bank" is fictional; e-mail addresses use the reserved `.example` domain.
 */

/** The organization id (o- plus 10 lower-case letters/digits). */
export const ORG_ID = 'o-m3r1d7an4k';
/** The root id. */
export const ROOT_ID = 'r-mb7k';
/** The two approved regions of the region-guard SCP. */
export const APPROVED_REGIONS = ['eu-west-1', 'eu-central-1'] as const;
/** The home region where the workloads live. */
export const HOME_REGION = 'eu-west-1';
/** An account outside the organization: the risk-analytics vendor. */
export const VENDOR_ACCOUNT = '318273645091';
/** The ExternalId the vendor must present. */
export const VENDOR_EXTERNAL_ID = 'MBK-7f3a9c21-risk';
/** The branch office networks (TEST-NET ranges). */
export const BRANCH_CIDRS = ['203.0.113.0/24', '198.51.100.0/24'];

/** The accounts of the organization, by role. */
export const ACCOUNTS = {
	management: '361927408153',
	audit: '482915037264',
	logArchive: '593026148375',
	coreBanking: '704137259486',
	loans: '815248360597',
	development: '926359471608',
	hr: '137460582719',
	legal: '248571693820',
	finance: '359682704931',
	it: '460793815042'
} as const;

/** The OU ids. */
export const OUS = {
	security: 'ou-mb7k-s3cur1ty',
	workloads: 'ou-mb7k-w0rkl0ad',
	prod: 'ou-mb7k-pr0dw0rk',
	nonProd: 'ou-mb7k-n0npr0d1',
	regulated: 'ou-mb7k-r3gulat3'
} as const;

/** The SCP and RCP ids. */
export const POLICY_IDS = {
	fullAccess: 'p-FullAWSAccess',
	denyLeave: 'p-8vx2kq4n',
	regionGuard: 'p-3hd9wz6c',
	regulatedAllowList: 'p-5tq1mb8r',
	rcpFullAccess: 'p-RCPFullAWSAccess',
	dataPerimeter: 'p-7ke2nd4p'
} as const;

/** The management account's organization ARN prefix. */
export const ORG_ARN_PREFIX = `arn:aws:organizations::${ACCOUNTS.management}`;

/** ARN of an IAM entity in an account: iamArn(acct, 'role/Foo'). */
export const iamArn = (account: string, resource: string): string =>
	`arn:aws:iam::${account}:${resource}`;
