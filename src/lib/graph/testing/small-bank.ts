/**
 * A small organization for graph/ tests, built with the shared model builders: root → OUs
 * (Workloads → Prod, Regulated) → accounts, SCPs at the root and an OU, an RCP, groups, users,
 * roles (one trusted cross-account), managed, inline and boundary policies, and resources.
 */
import {
	makeAccount,
	makeGroup,
	makeInlinePolicy,
	makeManagedPolicy,
	makeOrg,
	makeOrgAccount,
	makeOrgPolicy,
	makeOrgUnit,
	makePolicyDocument,
	makeResource,
	makeRole,
	makeSnapshot,
	makeTrustPolicy,
	makeUser
} from '../../testing/builders';
import type { Snapshot } from '../../model/snapshot';

/** Account ids of the small bank. */
export const BANK = {
	mgmt: '100000000000',
	prod: '200000000000',
	audit: '300000000000',
	hr: '400000000000'
} as const;

/** ARNs used by the tests. */
export const ARN = {
	alice: `arn:aws:iam::${BANK.prod}:user/alice`,
	bob: `arn:aws:iam::${BANK.prod}:user/bob`,
	tellers: `arn:aws:iam::${BANK.prod}:group/Tellers`,
	auditor: `arn:aws:iam::${BANK.prod}:role/Auditor`,
	auditBot: `arn:aws:iam::${BANK.audit}:role/AuditBot`,
	tellerPolicy: `arn:aws:iam::${BANK.prod}:policy/TellerAccess`,
	boundary: `arn:aws:iam::${BANK.prod}:policy/DevBoundary`,
	bucket: 'arn:aws:s3:::customer-accounts',
	key: `arn:aws:kms:eu-west-1:${BANK.prod}:key/k-1`
} as const;

/** The small bank snapshot. */
export function smallBank(): Snapshot {
	const prod = makeAccount({
		id: BANK.prod,
		name: 'core-banking',
		groups: [
			makeGroup({ accountId: BANK.prod, name: 'Tellers', attachedPolicies: [ARN.tellerPolicy] })
		],
		users: [
			makeUser({
				accountId: BANK.prod,
				name: 'alice',
				groups: ['Tellers'],
				permissionsBoundary: ARN.boundary
			}),
			makeUser({
				accountId: BANK.prod,
				name: 'bob',
				inlinePolicies: [makeInlinePolicy({ name: 'deny-delete' })]
			})
		],
		roles: [
			makeRole({
				accountId: BANK.prod,
				name: 'Auditor',
				trustPolicy: makeTrustPolicy({ AWS: [ARN.auditBot, 'arn:aws:iam::999999999999:root'] })
			})
		],
		policies: [
			makeManagedPolicy({
				accountId: BANK.prod,
				name: 'TellerAccess',
				document: makePolicyDocument([
					{ Effect: 'Allow', Action: 's3:GetObject', Resource: `${ARN.bucket}/*` }
				])
			}),
			makeManagedPolicy({ accountId: BANK.prod, name: 'DevBoundary' })
		],
		resources: [
			makeResource({ accountId: BANK.prod, name: 'customer-accounts' }),
			makeResource({ accountId: BANK.prod, name: 'k-1', kind: 'kms-key', arn: ARN.key })
		]
	});
	const audit = makeAccount({
		id: BANK.audit,
		name: 'audit',
		roles: [makeRole({ accountId: BANK.audit, name: 'AuditBot' })]
	});
	return makeSnapshot({
		accounts: [
			makeAccount({ id: BANK.mgmt, name: 'management' }),
			prod,
			audit,
			makeAccount({ id: BANK.hr, name: 'hr' })
		],
		organization: makeOrg({
			managementAccountId: BANK.mgmt,
			units: [
				makeOrgUnit({ kind: 'root' }),
				makeOrgUnit({ id: 'ou-work', name: 'Workloads' }),
				makeOrgUnit({ id: 'ou-prod', name: 'Prod', parentId: 'ou-work' }),
				makeOrgUnit({ id: 'ou-reg', name: 'Regulated' }),
				makeOrgUnit({ id: 'ou-sec', name: 'Security' })
			],
			accounts: [
				makeOrgAccount({ id: BANK.mgmt, name: 'management' }),
				makeOrgAccount({ id: BANK.prod, name: 'core-banking', parentId: 'ou-prod' }),
				makeOrgAccount({ id: BANK.audit, name: 'audit', parentId: 'ou-sec' }),
				makeOrgAccount({ id: BANK.hr, name: 'hr', parentId: 'ou-reg' })
			],
			policies: [
				makeOrgPolicy({
					targets: ['r-root', 'ou-work', 'ou-prod', 'ou-sec', BANK.prod, BANK.audit, BANK.mgmt]
				}),
				makeOrgPolicy({
					id: 'p-allowlist',
					name: 'ApprovedServices',
					awsManaged: false,
					targets: ['ou-reg']
				}),
				makeOrgPolicy({
					id: 'p-rcp',
					name: 'DataPerimeter',
					type: 'RCP',
					awsManaged: false,
					targets: ['r-root']
				})
			]
		})
	});
}
