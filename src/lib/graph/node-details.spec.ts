import { describe, expect, it } from 'vitest';
import { indexSnapshot } from '../model/snapshot-index';
import { trustPolicyId } from '../model/ids';
import { GraphSource } from './graph-source';
import { nodeDetails } from './node-details';
import { ARN, BANK, smallBank } from './testing/small-bank';

const s = new GraphSource(indexSnapshot(smallBank()));

describe('nodeDetails', () => {
	it('shows a role’s ARN, last used, trust policy and an account’s SCPs', () => {
		const role = nodeDetails(s, s.nodeFor(ARN.auditor)!);
		expect(role.facts).toContainEqual(['ARN', ARN.auditor]);
		expect(role.facts).toContainEqual(['Last used', 'never (or unknown)']);
		expect(role.documents.map((d) => d.id)).toEqual([trustPolicyId(ARN.auditor)]);
		const acct = nodeDetails(s, s.nodeFor(BANK.prod)!);
		expect(acct.links).toContainEqual({
			label: 'FullAWSAccess',
			id: `p-FullAWSAccess@${BANK.prod}`,
			relation: 'SCP'
		});
	});
	it('links a user to its groups and boundary', () => {
		const alice = nodeDetails(s, s.nodeFor(ARN.alice)!);
		expect(alice.links.map((l) => l.relation)).toEqual(['boundary', 'member of']);
	});
});
