import { describe, expect, it } from 'vitest';
import { resourceReach } from './arn-pattern';

const cases: [string, boolean, string, boolean, boolean][] = [
	// [pattern, Version 2012-10-17, resource ARN, is a bucket, reaches]
	['arn:aws:s3:::bucket/*', true, 'arn:aws:s3:::bucket', true, true],
	['arn:aws:s3:::bucket/*', true, 'arn:aws:s3:::bucket', false, false],
	['arn:aws:s3:::bucket/*', true, 'arn:aws:s3:::bucket/a/b:c', false, true],
	['arn:aws:iam::*:role/*', true, 'arn:aws:iam::111111111111:role/x', false, true],
	// a wildcard inside one of the first five parts stays in it (the old graph regex let it run on)
	[
		'arn:aws:sqs:us-*-1:111111111111:q',
		true,
		'arn:aws:sqs:us-east:x-1:111111111111:q',
		false,
		false
	],
	['arn:aws:sqs:us-*-1:111111111111:q', true, 'arn:aws:sqs:us-east-1:111111111111:q', false, true],
	[
		'arn:aws:sqs:us-east-?:111111111111:q',
		true,
		'arn:aws:sqs:us-east-::111111111111:q',
		false,
		false
	],
	// a `*` ending a part may run on past the colon (Resource element page)
	['arn:aws:sqs:*:111111111111:q', true, 'arn:aws:sqs:us-east-1:x:111111111111:q', false, true],
	// case-sensitive
	['arn:aws:s3:::Bucket', true, 'arn:aws:s3:::bucket', true, false],
	// with no request a policy variable has no value: the pattern reaches nothing, as in the engine
	['arn:aws:s3:::home/${aws:username}', true, 'arn:aws:s3:::home/${aws:username}', false, false],
	// …but the bucket part before the first slash still names the bucket
	['arn:aws:s3:::home/${aws:username}/*', true, 'arn:aws:s3:::home', true, true],
	// ${*} is a literal *; without Version 2012-10-17 `${…}` is plain text
	['arn:aws:s3:::b/${*}', true, 'arn:aws:s3:::b/*', false, true],
	['arn:aws:s3:::b/${*}', true, 'arn:aws:s3:::b/x', false, false],
	['arn:aws:s3:::b/${*}', false, 'arn:aws:s3:::b/${*}', false, true]
];

describe('resourceReach (the engine matcher, seen from the graph)', () => {
	it.each(cases)('%s (variables %s) → %s bucket=%s: %s', (pattern, vars, arn, bucket, want) => {
		expect(resourceReach(pattern, vars)(arn, bucket)).toBe(want);
	});

	it('answers a hostile pattern at once', () => {
		const reach = resourceReach(`arn:aws:s3:::${'*a'.repeat(17)}*b/*`, true);
		const t0 = performance.now();
		expect(reach(`arn:aws:s3:::${'a'.repeat(40)}`, true)).toBe(false);
		expect(reach(`arn:aws:s3:::${'a'.repeat(40)}b`, true)).toBe(true);
		expect(performance.now() - t0).toBeLessThan(200);
	});
});
