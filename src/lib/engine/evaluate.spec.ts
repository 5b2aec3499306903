import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../model/policy-document';
import { arbPolicyDocument, arbSnapshot, arbText } from '../testing/arbitraries';
import { createEvaluator } from './evaluate';
import { worldToSnapshot } from './testing/world';
import type { ContextValue } from './types';

const A = '111111111111';
const alice = `arn:aws:iam::${A}:user/alice`;
const DECISIONS = ['allowed', 'explicitDeny', 'implicitDeny'];
const contextValue = fc.oneof(
	arbText,
	fc.integer(),
	fc.boolean(),
	fc.array(fc.oneof(arbText, fc.integer(), fc.boolean()), { maxLength: 3 })
);
const arbContext = fc.dictionary(
	fc.constantFrom(
		'aws:SourceIp',
		'aws:CurrentTime',
		'aws:TagKeys',
		'aws:PrincipalTag/team',
		'aws:username',
		's3:prefix',
		'aws:SecureTransport'
	),
	contextValue,
	{ maxKeys: 4 }
);

// a small vocabulary, so that generated statements often match the requests below
const vocabStatement = fc.record(
	{
		Sid: fc.constantFrom('A', 'B', ''),
		Effect: fc.constantFrom('Allow' as const, 'Deny' as const),
		Principal: fc.constantFrom<'*' | Record<string, string | string[]>>(
			'*',
			{ AWS: A },
			{ AWS: alice },
			{ AWS: `arn:aws:iam::${A}:role/r` },
			{ AWS: `arn:aws:sts::${A}:assumed-role/r/s` },
			{ Service: 's3.amazonaws.com' }
		),
		NotPrincipal: fc.constantFrom<Record<string, string | string[]>>(
			{ AWS: [alice, A] },
			{ AWS: `arn:aws:iam::${A}:role/r` }
		),
		Action: fc.constantFrom('s3:GetObject', 's3:*', '*', 'sts:AssumeRole', ['s3:Get*', 'sts:*']),
		NotAction: fc.constantFrom('iam:*', 's3:PutObject'),
		Resource: fc.constantFrom(
			'*',
			'arn:aws:s3:::b/*',
			'arn:aws:s3:::b/${aws:username}',
			`arn:aws:iam::${A}:role/*`,
			'arn:aws:s3:::*'
		),
		NotResource: fc.constantFrom('arn:aws:s3:::other/*', '*'),
		Condition: fc.constantFrom(
			{ StringEquals: { 'aws:PrincipalTag/team': 'blue' } },
			{ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
			{ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] } },
			{ StringNotEqualsIfExists: { 'aws:username': '${aws:PrincipalTag/team}' } },
			{ Null: { 'aws:SourceIp': 'true' } }
		)
	},
	{ requiredKeys: ['Effect'] }
);
const vocabDoc = fc
	.record({
		Version: fc.constantFrom('2012-10-17', '2008-10-17'),
		Statement: fc.array(vocabStatement, { minLength: 1, maxLength: 3 })
	})
	.map((d) => d as unknown as PolicyDocument);
const vocabContext = fc
	.record(
		{
			'aws:SourceIp': fc.constantFrom('10.1.2.3', '192.0.2.1', ''),
			'aws:TagKeys': fc.constantFrom(['a'], ['a', 'b'], [])
		},
		{ requiredKeys: [] }
	)
	.map((c) => c as Record<string, ContextValue>);

