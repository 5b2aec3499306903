import { describe, expect, it } from 'vitest';
import { loadNodeCatalog } from '../../engine/catalog/node-catalog';
import { worldToSnapshot } from '../../engine/testing/world';
import { createWhatCan } from './what-can';

// https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html (access levels)
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html (denies, SCPs)
const A = '111111111111';
const alice = `arn:aws:iam::${A}:user/alice`;
const snapshot = worldToSnapshot({
	org: {
		management: '999999999999',
		accounts: { [A]: 'ou-a' },
		ous: [{ id: 'ou-a', parent: 'r-root' }],
		scps: [
			{
				id: 'p-nodelete',
				targets: ['ou-a'],
				document: {
					Version: '2012-10-17',
					Statement: [{ Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }]
				}
			}
		]
	},
	accounts: {
		[A]: {
			users: [
				{
					name: 'alice',
					policies: [
						{
							Version: '2012-10-17',
							Statement: [
								{
									Effect: 'Allow',
									Action: ['s3:Get*', 's3:List*'],
									Resource: 'arn:aws:s3:::data/*'
								},
								{ Effect: 'Allow', Action: 's3:DeleteBucket', Resource: '*' },
								{
									Effect: 'Allow',
									Action: 'kms:Decrypt',
									Resource: '*',
									Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } }
								},
								{ Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/secret/*' }
							]
						}
					]
				}
			],
			resources: [{ arn: 'arn:aws:s3:::data', kind: 's3-bucket' }]
		}
	}
});

describe('what-can', () => {
	it('counts access levels per service, shows resources and conditions, and what denies and SCPs take away', async () => {
		const wc = createWhatCan(snapshot, await loadNodeCatalog(), { now: '2026-06-01T00:00:00Z' });
		const r = wc.forPrincipal(alice);
		const s3 = r.services.find((s) => s.service === 's3')!;
		expect(s3.levels.Read).toBeGreaterThan(5);
		const get = s3.actions.find((a) => a.action === 's3:GetObject')!;
		expect(get.allowed).toBe(true);
		expect(get.resources.find((x) => x.resource === 'arn:aws:s3:::data/*')?.allowed).toBe(true);
		const del = s3.actions.find((a) => a.action === 's3:DeleteBucket')!;
		expect(del.allowed).toBe(false);
		expect(del.resources[0].takenBy.map((t) => [t.policyType, t.policy])).toContainEqual([
			'scp',
			'p-nodelete'
		]);
		expect(s3.takenAway).toBeGreaterThanOrEqual(1);
		const kms = r.services.find((s) => s.service === 'kms')!;
		const decrypt = kms.actions.find((a) => a.action === 'kms:Decrypt')!;
		expect(decrypt.allowed, 'the caller sends the region the condition names').toBe(true);
		expect(decrypt.conditions).toEqual([{ StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } }]);
		expect(r.services.find((s) => s.service === 'iam')).toBeUndefined();
		const root = wc.forPrincipal(`arn:aws:iam::${A}:root`, { service: 's3' });
		expect(root.services[0].actions.find((a) => a.action === 's3:DeleteBucket')?.allowed).toBe(
			false
		);
		expect(root.services[0].levels.Write).toBeGreaterThan(10);
	});
});
