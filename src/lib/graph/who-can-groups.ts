/**
 * "Who can do this?" made readable: the evaluator's per-principal decisions sorted (allowed
 * first), counted, and grouped by account for the trace panel and the CLI.
 */
import type { Decision } from '../engine/types';

/** One principal's decision, as the evaluator's whoCan returns it. */
export interface WhoCanRow {
	principal: string;
	decision: Decision;
}

/** A principal as the panel lists it. */
export interface WhoCanPrincipal {
	arn: string;
	/** The last part of the ARN's resource (the user or role name without its path). */
	name: string;
	kind: 'user' | 'role' | 'other';
}

/** The principals of one account with one decision. */
export interface WhoCanAccountGroup {
	accountId: string;
	/** The account's name from the snapshot, when known. */
	accountName: string | null;
	/** Every principal of the group, sorted by name. */
	principals: WhoCanPrincipal[];
}

/** Everything the "who can" section shows. */
export interface WhoCanSummary {
	total: number;
	counts: Record<Decision, number>;
	allowed: WhoCanAccountGroup[];
	/** Principals an explicit Deny statement stops. */
	denied: WhoCanAccountGroup[];
}

/** The order decisions are listed in: allowed first, then explicit, then implicit denies. */
export const DECISION_ORDER: readonly Decision[] = ['allowed', 'explicitDeny', 'implicitDeny'];

/** Rows sorted by decision (allowed first), then by principal ARN; the input is not changed. */
export function sortWhoCan<R extends WhoCanRow>(rows: readonly R[]): R[] {
	const rank = (d: Decision) => DECISION_ORDER.indexOf(d);
	return [...rows].sort(
		(a, b) => rank(a.decision) - rank(b.decision) || compare(a.principal, b.principal)
	);
}

/** The account, name and kind of a user or role ARN (`arn:aws:iam::<account>:role/path/name`). */
export function principalOf(arn: string): WhoCanPrincipal & { accountId: string } {
	const parts = arn.split(':');
	const accountId = parts[4] || '(unknown account)';
	const resource = parts.slice(5).join(':');
	const slash = resource.indexOf('/');
	const type = slash < 0 ? resource : resource.slice(0, slash);
	const kind = type === 'user' ? 'user' : type === 'role' ? 'role' : 'other';
	return { arn, accountId, name: resource.slice(resource.lastIndexOf('/') + 1) || arn, kind };
}

/** Where the snapshot puts a principal and what it calls an account (both optional: the ARN's account id is the fallback). */
export interface WhoCanAccounts {
	accountOf?(principal: string): string | null | undefined;
	accountName?(accountId: string): string | null | undefined;
}

/** Count, sort and group the rows by the account holding each principal. */
export function groupWhoCan(
	rows: readonly WhoCanRow[],
	accounts: WhoCanAccounts = {}
): WhoCanSummary {
	const counts: Record<Decision, number> = { allowed: 0, explicitDeny: 0, implicitDeny: 0 };
	for (const r of rows) counts[r.decision]++;
	const group = (decision: Decision): WhoCanAccountGroup[] => {
		const byAccount = new Map<string, WhoCanPrincipal[]>();
		for (const r of rows) {
			if (r.decision !== decision) continue;
			const { accountId: fromArn, ...p } = principalOf(r.principal);
			const accountId = accounts.accountOf?.(r.principal) ?? fromArn;
			const list = byAccount.get(accountId);
			if (list) list.push(p);
			else byAccount.set(accountId, [p]);
		}
		return [...byAccount]
			.map(([accountId, principals]) => ({
				accountId,
				accountName: accounts.accountName?.(accountId) ?? null,
				principals: principals.sort((a, b) => compare(a.name, b.name) || compare(a.arn, b.arn))
			}))
			.sort(
				(a, b) =>
					compare(a.accountName ?? a.accountId, b.accountName ?? b.accountId) ||
					compare(a.accountId, b.accountId)
			);
	};
	return { total: rows.length, counts, allowed: group('allowed'), denied: group('explicitDeny') };
}

/** The section's one-line summary, e.g. "3 of 6 principals allowed · 1 explicitly denied · 2 without an allow" (thousands separated). */
export function whoCanHeadline(s: WhoCanSummary): string {
	const noun = s.total === 1 ? 'principal' : 'principals';
	const n = (x: number) => x.toLocaleString('en');
	return `${n(s.counts.allowed)} of ${n(s.total)} ${noun} allowed · ${n(s.counts.explicitDeny)} explicitly denied · ${n(s.counts.implicitDeny)} without an allow`;
}

/** An account group's title: "name (id)" or the id alone. */
export function accountTitle(g: WhoCanAccountGroup): string {
	return g.accountName && g.accountName !== g.accountId
		? `${g.accountName} (${g.accountId})`
		: g.accountId;
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
