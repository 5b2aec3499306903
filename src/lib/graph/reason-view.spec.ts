import { describe, expect, it } from 'vitest';
import type { EvalResult } from '../engine/types';
import { indexSnapshot } from '../model/snapshot-index';
import { GraphSource } from './graph-source';
import { decisionWords, groupReasons, reasonViews, type ReasonView } from './reason-view';
import { ARN, smallBank } from './testing/small-bank';

const s = new GraphSource(indexSnapshot(smallBank()));
const base: EvalResult = {
	decision: 'allowed',
	reasons: [],
	layers: [],
	context: {},
	summary: '',
	warnings: []
};

describe('reasonViews', () => {
	it('points an SCP reason at its attachment node and a managed policy at its document', () => {
		const views = reasonViews(s, {
			...base,
			reasons: [
				{
					effect: 'Allow',
					policyType: 'scp',
					policy: 'p-allowlist',
					attachedTo: 'ou-reg',
					statement: '0'
				},
				{
					effect: 'Allow',
					policyType: 'identity',
					policy: ARN.tellerPolicy,
					policyId: ARN.tellerPolicy,
					attachedTo: ARN.tellers,
					statement: '0'
				}
			]
		});
		expect(views[0].node).toBe('p-allowlist@ou-reg');
		expect([views[0].policyName, views[0].attachedName]).toEqual(['ApprovedServices', 'Regulated']);
		expect(views[1].node).toBe(ARN.tellerPolicy);
		expect(views[1].document).not.toBeNull();
		expect(views[1].statement).toBe(0);
	});
	it('says the decision in words, naming the gap layer', () => {
		expect(decisionWords({ ...base, decision: 'implicitDeny', gap: 'boundary' }).headline).toBe(
			'DENIED — no Allow in the permissions boundary (implicit deny)'
		);
		expect(decisionWords(base).tone).toBe('allow');
	});
});

describe('groupReasons', () => {
	it('puts the deciding statements first and folds the org levels that merely allowed', () => {
		const view = (
			effect: 'Allow' | 'Deny',
			policyType: 'scp' | 'identity',
			name: string,
			at: string
		): ReasonView => ({
			reason: { effect, policyType, policy: name, attachedTo: at, statement: '0' },
			node: at,
			policyName: name,
			attachedName: at,
			document: null,
			statement: null,
			conditions: []
		});
		const g = groupReasons([
			view('Allow', 'scp', 'FullAWSAccess', 'Root'),
			view('Allow', 'scp', 'FullAWSAccess', 'Workloads'),
			view('Allow', 'identity', 'LoanOfficerAccess', 'LoanOfficers')
		]);
		expect(g.deciding.map((v) => v.policyName)).toEqual(['LoanOfficerAccess']);
		expect(g.folded?.text).toBe('SCPs allow it at every level: FullAWSAccess (Root → Workloads)');
		expect(groupReasons([view('Deny', 'scp', 'Guard', 'OU')]).folded).toBeNull();
	});
});
