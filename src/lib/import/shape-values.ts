/**
 * The type of a validated file's value, per shape: the TypeScript types scripts/build-schemas.js
 * generates from each shape's JSON Schema (see shape-table.ts for which schema a shape uses).
 * The readers take these instead of `any`; reading a field the schema does not describe is a
 * type error.
 */
import type { ShapedFile } from './classify';
import type { ShapeId } from './shape-table';
import type { EcrGetRepositoryPolicy } from './schemas/ecr-get-repository-policy.validate.js';
import type { Gaad } from './schemas/gaad.validate.js';
import type { IamGetRole } from './schemas/iam-get-role.validate.js';
import type { KmsGetKeyPolicy } from './schemas/kms-get-key-policy.validate.js';
import type { KmsListKeys } from './schemas/kms-list-keys.validate.js';
import type { LambdaGetPolicy } from './schemas/lambda-get-policy.validate.js';
import type { OrganizationsDescribeOrganization } from './schemas/organizations-describe-organization.validate.js';
import type { OrganizationsDescribePolicy } from './schemas/organizations-describe-policy.validate.js';
import type { OrganizationsListAccountsForParent } from './schemas/organizations-list-accounts-for-parent.validate.js';
import type { OrganizationsListOrganizationalUnitsForParent } from './schemas/organizations-list-organizational-units-for-parent.validate.js';
import type { OrganizationsListPolicies } from './schemas/organizations-list-policies.validate.js';
import type { OrganizationsListRoots } from './schemas/organizations-list-roots.validate.js';
import type { OrganizationsListTargetsForPolicy } from './schemas/organizations-list-targets-for-policy.validate.js';
import type { S3apiGetBucketPolicy } from './schemas/s3api-get-bucket-policy.validate.js';
import type { S3apiListBuckets } from './schemas/s3api-list-buckets.validate.js';
import type { SecretsmanagerGetResourcePolicy } from './schemas/secretsmanager-get-resource-policy.validate.js';
import type { SnsGetTopicAttributes } from './schemas/sns-get-topic-attributes.validate.js';
import type { SqsGetQueueAttributes } from './schemas/sqs-get-queue-attributes.validate.js';
import type { IamGetCredentialReport } from './schemas/iam-get-credential-report.validate.js';
import type { IamGetAccountSummary } from './schemas/iam-get-account-summary.validate.js';
import type { IamGetAccountPasswordPolicy } from './schemas/iam-get-account-password-policy.validate.js';
import type { IamGenerateServiceLastAccessedDetails } from './schemas/iam-generate-service-last-accessed-details.validate.js';
import type { IamGetServiceLastAccessedDetails } from './schemas/iam-get-service-last-accessed-details.validate.js';
import type { IamListVirtualMfaDevices } from './schemas/iam-list-virtual-mfa-devices.validate.js';

import type { SqsListQueues } from './schemas/sqs-list-queues.validate.js';
import type { SnsListTopics } from './schemas/sns-list-topics.validate.js';
import type { LambdaListFunctions } from './schemas/lambda-list-functions.validate.js';
import type { SecretsmanagerListSecrets } from './schemas/secretsmanager-list-secrets.validate.js';
import type { EcrDescribeRepositories } from './schemas/ecr-describe-repositories.validate.js';
import type { CollectionManifest } from './schemas/collection-manifest.validate.js';
import type { CollectedShapeId } from './shape-table';

/** Each shape's validated value. */
export interface ShapeValues {
	gaad: Gaad;
	'get-role': IamGetRole;
	organization: OrganizationsDescribeOrganization;
	roots: OrganizationsListRoots;
	ous: OrganizationsListOrganizationalUnitsForParent;
	accounts: OrganizationsListAccountsForParent;
	'org-policies': OrganizationsListPolicies;
	'org-policy': OrganizationsDescribePolicy;
	'org-targets': OrganizationsListTargetsForPolicy;
	buckets: S3apiListBuckets;
	'bucket-policy': S3apiGetBucketPolicy;
	keys: KmsListKeys;
	'key-policy': KmsGetKeyPolicy;
	queue: SqsGetQueueAttributes;
	topic: SnsGetTopicAttributes;
	'lambda-policy': LambdaGetPolicy;
	secret: SecretsmanagerGetResourcePolicy;
	'ecr-policy': EcrGetRepositoryPolicy;
	'credential-report': IamGetCredentialReport;
	'account-summary': IamGetAccountSummary;
	'password-policy': IamGetAccountPasswordPolicy;
	'last-accessed-job': IamGenerateServiceLastAccessedDetails;
	'last-accessed': IamGetServiceLastAccessedDetails;
	'virtual-mfa': IamListVirtualMfaDevices;
	queues: SqsListQueues;
	topics: SnsListTopics;
	functions: LambdaListFunctions;
	secrets: SecretsmanagerListSecrets;
	repositories: EcrDescribeRepositories;
	collection: CollectionManifest;
}

/** Shapes kept as collected data (Account.collected): read as plain JSON, not modelled yet. */
type CollectedValues = { [K in CollectedShapeId]: unknown };

// Every shape has a value type (a new shape without one fails `npm run check`).
type Missing = Exclude<ShapeId, keyof ShapeValues | keyof CollectedValues>;
const _everyShapeTyped: [Missing] extends [never] ? true : Missing = true;
void _everyShapeTyped;

/** The value of `file`, known to be of shape `id` (its validator accepted it). */
export function shapeValue<K extends keyof ShapeValues>(file: ShapedFile, id: K): ShapeValues[K] {
	if (file.shape.id !== id)
		throw new Error(`shapeValue: ${file.file} is a ${file.shape.id}, not a ${id}`);
	return file.value as ShapeValues[K];
}
