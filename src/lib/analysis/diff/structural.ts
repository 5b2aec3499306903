/**
 * The structural diff of two snapshots of one organization: what was added, removed or modified,
 * compared by meaning (see normalise.ts), never by text. Pure: snapshots in, changes out.
 */
import type { PolicyDocument } from '../../model/policy-document';
import type { Account, Group, Role, Snapshot, User } from '../../model/snapshot';
import { canonDocument, statementDiff } from './normalise';

/** What kind of thing changed (the CLI's `kind`, word for word). */
export type ChangeKind =
	| 'account'
	| 'ou'
	| 'user'
	| 'group'
	| 'role'
	| 'policy'
	| 'scp'
	| 'rcp'
	| 'resource'
	| 'membership'
	| 'attachment'
	| 'boundary'
	| 'trust'
	| 'document'
	| 'targets'
	| 'access';

/** One change. `subject` is an ARN or an Organizations / account id. */
export interface Change {
	kind: ChangeKind;
	change: 'added' | 'removed' | 'modified';
	subject: string;
	/** The other end where there is one: the group of a membership, the policy of an attachment, the inline policy's name, … */
	object?: string;
	/** What changed, in words. */
	detail: string;
	/** Statements (canonical JSON) only in the before / after document. */
	statementsRemoved?: string[];
	statementsAdded?: string[];
	/** Access changes: the status or the who-can set before and after. */
	before?: string | string[];
	after?: string | string[];
	/** Access changes: the action the who-can set is for. */
	action?: string;
	/** Access changes: the structural changes that explain it, in words. */
	causes?: string[];
}

const byKey = <T>(items: T[], key: (t: T) => string) => new Map(items.map((t) => [key(t), t]));

/** Added / removed / kept keys of two maps, in sorted order. */
function keysOf<T>(a: Map<string, T>, b: Map<string, T>) {
	const removed = [...a.keys()].filter((k) => !b.has(k)).sort();
	const added = [...b.keys()].filter((k) => !a.has(k)).sort();
	const kept = [...a.keys()].filter((k) => b.has(k)).sort();
	return { removed, added, kept };
}

function setDiff(a: Iterable<string>, b: Iterable<string>) {
	const x = new Set(a);
	const y = new Set(b);
	return {
		removed: [...x].filter((v) => !y.has(v)).sort(),
		added: [...y].filter((v) => !x.has(v)).sort()
	};
}

function documentChange(
	kind: ChangeKind,
	subject: string,
	object: string | undefined,
	what: string,
	before: PolicyDocument | null | undefined,
	after: PolicyDocument | null | undefined,
	out: Change[],
	modified = false
) {
	const a = canonDocument(before);
	const b = canonDocument(after);
	if (a === null && b === null) return;
	const { removed, added } = statementDiff(a, b);
	if (!removed.length && !added.length) return;
	out.push({
		kind,
		change: modified ? 'modified' : a === null ? 'added' : b === null ? 'removed' : 'modified',
		subject,
		...(object !== undefined ? { object } : {}),
		detail: `${what}: ${added.length} statement(s) added, ${removed.length} removed`,
		statementsRemoved: removed,
		statementsAdded: added
	});
}

/** The default version's document of a managed policy (null when none is known). */
function defaultDocument(p: Account['policies'][number]): PolicyDocument | null {
	const v =
		p.versions.find((x) => x.isDefault) ??
		p.versions.find((x) => x.versionId === p.defaultVersionId);
	return v?.document ?? null;
}

type Entity = User | Group | Role;

