/**
 * The `aws organizations …` outputs of the demo bank, as collection paths → CLI JSON objects:
 * describe-organization, list-roots, the per-parent OU and account listings, and for each SCP and
 * RCP its summary, describe-policy (Content as a JSON string) and list-targets-for-policy.
 */
import { ACCOUNTS, ORG_ARN_PREFIX, ORG_ID, ROOT_ID } from './constants';
import type { OrgPolicySpec } from './org-policies';
import { ORG_POLICIES } from './org-policies';
import { ACCOUNT_TREE, OU_TREE, accountEmail } from './org-structure';

type Files = Record<string, unknown>;

const rootArn = `${ORG_ARN_PREFIX}:root/${ORG_ID}/${ROOT_ID}`;
const ouArn = (id: string) => `${ORG_ARN_PREFIX}:ou/${ORG_ID}/${id}`;
const accountArn = (id: string) => `${ORG_ARN_PREFIX}:account/${ORG_ID}/${id}`;

function policyArn(p: OrgPolicySpec): string {
	const kind =
		p.type === 'SERVICE_CONTROL_POLICY' ? 'service_control_policy' : 'resource_control_policy';
	return p.awsManaged
		? `arn:aws:organizations::aws:policy/${kind}/${p.id}`
		: `${ORG_ARN_PREFIX}:policy/${ORG_ID}/${kind}/${p.id}`;
}

const summary = (p: OrgPolicySpec) => ({
	Id: p.id,
	Arn: policyArn(p),
	Name: p.name,
	Description: p.description,
	Type: p.type,
	AwsManaged: p.awsManaged
});

function target(id: string) {
	if (id === ROOT_ID) return { TargetId: id, Arn: rootArn, Name: 'Root', Type: 'ROOT' };
	const ou = OU_TREE.find((o) => o.id === id);
	if (ou) return { TargetId: id, Arn: ouArn(id), Name: ou.name, Type: 'ORGANIZATIONAL_UNIT' };
	const account = ACCOUNT_TREE.find((a) => a.id === id);
	if (!account) throw new Error(`demo: unknown policy target ${id}`);
	return { TargetId: id, Arn: accountArn(id), Name: account.name, Type: 'ACCOUNT' };
}

/** All organizations files of the demo collection. */
export function organizationFiles(): Files {
	const files: Files = {};
	files['organizations-describe-organization.json'] = {
		Organization: {
			Id: ORG_ID,
			Arn: `${ORG_ARN_PREFIX}:organization/${ORG_ID}`,
			FeatureSet: 'ALL',
			MasterAccountArn: accountArn(ACCOUNTS.management),
			MasterAccountId: ACCOUNTS.management,
			MasterAccountEmail: accountEmail('meridian-management'),
			AvailablePolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }]
		}
	};
	files['organizations-list-roots.json'] = {
		Roots: [
			{
				Id: ROOT_ID,
				Arn: rootArn,
				Name: 'Root',
				PolicyTypes: [
					{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' },
					{ Type: 'RESOURCE_CONTROL_POLICY', Status: 'ENABLED' }
				]
			}
		]
	};
	for (const parent of [ROOT_ID, ...OU_TREE.map((o) => o.id)]) {
		files[`organizations-list-organizational-units-for-parent/${parent}.json`] = {
			OrganizationalUnits: OU_TREE.filter((o) => o.parent === parent).map((o) => ({
				Id: o.id,
				Arn: ouArn(o.id),
				Name: o.name
			}))
		};
		files[`organizations-list-accounts-for-parent/${parent}.json`] = {
			Accounts: ACCOUNT_TREE.filter((a) => a.parent === parent).map((a) => ({
				Id: a.id,
				Arn: accountArn(a.id),
				Email: accountEmail(a.name),
				Name: a.name,
				State: 'ACTIVE',
				JoinedMethod: a.joinedMethod,
				JoinedTimestamp: a.joined
			}))
		};
	}
	for (const type of ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'] as const) {
		files[`organizations-list-policies/${type}.json`] = {
			Policies: ORG_POLICIES.filter((p) => p.type === type).map(summary)
		};
	}
	for (const p of ORG_POLICIES) {
		// Organizations returns Content exactly as it was written: AWS indents its own with 2 spaces.
		files[`organizations-describe-policy/${p.id}.json`] = {
			Policy: {
				PolicySummary: summary(p),
				Content: JSON.stringify(p.document, null, p.awsManaged ? 2 : 4)
			}
		};
		files[`organizations-list-targets-for-policy/${p.id}.json`] = {
			Targets: p.targets.map(target)
		};
	}
	return files;
}