describe('createEvaluator', () => {
	it('takes the same decision, for the same reasons, with and without the trace', () => {
		fc.assert(
			fc.property(
				vocabDoc,
				vocabDoc,
				vocabDoc,
				vocabDoc,
				vocabContext,
				(identity, resource, scp, session, context) => {
					const ev = createEvaluator(
						worldToSnapshot({
							org: {
								management: '999999999999',
								accounts: { [A]: 'r-root' },
								scps: [{ id: 'p-x', targets: ['r-root'], document: scp }],
								rcps: [{ id: 'p-r', targets: ['r-root'], document: scp }]
							},
							accounts: {
								[A]: {
									users: [{ name: 'alice', tags: { team: 'blue' }, policies: [identity] }],
									roles: [{ name: 'r', trust: resource, policies: [identity], boundary: session }],
									resources: [{ arn: 'arn:aws:s3:::b', kind: 's3-bucket', policy: resource }]
								}
							}
						})
					);
					for (const principal of [
						alice,
						`arn:aws:sts::${A}:assumed-role/r/s`,
						`arn:aws:iam::${A}:root`,
						'*',
						's3.amazonaws.com'
					])
						for (const [action, resourceArn] of [
							['s3:GetObject', 'arn:aws:s3:::b/alice'],
							['sts:AssumeRole', `arn:aws:iam::${A}:role/r`],
							['s3:ListAllMyBuckets', '*']
						]) {
							const req = {
								principal,
								action,
								resource: resourceArn,
								context,
								sessionPolicy: session
							};
							const full = ev.evaluate(req);
							const fast = ev.evaluate(req, { trace: false });
							expect(fast.decision).toBe(full.decision);
							expect(fast.gap).toBe(full.gap);
							expect(fast.reasons.map(({ message: _m, ...r }) => r)).toEqual(
								full.reasons.map(({ message: _m, ...r }) => r)
							);
						}
				}
			),
			{ numRuns: 200 }
		);
	});

	it('never throws on odd policies and requests, and the fast path agrees with the traced one', () => {
		fc.assert(
			fc.property(
				arbPolicyDocument,
				arbPolicyDocument,
				arbPolicyDocument,
				arbContext,
				arbText,
				(identity, resource, scp, context, action) => {
					const snap = worldToSnapshot({
						org: {
							management: '999999999999',
							accounts: { [A]: 'r-root' },
							scps: [{ id: 'p-x', targets: ['r-root'], document: scp }]
						},
						accounts: {
							[A]: {
								users: [{ name: 'alice', policies: [identity], boundary: identity }],
								roles: [{ name: 'r', trust: resource }],
								resources: [{ arn: 'arn:aws:s3:::b', kind: 's3-bucket', policy: resource }]
							}
						}
					});
					const ev = createEvaluator(snap);
					for (const principal of [
						alice,
						`arn:aws:sts::${A}:assumed-role/r/s`,
						`arn:aws:iam::${A}:root`,
						'*',
						's3.amazonaws.com'
					]) {
						for (const resourceArn of ['arn:aws:s3:::b/k', `arn:aws:iam::${A}:role/r`, '*']) {
							const req = {
								principal,
								action: action || 's3:GetObject',
								resource: resourceArn,
								context,
								sessionPolicy: identity
							};
							const full = ev.evaluate(req);
							const fast = ev.evaluate(req, { trace: false });
							expect(DECISIONS).toContain(full.decision);
							expect(fast.decision).toBe(full.decision);
							expect(fast.reasons.map(({ message: _m, ...r }) => r)).toEqual(
								full.reasons.map(({ message: _m, ...r }) => r)
							);
						}
					}
				}
			),
			{ numRuns: 150 }
		);
	});

	it('never throws on random schema-valid snapshots, and who-can covers every principal', () => {
		fc.assert(
			fc.property(arbSnapshot, (snap) => {
				const ev = createEvaluator(snap);
				const rows = ev.whoCan('s3:GetObject', 'arn:aws:s3:::b/k');
				expect(rows.map((r) => r.principal)).toEqual(ev.principals());
				for (const r of rows) expect(DECISIONS).toContain(r.decision);
			}),
			{ numRuns: 60 }
		);
	});

	it('answers with the same decision with and without the trace', () => {
		const snap = worldToSnapshot({
			accounts: {
				[A]: {
					users: [
						{
							name: 'alice',
							policies: [
								{
									Version: '2012-10-17',
									Statement: [{ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }]
								}
							]
						}
					]
				}
			}
		});
		const ev = createEvaluator(snap);
		for (const action of ['s3:GetObject', 's3:PutObject']) {
			const req = { principal: alice, action, resource: 'arn:aws:s3:::b/k', resourceAccount: A };
			const full = ev.evaluate(req);
			const fast = ev.evaluate(req, { trace: false });
			expect(fast.decision).toBe(full.decision);
			expect(fast.reasons.map(({ message: _m, ...r }) => r)).toEqual(
				full.reasons.map(({ message: _m, ...r }) => r)
			);
			expect(fast.layers).toEqual([]);
			expect(full.layers.map((l) => l.layer)).toEqual([
				'rcp',
				'scp',
				'resource',
				'identity',
				'boundary',
				'session'
			]);
		}
	});
});