function entityChanges(
	kind: 'user' | 'group' | 'role',
	before: Entity[],
	after: Entity[],
	groupArn: (name: string) => string,
	out: Change[]
) {
	const a = byKey(before, (e) => e.arn);
	const b = byKey(after, (e) => e.arn);
	const { removed, added, kept } = keysOf(a, b);
	for (const arn of removed)
		out.push({ kind, change: 'removed', subject: arn, detail: `${kind} removed` });
	for (const arn of added)
		out.push({ kind, change: 'added', subject: arn, detail: `${kind} added` });
	// Relations of added and removed entities count too: "user added, in group X" is two facts.
	for (const arn of [...removed, ...added, ...kept]) {
		const x = a.get(arn);
		const y = b.get(arn);
		const attach = setDiff(x?.attachedPolicies ?? [], y?.attachedPolicies ?? []);
		for (const p of attach.removed)
			out.push({
				kind: 'attachment',
				change: 'removed',
				subject: arn,
				object: p,
				detail: `${p} detached from ${arn}`
			});
		for (const p of attach.added)
			out.push({
				kind: 'attachment',
				change: 'added',
				subject: arn,
				object: p,
				detail: `${p} attached to ${arn}`
			});
		const inlineA = byKey(x?.inlinePolicies ?? [], (p) => p.name);
		const inlineB = byKey(y?.inlinePolicies ?? [], (p) => p.name);
		for (const name of new Set([...inlineA.keys(), ...inlineB.keys()]))
			documentChange(
				'document',
				arn,
				name,
				`inline policy ${name} of ${arn}`,
				inlineA.get(name)?.document,
				inlineB.get(name)?.document,
				out
			);
		if (kind === 'user') {
			const m = setDiff(
				((x as User | undefined)?.groups ?? []).map(groupArn),
				((y as User | undefined)?.groups ?? []).map(groupArn)
			);
			for (const g of m.removed)
				out.push({
					kind: 'membership',
					change: 'removed',
					subject: arn,
					object: g,
					detail: `${arn} removed from group ${g}`
				});
			for (const g of m.added)
				out.push({
					kind: 'membership',
					change: 'added',
					subject: arn,
					object: g,
					detail: `${arn} added to group ${g}`
				});
		}
		if (kind !== 'group') {
			const pb = (x as User | Role | undefined)?.permissionsBoundary ?? null;
			const pa = (y as User | Role | undefined)?.permissionsBoundary ?? null;
			if (pb !== pa)
				out.push({
					kind: 'boundary',
					change: pb === null ? 'added' : pa === null ? 'removed' : 'modified',
					subject: arn,
					...((pa ?? pb) ? { object: (pa ?? pb)! } : {}),
					detail: `permissions boundary of ${arn}: ${pb ?? 'none'} → ${pa ?? 'none'}`
				});
		}
		if (kind === 'role')
			documentChange(
				'trust',
				arn,
				undefined,
				`trust policy of ${arn}`,
				(x as Role | undefined)?.trustPolicy ?? null,
				(y as Role | undefined)?.trustPolicy ?? null,
				out
			);
	}
}

function accountChanges(a: Account | undefined, b: Account | undefined, out: Change[]) {
	const groupArn = (acc: Account | undefined) => {
		const groups = new Map((acc?.groups ?? []).map((g) => [g.name, g.arn]));
		return (name: string) => groups.get(name) ?? `arn:aws:iam::${acc?.id}:group/${name}`;
	};
	// Membership compares group ARNs; a user's group names resolve in their own account.
	const resolve = groupArn(b ?? a);
	const resolveBefore = groupArn(a ?? b);
	const usersA = (a?.users ?? []).map((u) => ({ ...u, groups: u.groups.map(resolveBefore) }));
	const usersB = (b?.users ?? []).map((u) => ({ ...u, groups: u.groups.map(resolve) }));
	entityChanges('user', usersA, usersB, (g) => g, out);
	entityChanges('group', a?.groups ?? [], b?.groups ?? [], (g) => g, out);
	entityChanges('role', a?.roles ?? [], b?.roles ?? [], (g) => g, out);

	const pa = byKey(a?.policies ?? [], (p) => p.arn);
	const pb = byKey(b?.policies ?? [], (p) => p.arn);
	const policies = keysOf(pa, pb);
	for (const arn of policies.removed)
		out.push({ kind: 'policy', change: 'removed', subject: arn, detail: 'managed policy removed' });
	for (const arn of policies.added)
		out.push({ kind: 'policy', change: 'added', subject: arn, detail: 'managed policy added' });
	for (const arn of policies.kept)
		documentChange(
			'document',
			arn,
			undefined,
			`default version of ${arn}`,
			defaultDocument(pa.get(arn)!),
			defaultDocument(pb.get(arn)!),
			out
		);

	const ra = byKey(a?.resources ?? [], (r) => r.arn);
	const rb = byKey(b?.resources ?? [], (r) => r.arn);
	const resources = keysOf(ra, rb);
	for (const arn of resources.removed)
		out.push({
			kind: 'resource',
			change: 'removed',
			subject: arn,
			detail: `${ra.get(arn)!.kind} removed`
		});
	for (const arn of resources.added)
		out.push({
			kind: 'resource',
			change: 'added',
			subject: arn,
			detail: `${rb.get(arn)!.kind} added`
		});
	// A resource that stays and gains, loses or changes its policy is "modified".
	for (const arn of resources.kept)
		documentChange(
			'resource',
			arn,
			undefined,
			`resource policy of ${arn}`,
			ra.get(arn)?.policy ?? null,
			rb.get(arn)?.policy ?? null,
			out,
			true
		);
}

