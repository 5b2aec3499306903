/**
 * The account model: one organization (optional) and the IAM and resource data of its accounts.
 * Plain JSON-serialisable data, so a snapshot is stored, exported and posted to workers as is.
 * Ids used to cross-reference (see ids.ts): org nodes by their Organizations id (r-…, ou-…),
 * accounts by their 12-digit id, SCPs/RCPs by p-… id, everything IAM and every resource by ARN.
 */
import type { PolicyDocument } from './policy-document';
import type { AccountEvidence } from './evidence';

/** The native snapshot file's format marker. */
export const SNAPSHOT_FORMAT = 'iam-atlas-snapshot';
/** The snapshot format version this code writes. */
export const SNAPSHOT_VERSION = 2;

/** Tags as a key → value map (IAM tag keys are unique per entity). */
export type Tags = Record<string, string>;

/** A whole snapshot: what one import (or one exported file) holds. */
export interface Snapshot {
	format: typeof SNAPSHOT_FORMAT;
	version: typeof SNAPSHOT_VERSION;
	meta: SnapshotMeta;
	organization: Organization | null;
	/** Sorted by account id. */
	accounts: Account[];
	/** Review notes on graph nodes and findings; always present, may be empty. */
	notes: ReviewNote[];
	/** Saved views a presenter steps through, in presentation order; always present, may be empty. */
	views: SavedView[];
}

/** Where a snapshot came from. */
export interface SnapshotMeta {
	name: string;
	/** When the data was captured from AWS, if known (ISO 8601 UTC). */
	capturedAt: string | null;
	/** When it was imported into IAM Atlas (ISO 8601 UTC). */
	importedAt: string;
	/** The files it was built from, in import order. */
	sources: SourceFile[];
	/** e.g. "iam-atlas 0.1.0". */
	tool: string;
	/** What the collector's manifest (_collection.json) says about the run; absent without one. */
	collection?: CollectionStatus;
}

/** The collector's account of its run (issue 14): what it covered, and what is missing and why. */
export interface CollectionStatus {
	/** True only when the run finished (an interrupted run is false). */
	complete: boolean;
	/** e.g. "iam-atlas-collect.sh 2.0.0". */
	collector: string;
	/** `aws --version` of the run, e.g. "aws-cli/2.9.19 Python/3.11.2 …". */
	awsCli: string;
	callerArn: string;
	startedAt: string;
	endedAt: string | null;
	accounts: CollectedAccount[];
	/** Every failed call of the run (expected refusals are counted per account, not listed). */
	errors: CollectionError[];
}

/** One account of a collection run. */
export interface CollectedAccount {
	id: string;
	/** complete, errors (finished with failed calls), failed (not reached), interrupted, pending. */
	status: string;
	regions: string[];
	/** Regions asked for but not enabled in this account. */
	regionsSkipped: string[];
	refused: number;
}

/** One failed call of a collection run. */
export interface CollectionError {
	/** null for the organization's calls. */
	accountId: string | null;
	call: string;
	code: string;
	message: string;
}

/** A collected CLI output the model does not use yet, kept as read (issue 14; modelled later). */
export interface CollectedItem {
	/** The command, e.g. "s3api-get-bucket-acl". */
	kind: string;
	/** Its parameter (bucket name, ARN …), '' for account-wide outputs. */
	key: string;
	region: string | null;
	data: unknown;
}

/** One input file of an import. */
export interface SourceFile {
	/** Path inside the collection (or the file name). */
	path: string;
	/** What the importer recognised it as, e.g. "iam-get-account-authorization-details". */
	kind: string;
}

/** The decision a review meeting recorded on a finding. */
export type ReviewStatus = 'accepted-risk' | 'to-fix';

/**
 * A review note on a graph node (`targetKind: 'node'`, target = an ARN or org id) or on a finding
 * (`targetKind: 'finding'`, target = `<rule>|<subject>`), optionally with the meeting's decision.
 */
export interface ReviewNote {
	id: string;
	targetKind: 'node' | 'finding';
	target: string;
	text: string;
	author: string | null;
	createdAt: string;
	updatedAt: string;
	/** Set on findings: accepted risk or to fix; null for a plain note. */
	status: ReviewStatus | null;
	owner: string | null;
	/** YYYY-MM-DD by which it is to be fixed or reviewed again. */
	due: string | null;
}

/** A saved view a presenter steps through: expansion, selection, the traced question and its context. */
export interface SavedView {
	id: string;
	title: string;
	note: string;
	/** Ids of the graph nodes expanded in this view. */
	expanded: string[];
	selected: string | null;
	principal: string | null;
	resource: string | null;
	action: string | null;
	/** Context keys the user set, as a link carries them (`ctx.<key>=<value>`). */
	context: Record<string, string>;
	camera: { zoom: number; x: number; y: number } | null;
	createdAt: string;
}

