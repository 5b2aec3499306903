/**
 * Every CLI output shape the importer reads: its validator, the command names a collection
 * files it under, and how to recognise it by content alone (for loose files).
 */
import type { Validator } from './validate';
import gaad from './schemas/gaad.validate.js';
import getRole from './schemas/iam-get-role.validate.js';
import describeOrganization from './schemas/organizations-describe-organization.validate.js';
import listRoots from './schemas/organizations-list-roots.validate.js';
import listOus from './schemas/organizations-list-organizational-units-for-parent.validate.js';
import listAccounts from './schemas/organizations-list-accounts-for-parent.validate.js';
import listPolicies from './schemas/organizations-list-policies.validate.js';
import describePolicy from './schemas/organizations-describe-policy.validate.js';
import listTargets from './schemas/organizations-list-targets-for-policy.validate.js';
import listBuckets from './schemas/s3api-list-buckets.validate.js';
import getBucketPolicy from './schemas/s3api-get-bucket-policy.validate.js';
import listKeys from './schemas/kms-list-keys.validate.js';
import getKeyPolicy from './schemas/kms-get-key-policy.validate.js';
import getQueueAttributes from './schemas/sqs-get-queue-attributes.validate.js';
import getTopicAttributes from './schemas/sns-get-topic-attributes.validate.js';
import getLambdaPolicy from './schemas/lambda-get-policy.validate.js';
import getSecretPolicy from './schemas/secretsmanager-get-resource-policy.validate.js';
import getRepositoryPolicy from './schemas/ecr-get-repository-policy.validate.js';
import credentialReport from './schemas/iam-get-credential-report.validate.js';
import accountSummary from './schemas/iam-get-account-summary.validate.js';
import passwordPolicy from './schemas/iam-get-account-password-policy.validate.js';
import lastAccessedJob from './schemas/iam-generate-service-last-accessed-details.validate.js';
import lastAccessed from './schemas/iam-get-service-last-accessed-details.validate.js';
import virtualMfa from './schemas/iam-list-virtual-mfa-devices.validate.js';
import listQueues from './schemas/sqs-list-queues.validate.js';
import listTopics from './schemas/sns-list-topics.validate.js';
import listFunctions from './schemas/lambda-list-functions.validate.js';
import listSecrets from './schemas/secretsmanager-list-secrets.validate.js';
import describeRepositories from './schemas/ecr-describe-repositories.validate.js';
import collectionManifest from './schemas/collection-manifest.validate.js';
import describeRegions from './schemas/ec2-describe-regions.validate.js';
import accountPublicAccessBlock from './schemas/s3control-get-public-access-block.validate.js';
import bucketPublicAccessBlock from './schemas/s3api-get-public-access-block.validate.js';
import bucketAcl from './schemas/s3api-get-bucket-acl.validate.js';
import bucketOwnership from './schemas/s3api-get-bucket-ownership-controls.validate.js';
import samlProviders from './schemas/iam-list-saml-providers.validate.js';
import oidcProviders from './schemas/iam-list-open-id-connect-providers.validate.js';
import oidcProvider from './schemas/iam-get-open-id-connect-provider.validate.js';
import ssoInstances from './schemas/sso-admin-list-instances.validate.js';
import ssoPermissionSets from './schemas/sso-admin-list-permission-sets.validate.js';
import ssoPermissionSet from './schemas/sso-admin-describe-permission-set.validate.js';
import ssoInlinePolicy from './schemas/sso-admin-get-inline-policy-for-permission-set.validate.js';
import ssoManagedPolicies from './schemas/sso-admin-list-managed-policies-in-permission-set.validate.js';
import ssoCustomerPolicies from './schemas/sso-admin-list-customer-managed-policy-references-in-permission-set.validate.js';
import ssoBoundary from './schemas/sso-admin-get-permissions-boundary-for-permission-set.validate.js';
import ssoProvisionedAccounts from './schemas/sso-admin-list-accounts-for-provisioned-permission-set.validate.js';
import ssoAssignments from './schemas/sso-admin-list-account-assignments.validate.js';
import idsUsers from './schemas/identitystore-list-users.validate.js';
import idsGroups from './schemas/identitystore-list-groups.validate.js';
import idsMemberships from './schemas/identitystore-list-group-memberships.validate.js';

