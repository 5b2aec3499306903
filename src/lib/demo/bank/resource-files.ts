/**
 * Turns short resource specs into the per-account collection files the AWS CLI would print:
 * s3api list-buckets / get-bucket-policy, kms list-keys / get-key-policy, sqs get-queue-attributes,
 * sns get-topic-attributes, lambda get-policy, secretsmanager get-resource-policy and
 * ecr get-repository-policy — each policy as a JSON string, file names URL-encoded where the
 * collection layout says so.
 */
import type { PolicyDocument } from '../../model/policy-document';
import { cliDate, uuid } from './stable-values';

/** A resource of one account; `policy` absent means the resource has none. */
export type ResourceSpec =
	| { kind: 'bucket'; name: string; region: string; policy?: PolicyDocument }
	| { kind: 'key'; id: string; region: string; policy: PolicyDocument }
	| { kind: 'queue'; name: string; region: string; policy?: PolicyDocument }
	| { kind: 'topic'; name: string; region: string; policy: PolicyDocument }
	| { kind: 'function'; name: string; region: string; policy: PolicyDocument }
	| { kind: 'secret'; name: string; suffix: string; region: string; policy?: PolicyDocument }
	| { kind: 'repository'; name: string; region: string; policy: PolicyDocument };

type Files = Record<string, unknown>;

/** The ARN of a secret as Secrets Manager writes it (name plus a 6-character suffix). */
export const secretArn = (account: string, region: string, name: string, suffix: string): string =>
	`arn:aws:secretsmanager:${region}:${account}:secret:${name}-${suffix}`;

const compact = (doc: PolicyDocument) => JSON.stringify(doc);
const pretty = (doc: PolicyDocument) => JSON.stringify(doc, null, 2);

/** The collection files (path relative to the collection root → CLI JSON) for one account's resources. */
export function resourceFiles(account: string, resources: ResourceSpec[]): Files {
	const files: Files = {};
	const at = (region: string, rest: string) => `${account}/${region}/${rest}`;
	const buckets = resources.filter((r) => r.kind === 'bucket');
	if (buckets.length) {
		files[`${account}/s3api-list-buckets.json`] = {
			Buckets: buckets.map((b) => ({
				Name: b.name,
				CreationDate: cliDate(`bucket/${b.name}`),
				BucketRegion: b.region
			})),
			Owner: { ID: uuid(`owner/${account}`).replace(/-/g, '').repeat(2) }
		};
	}
	const keysByRegion = new Map<string, string[]>();
	for (const r of resources) {
		switch (r.kind) {
			case 'bucket':
				if (r.policy)
					files[`${account}/s3api-get-bucket-policy/${r.name}.json`] = {
						Policy: compact(r.policy)
					};
				break;
			case 'key':
				keysByRegion.set(r.region, [...(keysByRegion.get(r.region) ?? []), r.id]);
				files[at(r.region, `kms-get-key-policy/${r.id}.json`)] = {
					Policy: pretty(r.policy),
					PolicyName: 'default'
				};
				break;
			case 'queue': {
				const url = `https://sqs.${r.region}.amazonaws.com/${account}/${r.name}`;
				const arn = `arn:aws:sqs:${r.region}:${account}:${r.name}`;
				files[at(r.region, `sqs-get-queue-attributes/${encodeURIComponent(url)}.json`)] = {
					Attributes: { QueueArn: arn, ...(r.policy ? { Policy: compact(r.policy) } : {}) }
				};
				break;
			}
			case 'topic': {
				const arn = `arn:aws:sns:${r.region}:${account}:${r.name}`;
				files[at(r.region, `sns-get-topic-attributes/${encodeURIComponent(arn)}.json`)] = {
					Attributes: {
						Policy: compact(r.policy),
						Owner: account,
						SubscriptionsPending: '0',
						TopicArn: arn,
						EffectiveDeliveryPolicy:
							'{"http":{"defaultHealthyRetryPolicy":{"minDelayTarget":20,"maxDelayTarget":20,"numRetries":3,"numMaxDelayRetries":0,"numNoDelayRetries":0,"numMinDelayRetries":0,"backoffFunction":"linear"},"disableSubscriptionOverrides":false,"defaultRequestPolicy":{"headerContentType":"text/plain; charset=UTF-8"}}}',
						SubscriptionsConfirmed: '2',
						DisplayName: '',
						SubscriptionsDeleted: '0'
					}
				};
				break;
			}
			case 'function':
				files[at(r.region, `lambda-get-policy/${r.name}.json`)] = {
					Policy: compact(r.policy),
					RevisionId: uuid(`lambda/${r.name}`)
				};
				break;
			case 'secret': {
				const arn = secretArn(account, r.region, r.name, r.suffix);
				files[at(r.region, `secretsmanager-get-resource-policy/${encodeURIComponent(arn)}.json`)] =
					{
						ARN: arn,
						Name: r.name,
						...(r.policy ? { ResourcePolicy: pretty(r.policy) } : {})
					};
				break;
			}
			case 'repository':
				files[at(r.region, `ecr-get-repository-policy/${r.name}.json`)] = {
					registryId: account,
					repositoryName: r.name,
					policyText: pretty(r.policy)
				};
				break;
		}
	}
	for (const [region, ids] of keysByRegion) {
		files[at(region, 'kms-list-keys.json')] = {
			Keys: ids.map((id) => ({ KeyId: id, KeyArn: `arn:aws:kms:${region}:${account}:key/${id}` }))
		};
	}
	return files;
}