describe('request context', () => {
	it('reads a context object afresh on every call (callers may mutate it)', () => {
		const ev = createEvaluator(
			worldToSnapshot({
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
												Action: '*',
												Resource: '*',
												Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } }
											}
										]
									}
								]
							}
						]
					}
				}
			})
		);
		const context: Record<string, ContextValue> = { 'aws:RequestedRegion': 'eu-west-1' };
		const req = {
			principal: alice,
			action: 's3:GetObject',
			resource: 'arn:aws:s3:::b/k',
			resourceAccount: A,
			context
		};
		expect(ev.evaluate(req, { trace: false }).decision).toBe('allowed');
		context['aws:RequestedRegion'] = 'us-east-1';
		expect(ev.evaluate(req, { trace: false }).decision).toBe('implicitDeny');
		expect(
			ev.whoCan('s3:GetObject', 'arn:aws:s3:::b/k', { 'aws:RequestedRegion': 'eu-west-1' })
		).toEqual([{ principal: alice, decision: 'allowed' }]);
	});
});

describe('identityStatements', () => {
	it('lists the statements whose Action or NotAction covers the action, groups included, resource and condition not judged', () => {
		const snapshot = worldToSnapshot({
			accounts: {
				[A]: {
					users: [
						{
							name: 'alice',
							groups: ['devs'],
							policies: [
								{
									Version: '2012-10-17',
									Statement: [
										{
											Sid: 'Pass',
											Effect: 'Allow',
											Action: 'iam:PassRole',
											Resource: 'arn:aws:iam::111111111111:role/x'
										},
										{
											Effect: 'Deny',
											NotAction: 's3:*',
											Resource: '*',
											Condition: { Bool: { 'aws:SecureTransport': 'false' } }
										}
									]
								}
							]
						}
					],
					groups: [
						{
							name: 'devs',
							policies: [
								{
									Version: '2012-10-17',
									Statement: { Effect: 'Allow', Action: 'iam:*', Resource: '*' }
								}
							]
						}
					]
				}
			}
		});
		const ev = createEvaluator(snapshot);
		const refs = ev.identityStatements(alice, 'IAM:PassRole');
		expect(refs.map((r) => [r.policy, r.attachedTo, r.statement, r.effect])).toEqual([
			['inline-0', alice, 'Pass', 'Allow'],
			['inline-0', alice, '1', 'Deny'],
			['inline-0', `arn:aws:iam::${A}:group/devs`, '0', 'Allow']
		]);
		expect(ev.identityStatements(alice, 's3:GetObject')).toEqual([]);
		expect(ev.identityStatements(`arn:aws:iam::${A}:user/nobody`, 'iam:PassRole')).toEqual([]);
	});
});

/** A snapshot where alice holds one policy of these statements, beside users named `others`. */
const aliceWith = (statements: Record<string, unknown>[], others: string[] = []) =>
	worldToSnapshot({
		accounts: {
			[A]: {
				users: [
					{
						name: 'alice',
						policies: [{ Version: '2012-10-17', Statement: statements as never[] }]
					},
					...others.map((name) => ({ name }))
				]
			}
		}
	});

describe('resourceIndependent', () => {
	const snap = (statement: Record<string, unknown>) => aliceWith([statement]);
	it('is true for Resource "*" with request-only conditions, false for resource patterns, resource keys and variables', () => {
		const star = { Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: '*' };
		expect(createEvaluator(snap(star)).resourceIndependent(alice, 'iam:CreateAccessKey')).toBe(
			true
		);
		const region = { ...star, Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } };
		expect(createEvaluator(snap(region)).resourceIndependent(alice, 'iam:CreateAccessKey')).toBe(
			true
		);
		const pattern = { ...star, Resource: `arn:aws:iam::${A}:user/a*` };
		expect(createEvaluator(snap(pattern)).resourceIndependent(alice, 'iam:CreateAccessKey')).toBe(
			false
		);
		const tag = { ...star, Condition: { StringEquals: { 'iam:ResourceTag/team': 'x' } } };
		expect(createEvaluator(snap(tag)).resourceIndependent(alice, 'iam:CreateAccessKey')).toBe(
			false
		);
		const variable = {
			...star,
			Condition: { StringEquals: { 'aws:username': '${aws:username}' } }
		};
		expect(createEvaluator(snap(variable)).resourceIndependent(alice, 'iam:CreateAccessKey')).toBe(
			false
		);
	});
});