/** Every structural change from `before` to `after`, in a stable order. */
export function structuralDiff(before: Snapshot, after: Snapshot): Change[] {
	const out: Change[] = [];
	const oa = before.organization;
	const ob = after.organization;
	const ua = byKey(oa?.units ?? [], (u) => u.id);
	const ub = byKey(ob?.units ?? [], (u) => u.id);
	const units = keysOf(ua, ub);
	for (const id of units.removed)
		out.push({
			kind: 'ou',
			change: 'removed',
			subject: id,
			detail: `${ua.get(id)!.kind === 'root' ? 'root' : 'OU'} ${ua.get(id)!.name} removed`
		});
	for (const id of units.added)
		out.push({
			kind: 'ou',
			change: 'added',
			subject: id,
			detail: `${ub.get(id)!.kind === 'root' ? 'root' : 'OU'} ${ub.get(id)!.name} added under ${ub.get(id)!.parentId ?? 'nothing'}`
		});
	for (const id of units.kept) {
		const x = ua.get(id)!;
		const y = ub.get(id)!;
		const what: string[] = [];
		if (x.parentId !== y.parentId) what.push(`moved from ${x.parentId} to ${y.parentId}`);
		if (x.name !== y.name) what.push(`renamed from ${x.name} to ${y.name}`);
		if (what.length)
			out.push({ kind: 'ou', change: 'modified', subject: id, detail: what.join('; ') });
	}

	const accA = byKey(before.accounts, (a) => a.id);
	const accB = byKey(after.accounts, (a) => a.id);
	const orgA = byKey(oa?.accounts ?? [], (a) => a.id);
	const orgB = byKey(ob?.accounts ?? [], (a) => a.id);
	const allA = new Map<string, true>([...accA.keys(), ...orgA.keys()].map((k) => [k, true]));
	const allB = new Map<string, true>([...accB.keys(), ...orgB.keys()].map((k) => [k, true]));
	const accounts = keysOf(allA, allB);
	for (const id of accounts.removed)
		out.push({ kind: 'account', change: 'removed', subject: id, detail: 'account removed' });
	for (const id of accounts.added)
		out.push({
			kind: 'account',
			change: 'added',
			subject: id,
			detail: `account added${orgB.get(id)?.parentId ? ` in ${orgB.get(id)!.parentId}` : ''}`
		});
	for (const id of accounts.kept) {
		const x = orgA.get(id);
		const y = orgB.get(id);
		const what: string[] = [];
		if (x && y) {
			if (x.parentId !== y.parentId) what.push(`moved from ${x.parentId} to ${y.parentId}`);
			if (x.name !== y.name) what.push(`renamed from ${x.name} to ${y.name}`);
			if (x.email !== y.email) what.push(`e-mail changed from ${x.email} to ${y.email}`);
			if (x.state !== y.state) what.push(`state ${x.state} → ${y.state}`);
		}
		if (what.length)
			out.push({ kind: 'account', change: 'modified', subject: id, detail: what.join('; ') });
	}
	for (const id of [...new Set([...accA.keys(), ...accB.keys()])].sort())
		accountChanges(accA.get(id), accB.get(id), out);

	const pa = byKey(oa?.policies ?? [], (p) => p.id);
	const pb = byKey(ob?.policies ?? [], (p) => p.id);
	const policies = keysOf(pa, pb);
	const kindOf = (id: string) => ((pa.get(id) ?? pb.get(id))!.type === 'SCP' ? 'scp' : 'rcp');
	for (const id of policies.removed)
		out.push({
			kind: kindOf(id),
			change: 'removed',
			subject: id,
			detail: `${pa.get(id)!.type} ${pa.get(id)!.name} removed`
		});
	for (const id of policies.added)
		out.push({
			kind: kindOf(id),
			change: 'added',
			subject: id,
			detail: `${pb.get(id)!.type} ${pb.get(id)!.name} added`
		});
	for (const id of [...policies.removed, ...policies.added, ...policies.kept]) {
		const x = pa.get(id);
		const y = pb.get(id);
		const t = setDiff(x?.targets ?? [], y?.targets ?? []);
		const type = (x ?? y)!.type;
		for (const target of t.removed)
			out.push({
				kind: 'targets',
				change: 'removed',
				subject: id,
				object: target,
				detail: `${type} ${id} detached from ${target}`
			});
		for (const target of t.added)
			out.push({
				kind: 'targets',
				change: 'added',
				subject: id,
				object: target,
				detail: `${type} ${id} attached to ${target}`
			});
		if (x && y)
			documentChange(
				'document',
				id,
				undefined,
				`${type} ${id} (${y.name})`,
				x.document,
				y.document,
				out
			);
	}
	return out;
}
