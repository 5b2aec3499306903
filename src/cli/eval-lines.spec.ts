import { describe, expect, it } from 'vitest';
import { loadConditionKeyTypes } from '../lib/engine/catalog/condition-key-types';
import { parseRequestLine } from './eval-lines';

const typeOf = await loadConditionKeyTypes();
const A = '111111111111';
const base = {
	principal: `arn:aws:iam::${A}:user/alice`,
	action: 's3:GetObject',
	resource: 'arn:aws:s3:::b/k'
};
const line = (o: object) => JSON.stringify({ ...base, ...o });
const parse = (text: string) => parseRequestLine(text, 7, typeOf);

// Each bad request with the exact error it gets (line 7 of its input).
const refused: Array<[what: string, text: string, code: string, message: string]> = [
	[
		'a line that is not JSON',
		'{"principal":',
		'invalid-json',
		'line 7: not valid JSON (Unexpected end of JSON input)'
	],
	[
		'a JSON value that is not an object',
		'[1]',
		'not-an-object',
		'line 7: expected a JSON object with principal, action and resource'
	],
	[
		'an unknown field (a typo drops the context silently otherwise)',
		line({ Context: {} }),
		'unknown-field',
		'line 7: unknown field "Context" (a request has principal, action, resource, resourceAccount, context, sessionPolicy)'
	],
	[
		'a missing resource',
		JSON.stringify({ principal: base.principal, action: 's3:GetObject' }),
		'missing-field',
		'line 7: "resource" is required and must be a non-empty string'
	],
	[
		'a principal that is a bare name',
		line({ principal: 'alice' }),
		'invalid-principal',
		'line 7: "principal" "alice" is not an ARN, a 12-digit account id, a service principal (s3.amazonaws.com) or "*"'
	],
	[
		'a principal ARN of something that cannot ask (a group)',
		line({ principal: `arn:aws:iam::${A}:group/admins` }),
		'invalid-principal',
		`line 7: "principal" "arn:aws:iam::${A}:group/admins" is not a principal ARN (an IAM user, role or root, an STS assumed-role or federated-user session, or a SAML/OIDC provider)`
	],
	[
		'a principal ARN with a short account id',
		line({ principal: 'arn:aws:iam::1234:user/bob' }),
		'invalid-principal',
		'line 7: "principal" "arn:aws:iam::1234:user/bob" is not a principal ARN (an IAM user, role or root, an STS assumed-role or federated-user session, or a SAML/OIDC provider)'
	],
	[
		'an action without a service',
		line({ action: 'GetObject' }),
		'invalid-action',
		'line 7: "action" "GetObject" is not service:Action (e.g. s3:GetObject; no wildcards)'
	],
	[
		'an action with a wildcard',
		line({ action: 's3:Get*' }),
		'invalid-action',
		'line 7: "action" "s3:Get*" is not service:Action (e.g. s3:GetObject; no wildcards)'
	],
	[
		'a resource that is not an ARN',
		line({ resource: 'my-bucket' }),
		'invalid-resource',
		'line 7: "resource" "my-bucket" is not an ARN or "*"'
	],
	[
		'a resourceAccount that is not an account id',
		line({ resourceAccount: 1234 }),
		'invalid-field',
		'line 7: "resourceAccount" must be a 12-digit account id'
	],
	[
		'a context that is a list',
		line({ context: [] }),
		'invalid-field',
		'line 7: "context" must be an object of context keys'
	],
	[
		'a Bool key given a word',
		line({ context: { 'aws:MultiFactorAuthPresent': 'yes' } }),
		'invalid-context',
		'line 7: context key "aws:MultiFactorAuthPresent" (a Bool key): "yes" is not true or false'
	],
	[
		'a Bool key given a number',
		line({ context: { 'aws:SecureTransport': 1 } }),
		'invalid-context',
		'line 7: context key "aws:SecureTransport" (a Bool key): 1 is not true or false'
	],
	[
		'aws:SourceIp that is not an IP address',
		line({ context: { 'aws:SourceIp': '10.0.0.300' } }),
		'invalid-context',
		'line 7: context key "aws:SourceIp" (an IPAddress key): "10.0.0.300" is not an IP address'
	],
	[
		'aws:SourceIp given a CIDR block (a request comes from one address)',
		line({ context: { 'aws:SourceIp': '10.0.0.0/8' } }),
		'invalid-context',
		'line 7: context key "aws:SourceIp" (an IPAddress key): "10.0.0.0/8" is not an IP address'
	],
	[
		'aws:CurrentTime that is not a date',
		line({ context: { 'aws:CurrentTime': 'yesterday' } }),
		'invalid-context',
		'line 7: context key "aws:CurrentTime" (a Date key): "yesterday" is not a date (ISO 8601 or epoch seconds)'
	],
	[
		'a Numeric key given an object',
		line({ context: { 'aws:MultiFactorAuthAge': { seconds: 5 } } }),
		'invalid-context',
		'line 7: context key "aws:MultiFactorAuthAge" (a Numeric key): an object is not a value (give a string, number, boolean or a list of them)'
	],
	[
		'a Numeric key given text',
		line({ context: { 'aws:MultiFactorAuthAge': 'old' } }),
		'invalid-context',
		'line 7: context key "aws:MultiFactorAuthAge" (a Numeric key): "old" is not a number'
	],
	[
		'a single-valued key given a list',
		line({ context: { 'aws:RequestedRegion': ['eu-west-1', 'us-east-1'] } }),
		'invalid-context',
		'line 7: context key "aws:RequestedRegion" (a String key): is single-valued: give one value, not a list'
	],
	[
		'a String key given a number',
		line({ context: { 'aws:PrincipalTag/team': 5 } }),
		'invalid-context',
		'line 7: context key "aws:PrincipalTag/team" (a String key): 5 is not a string'
	],
	[
		'an ARN key given something else',
		line({ context: { 'aws:SourceArn': 'bucket' } }),
		'invalid-context',
		'line 7: context key "aws:SourceArn" (an ARN key): "bucket" is not an ARN'
	],
	[
		'a list key with an item of the wrong type',
		line({ context: { 'aws:TagKeys': ['a', {}] } }),
		'invalid-context',
		'line 7: context key "aws:TagKeys" (an ArrayOfString key): the list item [object Object] is not a string'
	],
	[
		'a service key of a documented type (s3:TlsVersion is Numeric)',
		line({ context: { 's3:TlsVersion': 'TLS1.2' } }),
		'invalid-context',
		'line 7: context key "s3:TlsVersion" (a Numeric key): "TLS1.2" is not a number'
	],
	[
		'an unknown key given null',
		line({ context: { 'custom:Thing': null } }),
		'invalid-context',
		'line 7: context key "custom:Thing": null is not a value (leave the key out instead)'
	],
	[
		'an unknown key given an object',
		line({ context: { 'custom:Thing': { a: 1 } } }),
		'invalid-context',
		'line 7: context key "custom:Thing": an object is not a value (give a string, number, boolean or a list of them)'
	],
	[
		'a session policy with Effect "Maybe"',
		line({ sessionPolicy: { Statement: [{ Effect: 'Maybe', Action: '*', Resource: '*' }] } }),
		'invalid-session-policy',
		'line 7: "sessionPolicy" at /Statement/0/Effect: this is not a valid policy document: expected one of "Allow", "Deny".'
	],
	[
		'a session policy whose Statement is a string',
		line({ sessionPolicy: { Statement: 'x' } }),
		'invalid-session-policy',
		'line 7: "sessionPolicy" at /Statement: this is not a valid policy document: expected object here.'
	],
	[
		'a session policy with an unknown element',
		line({
			sessionPolicy: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Foo: 1 }] }
		}),
		'invalid-session-policy',
		'line 7: "sessionPolicy" at /Statement/0: this is not a valid policy document: unexpected field "Foo".'
	],
	[
		'a session policy that is not an object',
		line({ sessionPolicy: 5 }),
		'invalid-session-policy',
		'line 7: "sessionPolicy": this is not a valid policy document: expected object here.'
	],
	[
		'a session policy as text that is not JSON',
		line({ sessionPolicy: 'Allow everything' }),
		'invalid-session-policy',
		'line 7: "sessionPolicy": the policy document cannot be read: the policy text is neither JSON nor URL-encoded JSON.'
	]
];

