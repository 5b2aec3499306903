/**
 * One service's compact file with the lookup tables ActionCatalog asks of it: actions by lower-case
 * name, condition keys (exact and families), and resource-type ARN patterns compiled on first use.
 */
import { compileArnPattern, type CompiledArnPattern } from './arn-pattern';
import {
	ACCESS_LEVEL_BY_CODE,
	type AccessLevel,
	type CompactAction,
	type ServiceCatalog
} from './catalog-data';
import { compileKeyFamily, isKeyFamily } from './condition-key-pattern';

/** A resource type with its compiled ARN pattern. */
export interface ResourceTypePattern {
	index: number;
	name: string;
	arn: string;
	compiled: CompiledArnPattern;
}

/** A service file indexed for lookups. */
export class LoadedService {
	readonly data: ServiceCatalog;
	readonly #actions = new Map<string, CompactAction>();
	readonly #keys = new Set<string>();
	readonly #keyFamilies: RegExp[] = [];
	#patterns: ResourceTypePattern[] | null = null;

	constructor(data: ServiceCatalog) {
		this.data = data;
		for (const a of data.actions) this.#actions.set(a[0].toLowerCase(), a);
		for (const k of data.conditionKeys) {
			if (isKeyFamily(k)) this.#keyFamilies.push(compileKeyFamily(k));
			else this.#keys.add(k.toLowerCase());
		}
	}

	/** The action with this name (any case), without the service prefix. */
	action(name: string): CompactAction | undefined {
		return this.#actions.get(name.toLowerCase());
	}

	/** Access level of an action entry. */
	static level(action: CompactAction): AccessLevel {
		return ACCESS_LEVEL_BY_CODE[action[1]];
	}

	/** True when this service declares the key (any case), exactly or as a family member. */
	hasConditionKey(key: string): boolean {
		return this.#keys.has(key.toLowerCase()) || this.#keyFamilies.some((re) => re.test(key));
	}

	/** The resource types' ARN patterns, compiled once. */
	patterns(): ResourceTypePattern[] {
		this.#patterns ??= this.data.resourceTypes.map(([name, arn], index) => ({
			index,
			name,
			arn,
			compiled: compileArnPattern(arn)
		}));
		return this.#patterns;
	}
}
