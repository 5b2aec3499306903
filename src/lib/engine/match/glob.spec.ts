import { describe, expect, it } from 'vitest';
import { compileActions, matchAction } from './actions';
import { globMatch } from './glob';
import { matchArn } from './pattern';

const actions: [string[], string, boolean][] = [
	[['s3:GetObject'], 's3:getobject', true],
	[['S3:Get*'], 's3:getobjectacl', true],
	[['s3:Get?bject'], 's3:getobject', true],
	[['s3:Get?bject'], 's3:getoobject', false],
	[['*'], 'iam:createuser', true],
	[['ec2:*', 's3:List*'], 's3:getobject', false],
	[['s3:*Object'], 's3:putobject', true]
];
const arns: [string, string, boolean][] = [
	['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b:c', true],
	['arn:aws:s3:::Bucket/*', 'arn:aws:s3:::bucket/a', false],
	['arn:aws:iam::*:role/*', 'arn:aws:iam::111111111111:role/x', true],
	// a wildcard inside one of the first five segments never spans a colon
	['arn:aws:*:us-east-1:111111111111:*', 'arn:aws:sqs:us-east-1:111111111111:q', true],
	['arn:aws:s*:111111111111:*', 'arn:aws:sqs:us-east-1:111111111111:q', true],
	['arn:aws:sqs:*:111111111111:q?', 'arn:aws:sqs:us-east-1:111111111111:q1', true],
	['arn:aws:sqs:*:111111111111:q?', 'arn:aws:sqs:us-east-1:111111111111:q12', false],
	['*', 'anything', true]
];

describe('action patterns', () => {
	it.each(actions)('%j matches %s: %s', (patterns, action, want) => {
		expect(matchAction(compileActions(patterns), action)).toBe(want);
	});
});
describe('ARN patterns', () => {
	it.each(arns)('%s ~ %s: %s', (pattern, arn, want) => {
		expect(matchArn(pattern, arn)).toBe(want);
	});
});

describe('globMatch', () => {
	it.each([
		['s3:get*', 's3:getobject', true],
		['s3:*object', 's3:putobject', true],
		['s3:*object', 's3:putobjectacl', false],
		['a*b*c', 'axxbyyc', true],
		['a*b*c', 'axxbyy', false],
		['a?c', 'abc', true],
		['a?c', 'ac', false],
		['*', '', true],
		['**a', 'ba', true],
		['', '', true],
		['', 'a', false]
	])('%s ~ %s: %s', (glob, text, want) => {
		expect(globMatch(glob, text)).toBe(want);
	});
});
