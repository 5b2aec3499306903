/**
 * Test-data builders for the account model (house style §2): deterministic, no faker.
 * Every builder takes overrides; defaults derive from the name and account id, so the same
 * call always gives the same value, whatever order tests run in.
 */
import type { PolicyDocument, PolicyStatement } from '../model/policy-document';
import {
	noEvidence,
	type AccountEvidence,
	type CredentialReportRow,
	type PasswordPolicy
} from '../model/evidence';
import {
	SNAPSHOT_FORMAT,
	SNAPSHOT_VERSION,
	type Account,
	type Group,
	type InlinePolicy,
	type ManagedPolicy,
	type OrgAccount,
	type OrgPolicy,
	type OrgUnit,
	type Organization,
	type Resource,
	type Role,
	type Snapshot,
	type SnapshotMeta,
	type User
} from '../model/snapshot';

/** The account id builders use when none is given. */
export const TEST_ACCOUNT_ID = '111111111111';
/** The fixed instant builders use for every date. */
export const TEST_DATE = '2026-01-01T00:00:00Z';

/** A fake AWS unique id: prefix + the seed's letters and digits, upper-cased, padded to 21 chars. */
export function fakeId(prefix: string, seed: string): string {
	const body = seed.toUpperCase().replace(/[^A-Z0-9]/g, '');
	return (prefix + body + 'X'.repeat(21)).slice(0, 21);
}

