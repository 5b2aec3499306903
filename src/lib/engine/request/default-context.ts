/**
 * The request context a trace starts from, so a question gets the right answer without anyone
 * typing context: what a real request would carry and the snapshot lets us know. The user's own
 * keys override these (explorer state keeps them apart, so a link carries only what the user set).
 *   aws:RequestedRegion  the resource ARN's region, else the bucket's region from the snapshot,
 *                        else the resource account's most used region (roles' last-used regions,
 *                        resources' regions), else the principal account's, else the snapshot's
 *   aws:SecureTransport  true (every console, CLI and SDK call uses TLS)
 *   aws:CurrentTime      now
 *   aws:MultiFactorAuthPresent  false: shown explicitly so it is one click to flip
 * aws:SourceIp is left out (there is no sensible guess); the editor shows it empty.
 */
import type { SnapshotIndex } from '../../model/snapshot-index';
import type { ContextValue } from '../types';

/** Where a default came from, in words (the chip's tooltip). */
export interface DefaultContext {
	values: Record<string, ContextValue>;
	why: Record<string, string>;
}

/** The region an ARN names (4th field), or null. */
export const arnRegion = (arn: string): string | null =>
	(arn.startsWith('arn:') && arn.split(':')[3]) || null;

/** The account an ARN names (5th field), or null. */
export const arnAccount = (arn: string): string | null => {
	const a = arn.startsWith('arn:') ? arn.split(':')[4] : '';
	return /^\d{12}$/.test(a ?? '') ? a : null;
};

/** The bucket ARN of an S3 bucket or object ARN, or null. */
export function bucketArnOf(arn: string): string | null {
	const m = /^arn:[^:]+:s3:::([^/]+)/.exec(arn);
	return m ? `arn:aws:s3:::${m[1]}` : null;
}

function mostUsed(regions: Iterable<string | null | undefined>): string | null {
	const count = new Map<string, number>();
	for (const r of regions) if (r) count.set(r, (count.get(r) ?? 0) + 1);
	let best: string | null = null;
	for (const [r, n] of count)
		if (!best || n > count.get(best)! || (n === count.get(best)! && r < best)) best = r;
	return best;
}

/** The regions an account has been seen in: its roles' last-used regions and its resources' regions. */
function accountRegions(index: SnapshotIndex, accountId: string | null): string[] {
	const a = accountId ? index.accounts.get(accountId) : undefined;
	if (!a) return [];
	return [
		...a.roles.map((r) => r.lastUsed?.region ?? ''),
		...a.resources.map((r) => r.region ?? '')
	];
}

/** The region a request on `resource` by `principal` most plausibly goes to, with the reason. */
export function defaultRegion(
	index: SnapshotIndex,
	principal: string | null,
	resource: string | null
): { region: string; why: string } {
	const fromArn = resource ? arnRegion(resource) : null;
	if (fromArn && fromArn !== '*') return { region: fromArn, why: "the resource ARN's region" };
	const bucket = resource ? bucketArnOf(resource) : null;
	const bucketRegion = bucket ? index.resources.get(bucket)?.region : null;
	if (bucketRegion) return { region: bucketRegion, why: "the bucket's region in the snapshot" };
	const resourceAccount =
		(resource && arnAccount(resource)) ||
		(bucket ? (index.bucketAccounts.get(bucket.slice('arn:aws:s3:::'.length)) ?? null) : null);
	const ofResource = mostUsed(accountRegions(index, resourceAccount));
	if (ofResource) return { region: ofResource, why: "the resource account's most used region" };
	const ofPrincipal = mostUsed(accountRegions(index, principal ? arnAccount(principal) : null));
	if (ofPrincipal) return { region: ofPrincipal, why: "the principal account's most used region" };
	const anywhere = mostUsed(index.snapshot.accounts.flatMap((a) => accountRegions(index, a.id)));
	if (anywhere) return { region: anywhere, why: "the snapshot's most used region" };
	return { region: 'us-east-1', why: 'the default region of global services' };
}

/** The default request context for a question (`now` as an ISO time, for tests). */
export function defaultContext(
	index: SnapshotIndex,
	principal: string | null,
	resource: string | null,
	now: Date = new Date()
): DefaultContext {
	const { region, why } = defaultRegion(index, principal, resource);
	return {
		values: {
			'aws:RequestedRegion': region,
			'aws:SecureTransport': true,
			'aws:CurrentTime': now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
			'aws:MultiFactorAuthPresent': false
		},
		why: {
			'aws:RequestedRegion': why,
			'aws:SecureTransport': 'requests use TLS',
			'aws:CurrentTime': 'now',
			'aws:MultiFactorAuthPresent': 'off unless you say the caller signed in with MFA'
		}
	};
}

/** The context a request is evaluated with: the defaults, overridden by the keys the user set (case-insensitive); a user value of null removes a default. */
export function effectiveContext(
	defaults: Record<string, ContextValue>,
	user: Record<string, ContextValue | null>
): Record<string, ContextValue> {
	const userKeys = new Set(Object.keys(user).map((k) => k.toLowerCase()));
	const out: Record<string, ContextValue> = {};
	for (const [k, v] of Object.entries(defaults)) if (!userKeys.has(k.toLowerCase())) out[k] = v;
	for (const [k, v] of Object.entries(user)) if (v !== null) out[k] = v;
	return out;
}
