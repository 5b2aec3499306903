/**
 * Rules over resource-based policies (S3, KMS, SQS, SNS, Lambda, Secrets Manager, ECR): granted to
 * anyone (asked of the evaluator, see grants.ts) or to an account outside the organization.
 */
import type { ResourceKind } from '../../../model/snapshot';
import type { Finding, FindingRule } from '../types';
import { outsideGrants, publicGrants } from './grants';

/** The service prefix of each resource kind (for `*` actions). */
const SERVICE: Record<ResourceKind, string> = {
	's3-bucket': 's3',
	'kms-key': 'kms',
	'sqs-queue': 'sqs',
	'sns-topic': 'sns',
	'lambda-function': 'lambda',
	secret: 'secretsmanager',
	'ecr-repository': 'ecr'
};

/** resource-public: a resource policy that lets anyone in (no condition narrowing it). */
export const resourcePublic: FindingRule = {
	id: 'resource-public',
	run: (ctx) =>
		ctx.snapshot.accounts.flatMap((a) =>
			a.resources.flatMap((r): Finding[] => {
				if (!r.policy) return [];
				const grants = publicGrants(ctx, r.policy, r.arn, SERVICE[r.kind], r.accountId);
				if (grants.length === 0) return [];
				return [
					{
						rule: 'resource-public',
						severity: 'critical',
						subject: r.arn,
						title: `${r.name} (${r.kind}) is open to anyone: ${[...new Set(grants.map((g) => g.action))].join(', ')}`,
						evidence: {
							statements: grants.map((g) => g.statement),
							tried: grants.map((g) => ({ action: g.action, resource: g.resource }))
						},
						graphTarget: r.arn,
						account: a.id
					}
				];
			})
		)
};

/** resource-external: a resource policy granting to an account outside the organization. */
export const resourceExternal: FindingRule = {
	id: 'resource-external',
	run: (ctx) =>
		ctx.snapshot.accounts.flatMap((a) =>
			a.resources.flatMap((r): Finding[] => {
				if (!r.policy) return [];
				const grants = outsideGrants(ctx, r.policy);
				if (grants.length === 0) return [];
				const accounts = [...new Set(grants.flatMap((g) => g.accounts))].sort();
				return [
					{
						rule: 'resource-external',
						severity: 'medium',
						subject: r.arn,
						title: `${r.name} (${r.kind}) grants access to account ${accounts.join(', ')}, outside the organization`,
						evidence: { accounts, statements: grants.map((g) => g.statement) },
						graphTarget: r.arn,
						account: a.id
					}
				];
			})
		)
};

/** Every resource rule. */
export const RESOURCE_RULES: FindingRule[] = [resourcePublic, resourceExternal];
