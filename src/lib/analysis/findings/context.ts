/**
 * The context every rule gets: one evaluator and index for the snapshot, the capture time ages
 * are measured against (the account's credential report GeneratedTime, else the snapshot's
 * capture time, else its import time — so a report on the same snapshot is stable), and the set
 * of accounts that count as "inside".
 */
import { createEvaluator, type Evaluator } from '../../engine/evaluate';
import type { Account, Snapshot } from '../../model/snapshot';
import { indexSnapshot } from '../../model/snapshot-index';
import type { FindingsContext } from './types';

/** Milliseconds in a day. */
export const DAY = 86_400_000;

/** Build the context of one findings run. */
export function findingsContext(snapshot: Snapshot, evaluator?: Evaluator): FindingsContext {
	const index = indexSnapshot(snapshot);
	const fallback = Date.parse(snapshot.meta.capturedAt ?? snapshot.meta.importedAt);
	const inside = new Set(
		snapshot.organization
			? snapshot.organization.accounts.map((a) => a.id)
			: snapshot.accounts.map((a) => a.id)
	);
	if (snapshot.organization?.managementAccountId)
		inside.add(snapshot.organization.managementAccountId);
	return {
		snapshot,
		index,
		evaluator: evaluator ?? createEvaluator(snapshot),
		now(account: Account | null): number {
			const generated = account?.evidence.credentialReport?.generatedTime;
			const t = generated ? Date.parse(generated) : fallback;
			return Number.isNaN(t) ? fallback : t;
		},
		inside
	};
}

/** Whole days from `date` (ISO, or a credential-report marker) to `now`; null when it is not a date. */
export function daysSince(date: string | null | undefined, now: number): number | null {
	if (!date) return null;
	const t = Date.parse(date);
	return Number.isNaN(t) ? null : Math.floor((now - t) / DAY);
}
