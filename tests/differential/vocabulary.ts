/**
 * What a generated organization offers to policy and request generators: its accounts, the
 * principals and resources in them, and the actions that apply to each resource kind.
 */

/** One action a request may use, with how its resource ARN is built. */
export interface ActionSpec {
	action: string;
	/** The resource kind it targets. */
	kind: TargetKind;
}

/** Resource kinds the differential generator targets. */
export type TargetKind =
	'object' | 'bucket' | 'queue' | 'topic' | 'key' | 'secret' | 'table' | 'role';

/** A request target: a concrete ARN with its account and its resource policy holder. */
export interface Target {
	kind: TargetKind;
	arn: string;
	account: string;
	/** ARN of the snapshot resource (bucket for objects) or role holding the policy; null when none. */
	holder: string | null;
}

/** The actions generated per kind (each valid for its resource type in the IAM data). */
export const ACTIONS: ActionSpec[] = [
	{ action: 's3:GetObject', kind: 'object' },
	{ action: 's3:PutObject', kind: 'object' },
	{ action: 's3:DeleteObject', kind: 'object' },
	{ action: 's3:ListBucket', kind: 'bucket' },
	{ action: 'sqs:SendMessage', kind: 'queue' },
	{ action: 'sqs:ReceiveMessage', kind: 'queue' },
	{ action: 'sns:Publish', kind: 'topic' },
	{ action: 'kms:Decrypt', kind: 'key' },
	{ action: 'kms:Encrypt', kind: 'key' },
	{ action: 'secretsmanager:GetSecretValue', kind: 'secret' },
	{ action: 'dynamodb:GetItem', kind: 'table' },
	{ action: 'dynamodb:PutItem', kind: 'table' },
	{ action: 'sts:AssumeRole', kind: 'role' }
];

/** Action patterns policies use (some wildcards, some exact, mixed case as AWS allows). */
export const ACTION_PATTERNS = [
	's3:GetObject',
	's3:Get*',
	's3:*',
	'S3:getobject',
	's3:PutObject',
	's3:ListBucket',
	'sqs:SendMessage',
	'sqs:*',
	'sns:Publish',
	'kms:Decrypt',
	'kms:*',
	'secretsmanager:GetSecretValue',
	'dynamodb:GetItem',
	'dynamodb:*Item',
	'sts:AssumeRole',
	'*'
];

/** Regions used in ARNs and in aws:RequestedRegion. */
export const REGIONS = ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-south-1'];

/** Source IPs requests come from (IPv4 and IPv6). */
export const SOURCE_IPS = [
	'10.1.2.3',
	'192.168.1.7',
	'8.8.8.8',
	'203.0.113.7',
	'2001:db8::1',
	'2001:db9::5'
];

/** Request times (ISO 8601 UTC). */
export const TIMES = ['2025-06-01T12:00:00Z', '2026-03-15T08:30:00Z', '2027-01-02T00:00:00Z'];
