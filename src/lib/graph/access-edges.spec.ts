import { expect, it } from 'vitest';
import type { AssumeEdge } from '../analysis/assume/assume';
import type { EscalationStep } from '../analysis/escalation/escalation';
import { accessOverlay } from './access-edges';

const A = 'arn:aws:iam::111111111111:user/dev';
const R = 'arn:aws:iam::111111111111:role/Admin';
const P = 'arn:aws:iam::111111111111:policy/Mine';
const step = (over: Partial<EscalationStep>): EscalationStep => ({
	technique: 'lambda-001',
	actions: ['iam:PassRole'],
	target: R,
	needs: [],
	from: A,
	to: R,
	grantsAdmin: false,
	reasons: [],
	requests: [],
	...over
});
const inSnapshot = (arn: string) => (arn.includes('111111111111') ? arn : null);

it('draws each escalation step as a numbered edge labelled with its technique, and rings the ends', () => {
	const o = accessOverlay([{ reaches: R, steps: [step({})] }], [], inSnapshot);
	expect(o.edges.map((e) => [e.data.source, e.data.target, e.data.kind, e.data.display])).toEqual([
		[A, R, 'escalates', '1. lambda-001']
	]);
	expect(o.edges[0].classes).toBe('access-step');
	expect(o.ends.sort()).toEqual([R, A].sort());
	expect(o.nodes.sort()).toEqual([A, R].sort());
});

it('draws a self-escalation to the policy it writes, and role chains as assume edges', () => {
	const chain: AssumeEdge[] = [
		{
			from: A,
			to: R,
			kind: 'user',
			action: 'sts:AssumeRole',
			crossAccount: false,
			sent: {},
			reasons: []
		}
	];
	const o = accessOverlay(
		[{ reaches: A, steps: [step({ technique: 'iam-001', target: P, to: A, grantsAdmin: true })] }],
		[chain],
		inSnapshot
	);
	expect(o.edges.map((e) => [e.data.target, e.data.kind, e.classes])).toEqual([
		[R, 'may-assume', 'access-chain'],
		[P, 'escalates', 'access-step']
	]);
});

it('skips edges whose ends are not on the graph', () => {
	const chain: AssumeEdge[] = [
		{
			from: A,
			to: 'arn:aws:iam::999999999999:role/Elsewhere',
			kind: 'user',
			action: 'sts:AssumeRole',
			crossAccount: true,
			sent: {},
			reasons: []
		}
	];
	expect(accessOverlay([], [chain], inSnapshot).edges).toEqual([]);
});
