/**
 * IndexedDB/Dexie failures → AtlasErrors (`store.*`). A full storage quota is recognised however
 * it arrives: a DOMException, Dexie's QuotaExceededError, or either wrapped inside an AbortError
 * or a bulk/modify error, plus Firefox's older NS_ERROR_DOM_QUOTA_REACHED.
 */
import type { AtlasError } from '../model/result';

type ErrorLike = {
	name?: unknown;
	message?: unknown;
	inner?: unknown;
	cause?: unknown;
	failures?: unknown;
};

/** True when `e`, or an error it wraps, says the storage quota is exhausted. */
export function isQuotaError(e: unknown, depth = 0): boolean {
	if (!e || typeof e !== 'object' || depth > 5) return false;
	const x = e as ErrorLike;
	if (x.name === 'QuotaExceededError' || /QUOTA_REACHED|quota/i.test(String(x.message ?? '')))
		return true;
	const nested = [x.inner, x.cause, ...(Array.isArray(x.failures) ? x.failures : [])];
	return nested.some((n) => isQuotaError(n, depth + 1));
}

/** The AtlasError for a failed store operation; `doing` names it, e.g. "save the snapshot". */
export function storeError(e: unknown, doing: string): AtlasError {
	if (isQuotaError(e))
		return {
			code: 'store.quota-exceeded',
			message: `The browser's storage for this site is full, so IAM Atlas could not ${doing}. Nothing was changed. Delete snapshots you no longer need (or free disk space) and try again.`
		};
	const reason = e instanceof Error ? e.message : String(e);
	return {
		code: 'store.failed',
		message: `IAM Atlas could not ${doing}; nothing was changed. The browser said: ${reason}`
	};
}

/** The AtlasError for an id that is not in the store. */
export const notFound = (id: string): AtlasError => ({
	code: 'store.not-found',
	message: `There is no stored snapshot with id ${id}; it may have been deleted.`
});

/** The AtlasError for a body of another format version read by a store with no migrator. */
export const oldFormat = (name: string, version: unknown): AtlasError => ({
	code: 'store.old-format',
	message: `The stored snapshot "${name}" is in snapshot format ${String(version)}, and this part of IAM Atlas cannot migrate it. Open it in the app to bring it up to date.`
});
