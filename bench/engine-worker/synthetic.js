/**
 * The synthetic 100-account, 20,000-principal organization for the engine-worker bench, as a
 * snapshot. Uses the import engineer's scripts/generate-synthetic.js (collection → importFiles)
 * when it exists; until then a stand-in built here with the model builders, reported as
 * `source: "bench-stand-in"` so the figure is never mistaken for the real generator's.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The stand-in: 10 OUs × 10 accounts, 100 users + 100 roles each, groups, boundaries, SCP denies, a bucket policy. */
async function standIn() {
	const b = await import('../../src/lib/testing/builders.ts');
	const allow = (Action, Resource = '*', extra = {}) => ({ Effect: 'Allow', Action, Resource, ...extra });
	const accounts = [];
	const orgAccounts = [];
	const units = [b.makeOrgUnit({ kind: 'root' })];
	for (let o = 0; o < 10; o++) units.push(b.makeOrgUnit({ id: `ou-root-${String(o).padStart(8, '0')}`, name: `OU ${o}` }));
	for (let i = 0; i < 100; i++) {
		const id = String(100000000000 + i);
		const ou = units[1 + (i % 10)].id;
		orgAccounts.push(b.makeOrgAccount({ id, parentId: ou }));
		const policies = [
			b.makeManagedPolicy({ accountId: id, name: 'S3Read', document: b.makePolicyDocument([allow(['s3:Get*', 's3:List*'])]) }),
			b.makeManagedPolicy({ accountId: id, name: 'Boundary', document: b.makePolicyDocument([allow(['s3:*', 'ec2:Describe*'])]) }),
			b.makeManagedPolicy({ accountId: id, name: 'Admin', document: b.makePolicyDocument([allow('*')]) })
		];
		const groups = [0, 1, 2].map((g) => ({ ...b.makeGroup({ accountId: id, name: `group-${g}` }), attachedPolicies: [policies[g === 2 ? 2 : 0].arn] }));
		const users = Array.from({ length: 100 }, (_, u) =>
			b.makeUser({
				accountId: id,
				name: `user-${u}`,
				groups: [groups[u % 3].name],
				permissionsBoundary: u % 5 === 0 ? policies[1].arn : null,
				tags: { team: `t${u % 7}` },
				inlinePolicies: u % 10 === 0 ? [b.makeInlinePolicy({ name: 'deny-put', document: b.makePolicyDocument([{ Effect: 'Deny', Action: 's3:Put*', Resource: '*' }]) })] : []
			})
		);
		const roles = Array.from({ length: 100 }, (_, r) =>
			b.makeRole({ accountId: id, name: `role-${r}`, attachedPolicies: [policies[r % 4 === 0 ? 2 : 0].arn], permissionsBoundary: r % 6 === 0 ? policies[1].arn : null })
		);
		const resources =
			i === 0
				? [
						b.makeResource({
							accountId: id,
							name: 'shared-data',
							policy: b.makePolicyDocument([
								{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared-data/*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-test' } } }
							])
						})
					]
				: [];
		accounts.push(b.makeAccount({ id, users, groups, roles, policies, resources }));
	}
	const denyScp = b.makeOrgPolicy({
		id: 'p-denys3outside',
		name: 'DenyS3Delete',
		awsManaged: false,
		document: b.makePolicyDocument([{ Effect: 'Deny', Action: 's3:GetObject', Resource: '*', Condition: { StringNotEquals: { 'aws:PrincipalTag/team': ['t1', 't2'] } } }]),
		targets: [units[1].id, units[2].id]
	});
	const full = b.makeOrgPolicy({ targets: units.map((u) => u.id).concat(orgAccounts.map((a) => a.id)) });
	const organization = b.makeOrg({ managementAccountId: '999999999999', units, accounts: orgAccounts, policies: [full, denyScp] });
	return b.makeSnapshot({ organization, accounts });
}

/** The snapshot, the question to time, and where the data came from. */
export async function syntheticSnapshot() {
	const generator = join(repo, 'scripts', 'generate-synthetic.js');
	if (existsSync(generator)) {
		const { loadSyntheticSnapshot } = await import('./synthetic-generated.js');
		return loadSyntheticSnapshot(generator);
	}
	return { snapshot: await standIn(), action: 's3:GetObject', resource: 'arn:aws:s3:::shared-data/reports/q1.csv', source: 'bench-stand-in' };
}
