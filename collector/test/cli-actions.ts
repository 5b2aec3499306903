/** The AWS CLI calls written in the collector script, and the IAM action each needs. */

/** `[service, operation]` of every `aws <service> <operation>` and `call FILE <service> <operation>`. */
export function cliCallsOf(script: string): [string, string][] {
	const calls = new Map<string, [string, string]>();
	for (const line of script.split('\n')) {
		if (/^\s*#/.test(line)) continue;
		for (const m of line.matchAll(/(?:\bcall\s+".*?\.json"|\baws)\s+([a-z][a-z0-9-]*)\s+([a-z][a-z0-9-]*)/g)) {
			const [cli, op] = [m[1], m[2]];
			if (cli === 'configure' || `${cli} ${op}` === 'sts get-caller-identity') continue; // no permission needed
			calls.set(`${cli} ${op}`, [cli, op]);
		}
	}
	return [...calls.values()];
}

/** IAM action names whose casing the CLI's operation names do not give. */
const SPECIAL: Record<string, string> = {
	's3api list-buckets': 's3:ListAllMyBuckets',
	's3api get-public-access-block': 's3:GetBucketPublicAccessBlock',
	's3control get-public-access-block': 's3:GetAccountPublicAccessBlock',
	'iam list-saml-providers': 'iam:ListSAMLProviders',
	'iam list-open-id-connect-providers': 'iam:ListOpenIDConnectProviders',
	'iam get-open-id-connect-provider': 'iam:GetOpenIDConnectProvider',
	'iam list-virtual-mfa-devices': 'iam:ListVirtualMFADevices'
};

/** The IAM action of a CLI call (the CLI's service and operation names). */
export function actionOf(cli: string, op: string): string {
	const special = SPECIAL[`${cli} ${op}`];
	if (special) return special;
	const name = op.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
	const service = ({ s3api: 's3', 'sso-admin': 'sso' } as Record<string, string>)[cli] ?? cli;
	return `${service}:${name}`;
}
