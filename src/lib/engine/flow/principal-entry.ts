/**
 * Everything about a principal that does not depend on the request, computed once per evaluator:
 * the resolved principal, its context keys, identity policies, boundary and SCP chain (or why
 * SCPs do not apply).
 */
import type { SnapshotIndex } from '../../model/snapshot-index';
import type { CompiledPolicy } from '../policy/compiled';
import { principalContext, type ContextMap } from '../request/context';
import { resolvePrincipal, type ResolvedPrincipal } from '../request/principal';
import { layerCandidates, skippedLayer, type JudgedLayer, type LayerCandidate } from './layers';
import { boundaryPolicy, identityPolicies, orgChain, type ChainLevel } from './policy-sets';

/** A principal with its request-independent facts. */
export interface PrincipalEntry {
	p: ResolvedPrincipal;
	/** The principal's context keys (computed on first read). */
	readonly context: ContextMap;
	identity: CompiledPolicy[];
	boundary: CompiledPolicy | null;
	/** [boundary], or empty. */
	boundaries: CompiledPolicy[];
	/** The SCP chain, or why SCPs do not apply. */
	scp: { chain: ChainLevel[] } | { layer: JudgedLayer };
	warnings: string[];
	/** The identity policies' candidate statements for an action, once the action was asked before (null on a first request: judge policy by policy). */
	identityCandidates(actionLower: string): LayerCandidate[] | null;
}

/** Build a principal's entry. */
export function principalEntry(
	index: SnapshotIndex,
	input: string,
	chains: (account: string, type: 'SCP' | 'RCP') => ChainLevel[]
): PrincipalEntry {
	const p = resolvePrincipal(index, input);
	const warnings: string[] = [];
	const iam = p.kind !== 'service' && p.kind !== 'anonymous' && p.kind !== 'federatedProvider';
	if (iam && !p.known && p.kind !== 'root')
		warnings.push(`${input} is not in the snapshot: its identity policies are unknown`);
	const identity = identityPolicies(index, p, warnings);
	const boundary = boundaryPolicy(index, p, warnings);
	const org = index.snapshot.organization;
	let scp: PrincipalEntry['scp'];
	if (!iam)
		scp = {
			layer: skippedLayer(
				'scp',
				'notApplicable',
				'SCPs apply only to IAM principals of member accounts'
			)
		};
	else if (!org || !p.account || !index.orgAccounts.has(p.account))
		scp = {
			layer: skippedLayer('scp', 'notApplicable', `account ${p.account} is not in the organization`)
		};
	else if (org.managementAccountId === p.account)
		scp = { layer: skippedLayer('scp', 'exempt', 'management account: SCPs do not apply') };
	else if (p.serviceLinked)
		scp = { layer: skippedLayer('scp', 'exempt', 'service-linked role: SCPs do not apply') };
	else scp = { chain: chains(p.account, 'SCP') };
	return new Entry(index, p, identity, boundary, scp, warnings);
}

// A class, so that the lazy context getter lives on the prototype (cheap to create 20,000 of).
class Entry implements PrincipalEntry {
	#context: ContextMap | null = null;
	readonly boundaries: CompiledPolicy[];
	constructor(
		readonly index: SnapshotIndex,
		readonly p: ResolvedPrincipal,
		readonly identity: CompiledPolicy[],
		readonly boundary: CompiledPolicy | null,
		readonly scp: PrincipalEntry['scp'],
		readonly warnings: string[]
	) {
		this.boundaries = boundary ? [boundary] : [];
	}
	#candidates: Map<string, LayerCandidate[] | null> | null = null;
	identityCandidates(actionLower: string): LayerCandidate[] | null {
		// kept from the second request for an action on: a single request (who-can) needs no list
		const seen = (this.#candidates ??= new Map());
		const list = seen.get(actionLower);
		if (list !== undefined) {
			if (list !== null) return list;
			const built = layerCandidates(this.identity, actionLower);
			seen.set(actionLower, built);
			return built;
		}
		if (seen.size > 1000) seen.clear();
		seen.set(actionLower, null);
		return null;
	}
	/** Built on first use: most evaluations never read a context key. */
	get context(): ContextMap {
		return (this.#context ??= principalContext(this.index, this.p));
	}
}

/** A cache of org chains per account and type. */
export function chainCache(
	index: SnapshotIndex
): (account: string, type: 'SCP' | 'RCP') => ChainLevel[] {
	const scps = new Map<string, ChainLevel[]>();
	const rcps = new Map<string, ChainLevel[]>();
	return (account, type) => {
		const cache = type === 'SCP' ? scps : rcps;
		let chain = cache.get(account);
		if (!chain) {
			chain = orgChain(index, account, type);
			cache.set(account, chain);
		}
		return chain;
	};
}