describe('eval request lines: strict checks', () => {
	it.each(refused)('refuses %s', (_what, text, code, message) => {
		expect(parse(text)).toEqual({ error: { code: `eval.request.${code}`, message } });
	});

	it.each([
		['a role session', { principal: `arn:aws:sts::${A}:assumed-role/r/s` }],
		['an account root', { principal: `arn:aws:iam::${A}:root` }],
		['an account id', { principal: A }],
		['a service principal', { principal: 's3.amazonaws.com' }],
		['anonymous', { principal: '*' }],
		['a federated user', { principal: `arn:aws:sts::${A}:federated-user/bob` }],
		['a resource of "*"', { resource: '*', action: 'ec2:DescribeInstances' }],
		[
			'context values of their documented types',
			{
				context: {
					'aws:MultiFactorAuthPresent': true,
					'aws:SecureTransport': 'false',
					'aws:SourceIp': '2001:db8::1',
					'aws:CurrentTime': '2026-01-01T00:00:00Z',
					'aws:EpochTime': 1767225600,
					'aws:MultiFactorAuthAge': '300',
					'aws:TagKeys': ['team', 'env'],
					'aws:PrincipalOrgPaths': 'o-1/r-1/',
					'custom:Number': 5
				}
			}
		],
		[
			'a session policy as JSON text',
			{ sessionPolicy: '{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}' }
		]
	])('accepts %s', (_what, fields: Record<string, unknown>) => {
		const parsed = parse(line(fields));
		expect(parsed).not.toHaveProperty('error');
		const { sessionPolicy, ...rest } = fields;
		expect(parsed).toMatchObject({ ...base, ...rest });
		// the policy text is decoded into the document the evaluator takes
		if (sessionPolicy)
			expect((parsed as { sessionPolicy: unknown }).sessionPolicy).toEqual(
				JSON.parse(sessionPolicy as string)
			);
	});
});
