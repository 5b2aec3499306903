import { describe, expect, it } from 'vitest';
import type { EvalResult, LayerTrace, PolicyTrace } from '../engine/types';
import { indexSnapshot } from '../model/snapshot-index';
import { GraphSource } from './graph-source';
import { buildView } from './graph-view';
import { attachmentId } from './kinds';
import { traceClasses } from './trace-classes';
import { ARN, BANK, smallBank } from './testing/small-bank';

const s = new GraphSource(indexSnapshot(smallBank()));
const view = buildView(s, [BANK.prod, ARN.alice, ARN.tellers]);
const target = {
	subject: ARN.alice,
	object: ARN.bucket,
	nodes: [...view.nodes.keys()],
	edges: [...view.edges.values()],
	parent: view.parent
};

const policy = (over: Partial<PolicyTrace>): PolicyTrace => ({
	policyId: 'x',
	name: 'x',
	policyType: 'identity',
	attachedTo: ARN.alice,
	statements: [],
	verdict: 'none',
	...over
});
const scpLayer = (ouVerdict: 'allow' | 'noAllow' | 'deny'): LayerTrace => ({
	layer: 'scp',
	verdict: ouVerdict === 'allow' ? 'allow' : ouVerdict,
	policies: [],
	levels: [
		{
			nodeId: 'r-root',
			verdict: 'allow',
			policies: [
				policy({
					policyId: 'p-FullAWSAccess',
					policyType: 'scp',
					attachedTo: 'r-root',
					verdict: 'allow'
				})
			]
		},
		{
			nodeId: 'ou-work',
			verdict: 'allow',
			policies: [
				policy({
					policyId: 'p-FullAWSAccess',
					policyType: 'scp',
					attachedTo: 'ou-work',
					verdict: 'allow'
				})
			]
		},
		{ nodeId: 'ou-prod', verdict: ouVerdict, policies: [] },
		{ nodeId: BANK.prod, verdict: 'allow', policies: [] }
	]
});
const result = (over: Partial<EvalResult>): EvalResult => ({
	decision: 'allowed',
	reasons: [],
	layers: [],
	context: {},
	summary: '',
	warnings: [],
	...over
});
const has = (m: Map<string, string[]>, id: string) => m.get(id) ?? [];

describe('traceClasses', () => {
	it('lights an allowed path: group policy edge green, org chain levels allowed, the rest dimmed', () => {
		const m = traceClasses(
			result({
				layers: [
					scpLayer('allow'),
					{
						layer: 'identity',
						verdict: 'allow',
						policies: [
							policy({
								policyId: ARN.tellerPolicy,
								attachedTo: ARN.tellers,
								via: ARN.tellers,
								verdict: 'allow'
							})
						]
					}
				]
			}),
			target
		);
		expect(has(m, ARN.alice)).toContain('tr-subject');
		expect(has(m, ARN.tellerPolicy)).toEqual(['tr-allow']);
		expect(has(m, `${ARN.tellers}->${ARN.tellerPolicy}:attached`)).toEqual(['tr-allow']);
		expect(has(m, `${ARN.tellers}->${ARN.alice}:member`)).toEqual(['tr-path']);
		expect(has(m, 'ou-prod')).toEqual(['tr-allow']);
		expect(has(m, attachmentId('p-FullAWSAccess', 'r-root'))).toEqual(['tr-allow']);
		expect(has(m, 'ou-work->ou-prod:contains')).toEqual(['tr-path']);
		expect(has(m, ARN.bob)).toEqual(['tr-dim']);
		expect(has(m, BANK.hr)).toEqual(['tr-dim']);
	});

	it('marks an OU without an allowing SCP as the gap', () => {
		const m = traceClasses(
			result({ decision: 'implicitDeny', gap: 'scp', layers: [scpLayer('noAllow')] }),
			target
		);
		expect(has(m, 'ou-prod')).toEqual(['tr-gap']);
		expect(has(m, 'r-root')).toEqual(['tr-allow']);
	});

	it('paints an explicit deny statement red and a failed boundary as the gap', () => {
		const deny = traceClasses(
			result({
				decision: 'explicitDeny',
				layers: [
					{
						layer: 'identity',
						verdict: 'deny',
						policies: [
							policy({
								policyId: ARN.tellerPolicy,
								attachedTo: ARN.tellers,
								via: ARN.tellers,
								verdict: 'deny'
							})
						]
					}
				]
			}),
			target
		);
		expect(has(deny, ARN.tellerPolicy)).toEqual(['tr-deny']);
		const gap = traceClasses(
			result({
				decision: 'implicitDeny',
				gap: 'boundary',
				layers: [
					{
						layer: 'boundary',
						verdict: 'noAllow',
						policies: [policy({ policyId: ARN.boundary, policyType: 'boundary', verdict: 'none' })]
					}
				]
			}),
			target
		);
		expect(has(gap, ARN.boundary)).toEqual(['tr-gap']);
	});

	it('marks the principal as the gap when no identity policy allows', () => {
		const m = traceClasses(
			result({
				decision: 'implicitDeny',
				gap: 'identity',
				layers: [{ layer: 'identity', verdict: 'noAllow', policies: [] }]
			}),
			target
		);
		expect(has(m, ARN.alice)).toEqual(['tr-subject', 'tr-gap']);
	});

	it('lights the trust edge when a role trust policy allows the assumption', () => {
		const v = buildView(s, [BANK.prod, ARN.auditor, BANK.audit]);
		const m = traceClasses(
			result({
				layers: [
					{
						layer: 'resource',
						verdict: 'allow',
						policies: [
							policy({
								policyId: `${ARN.auditor}#trust`,
								policyType: 'resource',
								attachedTo: ARN.auditor,
								verdict: 'allow'
							})
						]
					}
				]
			}),
			{
				subject: ARN.auditBot,
				object: ARN.auditor,
				nodes: [...v.nodes.keys()],
				edges: [...v.edges.values()],
				parent: v.parent
			}
		);
		expect(has(m, `${ARN.auditBot}->${ARN.auditor}:may-assume`)).toEqual(['tr-allow']);
		expect(has(m, ARN.auditor)).toEqual(['tr-object', 'tr-allow']);
	});
});