describe('resourceClass', () => {
	const snap = (...statements: Record<string, unknown>[]) =>
		aliceWith(statements, ['anna', 'bob', 'bert']);
	const user = (n: string) => `arn:aws:iam::${A}:user/${n}`;
	const action = 'iam:CreateAccessKey';
	it('gives resources the same statements match one key, and the evaluator decides them alike', () => {
		const ev = createEvaluator(
			snap(
				{ Effect: 'Allow', Action: 'iam:*', Resource: `arn:aws:iam:*:${A}:*` },
				{ Effect: 'Deny', Action: action, Resource: `arn:aws:iam::${A}:user/b*` }
			)
		);
		const keys = ['anna', 'bob', 'bert', 'alice'].map((n) =>
			ev.resourceClass(alice, action, user(n))
		);
		expect(keys[0]).not.toBeNull();
		expect(keys[1]).toBe(keys[2]);
		expect(keys[0]).toBe(keys[3]);
		expect(keys[0]).not.toBe(keys[1]);
		const decision = (n: string) =>
			ev.evaluate({ principal: alice, action, resource: user(n) }).decision;
		expect([decision('anna'), decision('bob'), decision('bert')]).toEqual([
			'allowed',
			'explicitDeny',
			'explicitDeny'
		]);
	});
	it('is null when a resource key, a variable or "*" could make resources differ', () => {
		const tag = createEvaluator(
			snap({
				Effect: 'Allow',
				Action: action,
				Resource: '*',
				Condition: { StringEquals: { 'iam:ResourceTag/team': 'x' } }
			})
		);
		expect(tag.resourceClass(alice, action, user('bob'))).toBeNull();
		const variable = createEvaluator(
			snap({ Effect: 'Allow', Action: action, Resource: `arn:aws:iam::${A}:user/\${aws:username}` })
		);
		expect(variable.resourceClass(alice, action, user('bob'))).toBeNull();
		const star = createEvaluator(snap({ Effect: 'Allow', Action: action, Resource: '*' }));
		expect(star.resourceClass(alice, action, '*')).toBeNull();
		expect(star.resourceClass(alice, action, user('bob'))).not.toBeNull();
	});
});

describe('identityStatements with a resource', () => {
	it('keeps only the statements whose Resource may match the ARN (variables may)', () => {
		const roleArn = `arn:aws:iam::${A}:role/ops`;
		const snapshot = aliceWith([
			{
				Sid: 'Sts',
				Effect: 'Allow',
				Action: 'sts:*',
				Resource: `arn:aws:sts:*:${A}:*`
			},
			{ Sid: 'Ops', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roleArn },
			{
				Sid: 'Mine',
				Effect: 'Allow',
				Action: 'sts:AssumeRole',
				Resource: `arn:aws:iam::${A}:role/\${aws:username}`
			}
		]);
		const ev = createEvaluator(snapshot);
		const sids = (resource?: string) =>
			ev.identityStatements(alice, 'sts:AssumeRole', resource).map((s) => s.statement);
		expect(sids()).toEqual(['Sts', 'Ops', 'Mine']);
		expect(sids(roleArn)).toEqual(['Ops', 'Mine']);
		expect(sids(`arn:aws:iam::${A}:role/other`)).toEqual(['Mine']);
	});
});

describe('identityServices', () => {
	it('names the services Action patterns may cover, and null when one may cover any', () => {
		const services = (...statements: Record<string, unknown>[]) =>
			createEvaluator(aliceWith(statements)).identityServices(alice);
		const allow = (Action: string | string[]) => ({ Effect: 'Allow', Action, Resource: '*' });
		expect([...services(allow(['S3:Get*', 'iam:PassRole']), allow('sts:*'))!].sort()).toEqual([
			'iam',
			's3',
			'sts'
		]);
		expect(services(allow('s3:*'), allow('*'))).toBeNull();
		expect(services(allow('s*:Get*'))).toBeNull();
		expect(services({ Effect: 'Deny', NotAction: 's3:*', Resource: '*' })).toBeNull();
	});
});