/** Short names of the shapes (also the middle part of their error codes). */
export type ShapeId =
	| 'gaad'
	| 'get-role'
	| 'organization'
	| 'roots'
	| 'ous'
	| 'accounts'
	| 'org-policies'
	| 'org-policy'
	| 'org-targets'
	| 'buckets'
	| 'bucket-policy'
	| 'keys'
	| 'key-policy'
	| 'queue'
	| 'topic'
	| 'lambda-policy'
	| 'secret'
	| 'ecr-policy'
	| 'credential-report'
	| 'account-summary'
	| 'password-policy'
	| 'last-accessed-job'
	| 'last-accessed'
	| 'virtual-mfa'
	| 'queues'
	| 'topics'
	| 'functions'
	| 'secrets'
	| 'repositories'
	| 'collection'
	| CollectedShapeId;

/** Shapes the model does not use yet: kept per account as `Account.collected` (issue 14). */
export type CollectedShapeId =
	| 'regions'
	| 'account-bpa'
	| 'bucket-bpa'
	| 'bucket-acl'
	| 'bucket-ownership'
	| 'saml-providers'
	| 'oidc-providers'
	| 'oidc-provider'
	| 'sso-instances'
	| 'sso-permission-sets'
	| 'sso-permission-set'
	| 'sso-inline-policy'
	| 'sso-managed-policies'
	| 'sso-customer-policies'
	| 'sso-boundary'
	| 'sso-provisioned-accounts'
	| 'sso-assignments'
	| 'ids-users'
	| 'ids-groups'
	| 'ids-memberships';

/** One shape: what it is, how it is filed and recognised, and its validator. */
export interface Shape {
	id: ShapeId;
	/** The canonical command name, recorded as SourceFile.kind. */
	kind: string;
	/** What to call it in messages. */
	what: string;
	/** Command names (file or folder names) it is filed under; the first is canonical. */
	commands: string[];
	/** Whether the file name is the command's parameter (the command is the folder). */
	parameterised: boolean;
	validate: Validator;
	/** Recognise the shape from a parsed top-level object. */
	matches: (o: Record<string, unknown>) => boolean;
}

type O = Record<string, unknown>;
const has = (o: O, k: string) => o[k] !== undefined;
const first = (o: O, k: string): O | undefined =>
	Array.isArray(o[k]) ? ((o[k] as unknown[])[0] as O | undefined) : undefined;
const onlyKeys = (o: O, ...keys: string[]) => Object.keys(o).every((k) => keys.includes(k));

const shape = (
	id: ShapeId,
	commands: string[],
	what: string,
	parameterised: boolean,
	validate: unknown,
	matches: (o: O) => boolean
): Shape => ({
	id,
	kind: commands[0],
	what,
	commands,
	parameterised,
	validate: validate as Validator,
	matches
});

