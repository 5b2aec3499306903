/**
 * The policies that apply to a principal or an account, compiled with their origin: identity
 * policies (user inline + managed + its groups', or the role's), the permissions boundary, and the
 * SCP/RCP chain of an account (root → OUs → account). The evaluator caches each per key.
 */
import { inlinePolicyId } from '../../model/ids';
import type { ManagedPolicy, PolicyVersion } from '../../model/snapshot';
import { orgPathOf, policyIn, type SnapshotIndex } from '../../model/snapshot-index';
import { compilePolicy } from '../policy/compile';
import type { CompiledPolicy } from '../policy/compiled';
import { boundaryOf, type ResolvedPrincipal } from '../request/principal';

/** The default version's document of a managed policy. */
export function defaultVersion(p: ManagedPolicy): PolicyVersion | undefined {
	return (
		p.versions.find((v) => v.isDefault) ??
		p.versions.find((v) => v.versionId === p.defaultVersionId) ??
		p.versions[0]
	);
}

/** A principal's identity policies, plus warnings about references the snapshot cannot resolve. */
export function identityPolicies(
	index: SnapshotIndex,
	p: ResolvedPrincipal,
	warnings: string[]
): CompiledPolicy[] {
	const entity = p.user ?? p.role;
	if (!entity || !p.account) return [];
	const account = p.account;
	const out: CompiledPolicy[] = [];
	const add = (
		owner: {
			arn: string;
			inlinePolicies: { name: string; document: unknown }[];
			attachedPolicies: string[];
		},
		via?: string
	) => {
		for (const ip of owner.inlinePolicies) {
			const origin = {
				id: inlinePolicyId(owner.arn, ip.name),
				label: ip.name,
				name: ip.name,
				type: 'identity' as const,
				attachedTo: owner.arn,
				via
			};
			out.push(compilePolicy(ip.document as never, origin, index));
		}
		for (const arn of owner.attachedPolicies) {
			const mp = policyIn(index, account, arn);
			if (!mp) {
				warnings.push(
					`managed policy ${arn} attached to ${owner.arn} is not in the snapshot; it was ignored`
				);
				continue;
			}
			const origin = {
				id: arn,
				label: arn,
				name: mp.name,
				type: 'identity' as const,
				attachedTo: owner.arn,
				via
			};
			out.push(compilePolicy(defaultVersion(mp)?.document, origin, index));
		}
	};
	add(entity);
	if (p.user) {
		for (const name of p.user.groups) {
			const group = index.groupsByName.get(`${account}/${name}`);
			if (group) add(group, group.arn);
			else
				warnings.push(
					`group ${name} of ${p.user.arn} is not in the snapshot; its policies were ignored`
				);
		}
	}
	return out;
}

/** A principal's permissions boundary: null without one; a policy with no statements (denying all) when it dangles. */
export function boundaryPolicy(
	index: SnapshotIndex,
	p: ResolvedPrincipal,
	warnings: string[]
): CompiledPolicy | null {
	const arn = boundaryOf(p);
	const owner = p.user?.arn ?? p.role?.arn;
	if (!arn || !owner || !p.account) return null;
	const mp = policyIn(index, p.account, arn);
	if (!mp)
		warnings.push(
			`permissions boundary ${arn} of ${owner} is not in the snapshot; it allows nothing`
		);
	return compilePolicy(
		mp ? defaultVersion(mp)?.document : null,
		{
			id: arn,
			label: arn,
			name: mp?.name ?? arn,
			type: 'boundary',
			attachedTo: owner
		},
		index
	);
}

/** One level of an org chain. */
export interface ChainLevel {
	nodeId: string;
	/** e.g. "OU Workloads (ou-a)". */
	display: string;
	policies: CompiledPolicy[];
}

/** Display name of an org node: root, OU or account. */
export function nodeDisplay(index: SnapshotIndex, nodeId: string): string {
	const unit = index.orgUnits.get(nodeId);
	if (unit) return unit.kind === 'root' ? `the root (${nodeId})` : `OU ${unit.name} (${nodeId})`;
	const name = index.orgAccounts.get(nodeId)?.name ?? index.accounts.get(nodeId)?.name;
	return name && name !== nodeId ? `account ${name} (${nodeId})` : `account ${nodeId}`;
}

/** The SCP or RCP chain of an account, root first; empty when the account is outside the organization. */
export function orgChain(index: SnapshotIndex, account: string, type: 'SCP' | 'RCP'): ChainLevel[] {
	return orgPathOf(index, account).map((nodeId) => ({
		nodeId,
		display: nodeDisplay(index, nodeId),
		policies: (index.orgPoliciesByTarget.get(nodeId) ?? [])
			.filter((op) => op.type === type)
			.map((op) =>
				compilePolicy(
					op.document,
					{
						id: op.id,
						label: op.id,
						name: op.name,
						type: type === 'SCP' ? 'scp' : 'rcp',
						attachedTo: nodeId
					},
					index
				)
			)
	}));
}
