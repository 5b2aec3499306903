import { describe, expect, it } from 'vitest';
import { isOsJunk, pathContext } from './collection-path';
import { safeEntryPath } from './input/expand-zip';

describe('pathContext', () => {
	it('reads account, region and URL-decoded parameter (with or without .json)', () => {
		expect(
			pathContext(
				'c/123456789012/eu-west-1/sqs-get-queue-attributes/https%3A%2F%2Fsqs.eu-west-1.amazonaws.com%2F123456789012%2Fq.json'
			)
		).toMatchObject({
			parent: 'sqs-get-queue-attributes',
			parameter: 'https://sqs.eu-west-1.amazonaws.com/123456789012/q',
			accountId: '123456789012',
			region: 'eu-west-1'
		});
		expect(pathContext('us-gov-west-1/lambda-get-policy/fn')).toMatchObject({
			parameter: 'fn',
			accountId: null,
			region: 'us-gov-west-1'
		});
	});

	it('names CLI-like commands in the file or any folder above', () => {
		expect(pathContext('x/ec2-describe-vpcs.json').cliCommand).toBe('ec2-describe-vpcs');
		expect(pathContext('ecs-describe-tasks/cluster/task').cliCommand).toBe('ecs-describe-tasks');
		expect(pathContext('notes/weather.json').cliCommand).toBeNull();
	});

	it('keeps a malformed percent-encoding as is', () =>
		expect(pathContext('s3api-get-bucket-policy/100%.json').parameter).toBe('100%'));
});

describe('junk and unsafe paths', () => {
	it.each(['__MACOSX/a/._x.json', 'a/.DS_Store', 'Thumbs.db', 'a/._gaad.json'])(
		'%s is OS junk',
		(p) => expect(isOsJunk(p)).toBe(true)
	);
	it.each(['a/gaad.json', '123456789012/s3api-list-buckets.json'])('%s is not', (p) =>
		expect(isOsJunk(p)).toBe(false)
	);
	it.each([
		['a/../b.json', 'b.json'],
		['./a//b.json', 'a/b.json'],
		['a\\b.json', 'a/b.json'],
		['../x.json', null],
		['a/../../x.json', null],
		['/etc/passwd', null],
		['C:/x.json', null]
	])('safeEntryPath(%j) = %j', (name, safe) => expect(safeEntryPath(name)).toBe(safe));
});
