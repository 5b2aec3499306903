/**
 * Collects the IAM data and resources of every account across files. Two GAADs may describe
 * the same account only if they agree: when both carry the same list (users, groups, roles or
 * policies) of an account, the lists must hold the same ARNs, and the same entity read twice
 * must read the same. Otherwise the two files contradict each other and the import fails with
 * an error naming both. GAADs carrying different lists (`--filter User` and `--filter Role`)
 * complement each other.
 */
import type { Account, Group, ManagedPolicy, Resource, Role, User } from '../../model/snapshot';
import type { AtlasError } from '../../model/result';
import { importError } from '../errors';
import type { AccountPart } from '../shapes/gaad';
import { noEvidence } from '../../model/evidence';

type Entity = User | Group | Role | ManagedPolicy | Resource;
type ListKey = 'users' | 'groups' | 'roles' | 'policies' | 'resources';

interface Slot {
	account: Account;
	/** `<list>|<arn>` → index in the list and the file it came from. */
	seen: Map<string, { index: number; file: string }>;
	/** Per GAAD list: the first file that carried it and the ARNs it listed. */
	lists: Map<string, { file: string; arns: Set<string> }>;
}

/** The accounts of one import, filled file by file. */
export class AccountSet {
	readonly #slots = new Map<string, Slot>();
	constructor(private readonly errors: AtlasError[]) {}

	/** The account with this id, created empty when first seen. */
	account(id: string): Account {
		return this.#slot(id).account;
	}

	/** True when the account has been seen. */
	has(id: string): boolean {
		return this.#slots.has(id);
	}

	/** Ids of the accounts seen so far. */
	ids(): string[] {
		return [...this.#slots.keys()];
	}

	/** Where an entity was read from, if it was. */
	sourceOf(accountId: string, list: ListKey, arn: string): { entity: Entity; file: string } | undefined {
		const slot = this.#slots.get(accountId);
		const hit = slot?.seen.get(`${list}|${arn}`);
		return slot && hit ? { entity: slot.account[list][hit.index], file: hit.file } : undefined;
	}

	/** A role found by name (role names are unique in an account), with its source file. */
	roleByName(accountId: string, name: string): { entity: Role; file: string } | undefined {
		const role = this.#slots.get(accountId)?.account.roles.find((r) => r.name === name);
		return role ? (this.sourceOf(accountId, 'roles', role.arn) as { entity: Role; file: string }) : undefined;
	}

	/** Add an entity; a differing copy of the same ARN is a contradiction between two files. */
	add(accountId: string, list: ListKey, entity: Entity, file: string, shape: string): void {
		const slot = this.#slot(accountId);
		const key = `${list}|${entity.arn}`;
		const prior = slot.seen.get(key);
		if (!prior) {
			slot.seen.set(key, { index: slot.account[list].length, file });
			(slot.account[list] as Entity[]).push(entity);
			return;
		}
		const existing = slot.account[list][prior.index];
		if (existing === entity || JSON.stringify(existing) === JSON.stringify(entity)) return;
		this.errors.push(
			importError(
				shape,
				'conflict',
				`"${file}" and "${prior.file}" contradict each other about ${entity.arn} in account ${accountId}: they describe it differently. Import one of them.`,
				{ file }
			)
		);
	}

	/** Add everything a GAAD said about one account. */
	addPart(part: AccountPart, file: string): void {
		const slot = this.#slot(part.accountId);
		for (const list of part.lists) {
			const arns = new Set(part[list].map((e) => e.arn));
			const prior = slot.lists.get(list);
			if (!prior) slot.lists.set(list, { file, arns });
			else if (prior.arns.size !== arns.size || [...arns].some((a) => !prior.arns.has(a))) {
				const onlyHere = [...arns].filter((a) => !prior.arns.has(a));
				const onlyThere = [...prior.arns].filter((a) => !arns.has(a));
				const example = onlyHere[0] ?? onlyThere[0];
				this.errors.push(
					importError(
						'gaad',
						'conflict',
						`"${file}" and "${prior.file}" contradict each other: they list different ${list} for account ${part.accountId} (${onlyHere.length} only in the first, ${onlyThere.length} only in the second, e.g. ${example}). Import one of them.`,
						{ file }
					)
				);
				return;
			}
		}
		for (const u of part.users) this.add(part.accountId, 'users', u, file, 'gaad');
		for (const g of part.groups) this.add(part.accountId, 'groups', g, file, 'gaad');
		for (const r of part.roles) this.add(part.accountId, 'roles', r, file, 'gaad');
		for (const p of part.policies) this.add(part.accountId, 'policies', p, file, 'gaad');
	}

	/** The accounts, sorted by id; resources sorted by ARN (IAM entities keep their file order). */
	accounts(): Account[] {
		const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
		const out = [...this.#slots.values()].map((s) => s.account).sort((a, b) => byKey(a.id, b.id));
		for (const a of out) a.resources.sort((x, y) => byKey(x.arn, y.arn));
		return out;
	}

	#slot(id: string): Slot {
		let slot = this.#slots.get(id);
		if (!slot) {
			slot = { account: { id, name: null, users: [], groups: [], roles: [], policies: [], resources: [], evidence: noEvidence() }, seen: new Map(), lists: new Map() };
			this.#slots.set(id, slot);
		}
		return slot;
	}
}
