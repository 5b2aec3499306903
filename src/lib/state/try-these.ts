/**
 * The demo's "Try these" list: each designed path (designed-paths.json) as the link view that opens
 * it (graph/view-link.ts), carrying only the context keys the path needs beyond the defaults — so
 * most links have none, and "break glass with MFA" carries ctx.aws:MultiFactorAuthPresent=true.
 */
import type { DefaultContext } from '../engine/request/default-context';
import type { ContextValue, Decision } from '../engine/types';
import { emptyViewState, type ExplorerViewState } from '../graph/view-hash';
import { ORG_ID } from '../demo/bank/constants';
import type { DesignedPath } from '../demo/designed-paths';

/** One entry of the list. */
export interface TryThis {
	id: string;
	title: string;
	expected: Decision;
	view: ExplorerViewState;
}

/** True when the snapshot's organization is the demo bank's. */
export const isDemoOrganization = (orgId: string | null | undefined) => orgId === ORG_ID;

const same = (a: ContextValue | undefined, b: ContextValue | undefined) =>
	JSON.stringify(a === undefined ? null : String(a)) ===
	JSON.stringify(b === undefined ? null : String(b));

/** The designed paths as link views on the snapshot with this fingerprint. */
export function tryThese(
	paths: DesignedPath[],
	fingerprint: string,
	defaultsFor: (principal: string, resource: string) => DefaultContext
): TryThis[] {
	return paths.map((p) => {
		const { principal, resource, action } = p.request;
		const defaults = defaultsFor(principal, resource).values;
		const context = Object.fromEntries(
			Object.entries(p.request.context ?? {}).filter(([k, v]) => !same(v, defaults[k]))
		);
		return {
			id: p.id,
			title: p.title,
			expected: p.expected,
			view: { ...emptyViewState(fingerprint), principal, resource, action, context }
		};
	});
}