/** An IAM policy statement; defaults to allowing s3:GetObject on everything. */
export function makeStatement(overrides: Partial<PolicyStatement> = {}): PolicyStatement {
	return { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', ...overrides };
}

/** A policy document holding the given statements (default: one makeStatement()). */
export function makePolicyDocument(
	statements: PolicyStatement | PolicyStatement[] = [makeStatement()]
): PolicyDocument {
	return { Version: '2012-10-17', Statement: statements };
}

/** An inline policy. */
export function makeInlinePolicy(overrides: Partial<InlinePolicy> = {}): InlinePolicy {
	return { name: 'inline', document: makePolicyDocument(), ...overrides };
}

type InAccount<T> = Partial<T> & { accountId?: string };

/** The fields every IAM user, group and role shares, derived from kind, name, path and account. */
function entityBase(
	kind: 'user' | 'group' | 'role',
	idPrefix: string,
	defaultName: string,
	accountId: string,
	rest: Partial<Group>
): Group {
	const name = rest.name ?? defaultName;
	const path = rest.path ?? '/';
	return {
		arn: `arn:aws:iam::${accountId}:${kind}${path}${name}`,
		name,
		id: fakeId(idPrefix, name),
		path,
		createDate: TEST_DATE,
		inlinePolicies: [],
		attachedPolicies: []
	};
}

/** An IAM user named `alice` in TEST_ACCOUNT_ID unless overridden. */
export function makeUser(overrides: InAccount<User> = {}): User {
	const { accountId = TEST_ACCOUNT_ID, ...rest } = overrides;
	return {
		...entityBase('user', 'AIDA', 'alice', accountId, rest),
		groups: [],
		permissionsBoundary: null,
		tags: {},
		...rest
	};
}

/** An IAM group named `Developers` unless overridden. */
export function makeGroup(overrides: InAccount<Group> = {}): Group {
	const { accountId = TEST_ACCOUNT_ID, ...rest } = overrides;
	return { ...entityBase('group', 'AGPA', 'Developers', accountId, rest), ...rest };
}

/** The trust policy letting a principal (default: the account root) assume a role. */
export function makeTrustPolicy(
	principal: PolicyStatement['Principal'] = { AWS: `arn:aws:iam::${TEST_ACCOUNT_ID}:root` }
): PolicyDocument {
	return makePolicyDocument([{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }]);
}

/** An IAM role named `app` trusted by its own account unless overridden. */
export function makeRole(overrides: InAccount<Role> = {}): Role {
	const { accountId = TEST_ACCOUNT_ID, ...rest } = overrides;
	return {
		...entityBase('role', 'AROA', 'app', accountId, rest),
		trustPolicy: makeTrustPolicy({ AWS: `arn:aws:iam::${accountId}:root` }),
		permissionsBoundary: null,
		tags: {},
		instanceProfiles: [],
		lastUsed: null,
		description: null,
		maxSessionDuration: 3600,
		...rest
	};
}

/** A customer-managed policy `ReadOnly` with one default version holding `document`. */
export function makeManagedPolicy(
	overrides: InAccount<ManagedPolicy> & { document?: PolicyDocument } = {}
): ManagedPolicy {
	const { accountId = TEST_ACCOUNT_ID, document = makePolicyDocument(), ...rest } = overrides;
	const name = rest.name ?? 'ReadOnly';
	const path = rest.path ?? '/';
	const awsManaged = rest.awsManaged ?? false;
	return {
		arn: `arn:aws:iam::${awsManaged ? 'aws' : accountId}:policy${path}${name}`,
		name,
		id: fakeId('ANPA', name),
		path,
		awsManaged,
		defaultVersionId: 'v1',
		description: null,
		createDate: TEST_DATE,
		updateDate: TEST_DATE,
		attachmentCount: 1,
		permissionsBoundaryUsageCount: 0,
		isAttachable: true,
		versions: [{ versionId: 'v1', isDefault: true, createDate: TEST_DATE, document }],
		...rest
	};
}

/** A resource; defaults to an S3 bucket named `bucket-<account id>` without a policy. */
export function makeResource(overrides: InAccount<Resource> = {}): Resource {
	const { accountId = TEST_ACCOUNT_ID, ...rest } = overrides;
	const name = rest.name ?? `bucket-${accountId}`;
	return {
		arn: `arn:aws:s3:::${name}`,
		kind: 's3-bucket',
		name,
		accountId,
		region: null,
		policy: null,
		tags: {},
		awsManaged: null,
		...rest
	};
}

/** An account with no entities (id TEST_ACCOUNT_ID unless overridden). */
export function makeAccount(overrides: Partial<Account> = {}): Account {
	const id = overrides.id ?? TEST_ACCOUNT_ID;
	return {
		id,
		name: `account-${id}`,
		users: [],
		groups: [],
		roles: [],
		policies: [],
		resources: [],
		evidence: noEvidence(),
		...overrides
	};
}

/** An OU (or, with kind 'root', the root). */
export function makeOrgUnit(overrides: Partial<OrgUnit> = {}): OrgUnit {
	const kind = overrides.kind ?? 'ou';
	const id = overrides.id ?? (kind === 'root' ? 'r-root' : 'ou-root-workload');
	return {
		id,
		kind,
		name: kind === 'root' ? 'Root' : id,
		arn: null,
		parentId: kind === 'root' ? null : 'r-root',
		...overrides
	};
}

/** An account's membership of the organization (under the root unless overridden). */
export function makeOrgAccount(overrides: Partial<OrgAccount> = {}): OrgAccount {
	const id = overrides.id ?? TEST_ACCOUNT_ID;
	return {
		id,
		name: `account-${id}`,
		email: `${id}@example.com`,
		arn: null,
		parentId: 'r-root',
		state: 'ACTIVE',
		joinedMethod: 'CREATED',
		joinedTimestamp: TEST_DATE,
		...overrides
	};
}

/** An SCP (FullAWSAccess-like, attached to the root) unless overridden. */
export function makeOrgPolicy(overrides: Partial<OrgPolicy> = {}): OrgPolicy {
	return {
		id: 'p-FullAWSAccess',
		arn: null,
		name: 'FullAWSAccess',
		description: null,
		type: 'SCP',
		awsManaged: true,
		document: makePolicyDocument([{ Effect: 'Allow', Action: '*', Resource: '*' }]),
		targets: ['r-root'],
		...overrides
	};
}

/** An organization with a root, the given accounts' memberships and FullAWSAccess on the root. */
export function makeOrg(overrides: Partial<Organization> = {}): Organization {
	return {
		id: 'o-test',
		arn: null,
		managementAccountId: TEST_ACCOUNT_ID,
		featureSet: 'ALL',
		rootId: 'r-root',
		units: [makeOrgUnit({ kind: 'root' })],
		accounts: [makeOrgAccount()],
		policies: [makeOrgPolicy()],
		...overrides
	};
}

/** Snapshot metadata with fixed dates. */
export function makeMeta(overrides: Partial<SnapshotMeta> = {}): SnapshotMeta {
	return {
		name: 'test',
		capturedAt: TEST_DATE,
		importedAt: TEST_DATE,
		sources: [],
		tool: 'iam-atlas test',
		...overrides
	};
}

/** A snapshot: no organization and one empty account unless overridden. */
export function makeSnapshot(
	overrides: Partial<Omit<Snapshot, 'meta'>> & { meta?: Partial<SnapshotMeta> } = {}
): Snapshot {
	const { meta, ...rest } = overrides;
	return {
		format: SNAPSHOT_FORMAT,
		version: SNAPSHOT_VERSION,
		meta: makeMeta(meta),
		organization: null,
		accounts: [makeAccount()],
		notes: [],
		views: [],
		...rest
	};
}

/** A credential-report row: a console user with MFA and one active key used on the test date, unless overridden. */
export function makeCredentialReportRow(
	overrides: Partial<CredentialReportRow> = {}
): CredentialReportRow {
	const user = overrides.user ?? 'alice';
	return {
		user,
		arn:
			user === '<root_account>'
				? `arn:aws:iam::${TEST_ACCOUNT_ID}:root`
				: `arn:aws:iam::${TEST_ACCOUNT_ID}:user/${user}`,
		userCreationTime: TEST_DATE,
		passwordEnabled: true,
		passwordLastUsed: TEST_DATE,
		passwordLastChanged: TEST_DATE,
		passwordNextRotation: 'N/A',
		mfaActive: true,
		accessKeys: [
			{
				active: true,
				lastRotated: TEST_DATE,
				lastUsedDate: TEST_DATE,
				lastUsedRegion: 'us-east-1',
				lastUsedService: 's3'
			},
			{
				active: false,
				lastRotated: 'N/A',
				lastUsedDate: 'N/A',
				lastUsedRegion: null,
				lastUsedService: null
			}
		],
		certificates: [{ active: false, lastRotated: 'N/A' }],
		...overrides
	};
}

/** A password policy meeting the CIS benchmark (length 14, last 24 remembered), unless overridden. */
export function makePasswordPolicy(overrides: Partial<PasswordPolicy> = {}): PasswordPolicy {
	return {
		set: true,
		minimumPasswordLength: 14,
		requireSymbols: true,
		requireNumbers: true,
		requireUppercaseCharacters: true,
		requireLowercaseCharacters: true,
		allowUsersToChangePassword: true,
		expirePasswords: false,
		maxPasswordAge: null,
		passwordReusePrevention: 24,
		hardExpiry: false,
		...overrides
	};
}

/** Evidence with every part collected (one report row, one last-accessed principal, one MFA device). */
export function makeEvidence(overrides: Partial<AccountEvidence> = {}): AccountEvidence {
	return {
		credentialReport: { generatedTime: TEST_DATE, rows: [makeCredentialReportRow()] },
		accountSummary: { summaryMap: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 } },
		passwordPolicy: makePasswordPolicy(),
		serviceLastAccessed: [
			{
				arn: `arn:aws:iam::${TEST_ACCOUNT_ID}:role/app`,
				jobId: 'job-1',
				jobCompletionDate: TEST_DATE,
				services: [
					{
						namespace: 's3',
						name: 'Amazon S3',
						lastAuthenticated: TEST_DATE,
						lastAuthenticatedEntity: `arn:aws:iam::${TEST_ACCOUNT_ID}:role/app`,
						lastAuthenticatedRegion: 'us-east-1',
						totalAuthenticatedEntities: 1
					}
				]
			}
		],
		virtualMfaDevices: [
			{
				serialNumber: `arn:aws:iam::${TEST_ACCOUNT_ID}:mfa/alice`,
				userArn: `arn:aws:iam::${TEST_ACCOUNT_ID}:user/alice`,
				enableDate: TEST_DATE
			}
		],
		...overrides
	};
}