/** All shapes, in recognition order (more specific first). */
export const SHAPES: Shape[] = [
	shape(
		'gaad',
		['iam-get-account-authorization-details'],
		'GAAD (get-account-authorization-details) output',
		false,
		gaad,
		(o) =>
			has(o, 'UserDetailList') ||
			has(o, 'GroupDetailList') ||
			has(o, 'RoleDetailList') ||
			(first(o, 'Policies') !== undefined && has(first(o, 'Policies')!, 'PolicyName'))
	),
	shape(
		'get-role',
		['iam-get-role'],
		'iam get-role output',
		true,
		getRole,
		(o) => typeof o.Role === 'object' && o.Role !== null
	),
	shape(
		'organization',
		['organizations-describe-organization'],
		'describe-organization output',
		false,
		describeOrganization,
		(o) => has(o, 'Organization')
	),
	shape('roots', ['organizations-list-roots'], 'list-roots output', false, listRoots, (o) =>
		has(o, 'Roots')
	),
	shape(
		'ous',
		['organizations-list-organizational-units-for-parent'],
		'list-organizational-units-for-parent output',
		true,
		listOus,
		(o) => has(o, 'OrganizationalUnits')
	),
	shape(
		'accounts',
		['organizations-list-accounts-for-parent', 'organizations-list-accounts'],
		'list-accounts-for-parent output',
		true,
		listAccounts,
		(o) => has(o, 'Accounts')
	),
	shape(
		'org-policies',
		['organizations-list-policies'],
		'list-policies output',
		true,
		listPolicies,
		(o) => Array.isArray(o.Policies) && !has(o, 'UserDetailList')
	),
	shape(
		'org-policy',
		['organizations-describe-policy'],
		'describe-policy output',
		true,
		describePolicy,
		(o) => typeof o.Policy === 'object' && o.Policy !== null
	),
	shape(
		'org-targets',
		['organizations-list-targets-for-policy'],
		'list-targets-for-policy output',
		true,
		listTargets,
		(o) => has(o, 'Targets')
	),
	shape(
		'buckets',
		['s3api-list-buckets', 's3-list-buckets'],
		's3api list-buckets output',
		false,
		listBuckets,
		(o) => has(o, 'Buckets')
	),
	shape('keys', ['kms-list-keys'], 'kms list-keys output', false, listKeys, (o) => has(o, 'Keys')),
	shape(
		'key-policy',
		['kms-get-key-policy'],
		'kms get-key-policy output',
		true,
		getKeyPolicy,
		(o) => typeof o.Policy === 'string' && has(o, 'PolicyName')
	),
	shape(
		'lambda-policy',
		['lambda-get-policy'],
		'lambda get-policy output',
		true,
		getLambdaPolicy,
		(o) => typeof o.Policy === 'string' && has(o, 'RevisionId')
	),
	shape(
		'bucket-policy',
		['s3api-get-bucket-policy', 's3-get-bucket-policy'],
		's3api get-bucket-policy output',
		true,
		getBucketPolicy,
		(o) => typeof o.Policy === 'string' && onlyKeys(o, 'Policy')
	),
	shape(
		'queue',
		['sqs-get-queue-attributes'],
		'sqs get-queue-attributes output',
		true,
		getQueueAttributes,
		(o) => has((o.Attributes ?? {}) as O, 'QueueArn')
	),
	shape(
		'topic',
		['sns-get-topic-attributes'],
		'sns get-topic-attributes output',
		true,
		getTopicAttributes,
		(o) => has((o.Attributes ?? {}) as O, 'TopicArn')
	),
	shape(
		'secret',
		['secretsmanager-get-resource-policy'],
		'secretsmanager get-resource-policy output',
		true,
		getSecretPolicy,
		(o) => has(o, 'ARN') && has(o, 'Name')
	),
	shape(
		'ecr-policy',
		['ecr-get-repository-policy'],
		'ecr get-repository-policy output',
		true,
		getRepositoryPolicy,
		(o) => has(o, 'repositoryName') && has(o, 'registryId')
	),
	shape(
		'credential-report',
		['iam-get-credential-report'],
		'iam get-credential-report output',
		false,
		credentialReport,
		(o) => typeof o.Content === 'string' && (has(o, 'GeneratedTime') || has(o, 'ReportFormat'))
	),
	shape(
		'account-summary',
		['iam-get-account-summary'],
		'iam get-account-summary output',
		false,
		accountSummary,
		(o) => has(o, 'SummaryMap')
	),
	shape(
		'password-policy',
		['iam-get-account-password-policy'],
		'iam get-account-password-policy output',
		false,
		passwordPolicy,
		(o) =>
			has(o, 'PasswordPolicy') ||
			// the collector records "no password policy" as the CLI's NoSuchEntity error
			(typeof o.Error === 'object' &&
				o.Error !== null &&
				(o.Error as O).Code === 'NoSuchEntity' &&
				/password policy/i.test(String((o.Error as O).Message ?? '')))
	),
	shape(
		'last-accessed-job',
		['iam-generate-service-last-accessed-details'],
		'iam generate-service-last-accessed-details output',
		true,
		lastAccessedJob,
		(o) => typeof o.JobId === 'string' && onlyKeys(o, 'JobId')
	),
	shape(
		'last-accessed',
		['iam-get-service-last-accessed-details'],
		'iam get-service-last-accessed-details output',
		true,
		lastAccessed,
		(o) => has(o, 'ServicesLastAccessed')
	),
	shape(
		'virtual-mfa',
		['iam-list-virtual-mfa-devices'],
		'iam list-virtual-mfa-devices output',
		false,
		virtualMfa,
		(o) => has(o, 'VirtualMFADevices')
	),
	shape('queues', ['sqs-list-queues'], 'sqs list-queues output', false, listQueues, (o) =>
		has(o, 'QueueUrls')
	),
	shape('topics', ['sns-list-topics'], 'sns list-topics output', false, listTopics, (o) =>
		has(o, 'Topics')
	),
	shape(
		'functions',
		['lambda-list-functions'],
		'lambda list-functions output',
		false,
		listFunctions,
		(o) => has(o, 'Functions')
	),
	shape(
		'secrets',
		['secretsmanager-list-secrets'],
		'secretsmanager list-secrets output',
		false,
		listSecrets,
		(o) => has(o, 'SecretList')
	),
	shape(
		'repositories',
		['ecr-describe-repositories'],
		'ecr describe-repositories output',
		false,
		describeRepositories,
		(o) => has(o, 'repositories')
	),
	shape(
		'collection',
		['_collection'],
		'collection manifest (_collection.json)',
		false,
		collectionManifest,
		(o) => o.format === 'iam-atlas-collection'
	),
	shape(
		'regions',
		['ec2-describe-regions'],
		'ec2 describe-regions output',
		false,
		describeRegions,
		(o) => has(o, 'Regions')
	),
	shape(
		'account-bpa',
		['s3control-get-public-access-block'],
		's3control get-public-access-block output',
		false,
		accountPublicAccessBlock,
		() => false
	),
	shape(
		'bucket-bpa',
		['s3api-get-public-access-block'],
		's3api get-public-access-block output',
		true,
		bucketPublicAccessBlock,
		() => false
	),
	shape(
		'bucket-acl',
		['s3api-get-bucket-acl'],
		's3api get-bucket-acl output',
		true,
		bucketAcl,
		(o) => has(o, 'Grants') && has(o, 'Owner')
	),
	shape(
		'bucket-ownership',
		['s3api-get-bucket-ownership-controls'],
		's3api get-bucket-ownership-controls output',
		true,
		bucketOwnership,
		(o) => has(o, 'OwnershipControls')
	),
	shape(
		'saml-providers',
		['iam-list-saml-providers'],
		'iam list-saml-providers output',
		false,
		samlProviders,
		(o) => has(o, 'SAMLProviderList')
	),
	shape(
		'oidc-providers',
		['iam-list-open-id-connect-providers'],
		'iam list-open-id-connect-providers output',
		false,
		oidcProviders,
		(o) => has(o, 'OpenIDConnectProviderList')
	),
	shape(
		'oidc-provider',
		['iam-get-open-id-connect-provider'],
		'iam get-open-id-connect-provider output',
		true,
		oidcProvider,
		(o) => has(o, 'Url') && has(o, 'ThumbprintList')
	),
	shape(
		'sso-instances',
		['sso-admin-list-instances'],
		'sso-admin list-instances output',
		false,
		ssoInstances,
		(o) => has(o, 'Instances') && has(first(o, 'Instances') ?? {}, 'InstanceArn')
	),
	shape(
		'sso-permission-sets',
		['sso-admin-list-permission-sets'],
		'sso-admin list-permission-sets output',
		true,
		ssoPermissionSets,
		(o) => has(o, 'PermissionSets')
	),
	shape(
		'sso-permission-set',
		['sso-admin-describe-permission-set'],
		'sso-admin describe-permission-set output',
		true,
		ssoPermissionSet,
		(o) => has(o, 'PermissionSet')
	),
	shape(
		'sso-inline-policy',
		['sso-admin-get-inline-policy-for-permission-set'],
		'sso-admin get-inline-policy-for-permission-set output',
		true,
		ssoInlinePolicy,
		() => false
	),
	shape(
		'sso-managed-policies',
		['sso-admin-list-managed-policies-in-permission-set'],
		'sso-admin list-managed-policies-in-permission-set output',
		true,
		ssoManagedPolicies,
		(o) => has(o, 'AttachedManagedPolicies')
	),
	shape(
		'sso-customer-policies',
		['sso-admin-list-customer-managed-policy-references-in-permission-set'],
		'sso-admin list-customer-managed-policy-references-in-permission-set output',
		true,
		ssoCustomerPolicies,
		(o) => has(o, 'CustomerManagedPolicyReferences')
	),
	shape(
		'sso-boundary',
		['sso-admin-get-permissions-boundary-for-permission-set'],
		'sso-admin get-permissions-boundary-for-permission-set output',
		true,
		ssoBoundary,
		() => false
	),
	shape(
		'sso-provisioned-accounts',
		['sso-admin-list-accounts-for-provisioned-permission-set'],
		'sso-admin list-accounts-for-provisioned-permission-set output',
		true,
		ssoProvisionedAccounts,
		(o) => has(o, 'AccountIds')
	),
	shape(
		'sso-assignments',
		['sso-admin-list-account-assignments'],
		'sso-admin list-account-assignments output',
		true,
		ssoAssignments,
		(o) => has(o, 'AccountAssignments')
	),
	shape(
		'ids-users',
		['identitystore-list-users'],
		'identitystore list-users output',
		true,
		idsUsers,
		(o) => has(o, 'Users') && has(first(o, 'Users') ?? {}, 'UserId')
	),
	shape(
		'ids-groups',
		['identitystore-list-groups'],
		'identitystore list-groups output',
		true,
		idsGroups,
		(o) => has(o, 'Groups') && has(first(o, 'Groups') ?? {}, 'GroupId')
	),
	shape(
		'ids-memberships',
		['identitystore-list-group-memberships'],
		'identitystore list-group-memberships output',
		true,
		idsMemberships,
		(o) => has(o, 'GroupMemberships')
	)
];

const byCommand = new Map(SHAPES.flatMap((s) => s.commands.map((c) => [c, s] as const)));

/** The shape a command name (file or folder name) files, if any. */
export const shapeOfCommand = (name: string): Shape | undefined => byCommand.get(name);

/** The shape recognised from content alone, if any. */
export function shapeOfContent(value: unknown): Shape | undefined {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
	return SHAPES.find((s) => s.matches(value as O));
}

/** The shapes kept as collected data (the model does not use them yet). */
export const COLLECTED_SHAPES: ReadonlySet<ShapeId> = new Set<CollectedShapeId>([
	'regions',
	'account-bpa',
	'bucket-bpa',
	'bucket-acl',
	'bucket-ownership',
	'saml-providers',
	'oidc-providers',
	'oidc-provider',
	'sso-instances',
	'sso-permission-sets',
	'sso-permission-set',
	'sso-inline-policy',
	'sso-managed-policies',
	'sso-customer-policies',
	'sso-boundary',
	'sso-provisioned-accounts',
	'sso-assignments',
	'ids-users',
	'ids-groups',
	'ids-memberships'
]);
