/**
 * scp-no-guardrails: in an organization that uses SCPs (any SCP besides FullAWSAccess), a member
 * account whose SCP chain — root, every OU on its path, the account — holds no Deny statement
 * (Organizations user guide, "SCP evaluation"; AWS Security Reference Architecture guardrails).
 * The management account is left out: SCPs never restrict it.
 */
import { orgChain } from '../../../engine/flow/policy-sets';
import type { Finding, FindingRule } from '../types';

const FULL_ACCESS = /^p-FullAWSAccess$/;

/** The rule. */
export const scpNoGuardrails: FindingRule = {
	id: 'scp-no-guardrails',
	run: (ctx) => {
		const org = ctx.snapshot.organization;
		if (!org) return [];
		const usesScps = org.policies.some(
			(p) => p.type === 'SCP' && !FULL_ACCESS.test(p.id) && p.targets.length > 0
		);
		if (!usesScps) return [];
		return org.accounts.flatMap((acc): Finding[] => {
			if (acc.id === org.managementAccountId) return [];
			const chain = orgChain(ctx.index, acc.id, 'SCP');
			const denies = chain.some((level) =>
				level.policies.some((p) => p.statements.some((s) => s.effect === 'Deny'))
			);
			if (denies) return [];
			return [
				{
					rule: 'scp-no-guardrails',
					severity: 'medium',
					subject: acc.id,
					title: `Account ${acc.name} (${acc.id}) has no SCP guardrail: nothing on its path denies anything`,
					evidence: {
						chain: chain.map((l) => ({ node: l.nodeId, policies: l.policies.map((p) => p.id) }))
					},
					graphTarget: acc.id,
					account: acc.id
				}
			];
		});
	}
};