/** An AWS organization. */
export interface Organization {
	id: string;
	arn: string | null;
	managementAccountId: string | null;
	featureSet: string | null;
	/** The root's id (r-…). */
	rootId: string;
	/** The root and every OU. */
	units: OrgUnit[];
	accounts: OrgAccount[];
	/** SCPs and RCPs (other policy types are ignored on import). */
	policies: OrgPolicy[];
}

/** The root or an OU. */
export interface OrgUnit {
	id: string;
	kind: 'root' | 'ou';
	name: string;
	arn: string | null;
	/** null for the root. */
	parentId: string | null;
}

/** An account's place in the organization. */
export interface OrgAccount {
	id: string;
	name: string;
	email: string | null;
	arn: string | null;
	/** The root or OU id it sits in (null when unknown). */
	parentId: string | null;
	/** ACTIVE, SUSPENDED, … (from State, falling back to the retired Status). */
	state: string | null;
	joinedMethod: string | null;
	joinedTimestamp: string | null;
}

/** A service control policy or resource control policy. */
export interface OrgPolicy {
	id: string;
	arn: string | null;
	name: string;
	description: string | null;
	type: 'SCP' | 'RCP';
	awsManaged: boolean;
	document: PolicyDocument;
	/** Ids of the roots, OUs and accounts it is attached to. */
	targets: string[];
}

/** One account's IAM and resource data. */
export interface Account {
	id: string;
	name: string | null;
	users: User[];
	groups: Group[];
	roles: Role[];
	/** Customer-managed policies and the AWS-managed ones the account's GAAD listed. */
	policies: ManagedPolicy[];
	resources: Resource[];
	/** Credential report, account summary, password policy, last-accessed data, MFA devices (null parts: not collected). */
	evidence: AccountEvidence;
	/** Collected outputs the model does not use yet (S3 Block Public Access, ACLs, Identity Center …). */
	collected?: CollectedItem[];
}

/** An inline policy embedded in a user, group or role. */
export interface InlinePolicy {
	name: string;
	document: PolicyDocument;
}

/** Fields every IAM principal and group shares. */
export interface IamEntity {
	arn: string;
	name: string;
	/** AIDA…/AGPA…/AROA… */
	id: string;
	path: string;
	createDate: string | null;
	inlinePolicies: InlinePolicy[];
	/** ARNs of attached managed policies (may dangle: see references.ts). */
	attachedPolicies: string[];
}

/** An IAM user. */
export interface User extends IamEntity {
	/** Group *names* (as GAAD gives them); resolve through the account's groups. */
	groups: string[];
	/** ARN of the permissions boundary policy, if any. */
	permissionsBoundary: string | null;
	tags: Tags;
}

/** An IAM group (groups do not nest). */
export type Group = IamEntity;

/** An IAM role. */
export interface Role extends IamEntity {
	trustPolicy: PolicyDocument | null;
	permissionsBoundary: string | null;
	tags: Tags;
	instanceProfiles: InstanceProfile[];
	lastUsed: { date: string | null; region: string | null } | null;
	description: string | null;
	maxSessionDuration: number | null;
}

/** An instance profile a role belongs to. */
export interface InstanceProfile {
	arn: string;
	name: string;
	id: string;
	path: string;
}

/** A managed policy with all its versions. */
export interface ManagedPolicy {
	arn: string;
	name: string;
	id: string | null;
	path: string;
	awsManaged: boolean;
	defaultVersionId: string | null;
	description: string | null;
	createDate: string | null;
	updateDate: string | null;
	attachmentCount: number | null;
	permissionsBoundaryUsageCount: number | null;
	isAttachable: boolean | null;
	versions: PolicyVersion[];
}

/** One version of a managed policy. */
export interface PolicyVersion {
	versionId: string;
	isDefault: boolean;
	createDate: string | null;
	document: PolicyDocument;
}

/** The kinds of resource whose resource-based policies we import. */
export type ResourceKind =
	| 's3-bucket'
	| 'kms-key'
	| 'sqs-queue'
	| 'sns-topic'
	| 'lambda-function'
	| 'secret'
	| 'ecr-repository';

/** A resource, with its resource-based policy when it has one. */
export interface Resource {
	arn: string;
	kind: ResourceKind;
	name: string;
	accountId: string;
	region: string | null;
	policy: PolicyDocument | null;
	tags: Tags;
	/** KMS: true for AWS managed keys (exempt from RCPs); null when unknown. */
	awsManaged: boolean | null;
}
