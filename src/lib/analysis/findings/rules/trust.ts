/**
 * Rules over role trust policies: open to anyone (asked of the evaluator, see grants.ts), trusting
 * an account outside the organization (outside the snapshot's accounts when there is none), and
 * such a third-party trust without an `sts:ExternalId` condition (confused deputy; IAM user guide,
 * "The confused deputy problem").
 */
import type { Finding, FindingRule, FindingsContext } from '../types';
import { hasExternalId, outsideGrants, publicGrants } from './grants';

const rolesWithTrust = (ctx: FindingsContext) =>
	ctx.snapshot.accounts.flatMap((a) => a.roles.filter((r) => r.trustPolicy).map((r) => ({ a, r })));

/** role-trusts-everyone: anyone can assume the role (Principal `*` not narrowed by a condition). */
export const roleTrustsEveryone: FindingRule = {
	id: 'role-trusts-everyone',
	run: (ctx) =>
		rolesWithTrust(ctx).flatMap(({ a, r }): Finding[] => {
			const grants = publicGrants(ctx, r.trustPolicy!, r.arn, 'sts');
			if (grants.length === 0) return [];
			return [
				{
					rule: 'role-trusts-everyone',
					severity: 'critical',
					subject: r.arn,
					title: `Anyone can assume ${r.name}: its trust policy allows "*" with no condition narrowing it`,
					evidence: {
						statements: grants.map((g) => g.statement),
						tried: grants.map((g) => g.action)
					},
					graphTarget: r.arn,
					account: a.id
				}
			];
		})
};

/** role-trusts-outside: the trust policy names an account outside the organization. */
export const roleTrustsOutside: FindingRule = {
	id: 'role-trusts-outside',
	run: (ctx) =>
		rolesWithTrust(ctx).flatMap(({ a, r }): Finding[] => {
			const grants = outsideGrants(ctx, r.trustPolicy!);
			if (grants.length === 0) return [];
			const accounts = [...new Set(grants.flatMap((g) => g.accounts))].sort();
			return [
				{
					rule: 'role-trusts-outside',
					severity: 'medium',
					subject: r.arn,
					title: `${r.name} can be assumed from outside the organization (account ${accounts.join(', ')})`,
					evidence: { accounts, statements: grants.map((g) => g.statement) },
					graphTarget: r.arn,
					account: a.id
				}
			];
		})
};

/** third-party-without-external-id: an outside trust with no `sts:ExternalId` condition. */
export const thirdPartyWithoutExternalId: FindingRule = {
	id: 'third-party-without-external-id',
	run: (ctx) =>
		rolesWithTrust(ctx).flatMap(({ a, r }): Finding[] => {
			const grants = outsideGrants(ctx, r.trustPolicy!).filter((g) => !hasExternalId(g.statement));
			if (grants.length === 0) return [];
			const accounts = [...new Set(grants.flatMap((g) => g.accounts))].sort();
			return [
				{
					rule: 'third-party-without-external-id',
					severity: 'high',
					subject: r.arn,
					title: `${r.name} trusts account ${accounts.join(', ')} without an sts:ExternalId condition`,
					evidence: { accounts, statements: grants.map((g) => g.statement) },
					graphTarget: r.arn,
					account: a.id
				}
			];
		})
};

/** Every trust rule. */
export const TRUST_RULES: FindingRule[] = [
	roleTrustsEveryone,
	roleTrustsOutside,
	thirdPartyWithoutExternalId
];
