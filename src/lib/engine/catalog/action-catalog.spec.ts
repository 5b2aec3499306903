import { beforeAll, describe, expect, it } from 'vitest';
import type { ActionCatalog } from './action-catalog';
import { loadNodeCatalog } from './node-catalog';

let catalog: ActionCatalog;
beforeAll(async () => {
	catalog = await loadNodeCatalog();
});

describe('ActionCatalog over the real iam-data catalog', () => {
	it.each([
		['s3:GetObject', true],
		['S3:getobject', true],
		['iam:PassRole', true],
		['s3:GetObjects', false],
		['nosuchservice:Get', false],
		['s3', false],
		['s3:Get*', false]
	])('isKnownAction(%s) = %s', (action, known) => {
		expect(catalog.isKnownAction(action)).toBe(known);
	});

	it.each([
		['s3:ListBucket', 'List'],
		['s3:GetObject', 'Read'],
		['s3:PutObject', 'Write'],
		['iam:PutRolePolicy', 'Permissions management'],
		['iam:TagRole', 'Tagging'],
		['s3:Nope', undefined]
	])('accessLevel(%s) = %s', (action, level) => {
		expect(catalog.accessLevel(action)).toBe(level);
	});

	it('expands wildcards case-insensitively, sorted, with ? for one character', () => {
		const gets = catalog.expandActionPattern('s3:get*');
		expect(gets).toContain('s3:GetObject');
		expect(gets.every((a) => a.startsWith('s3:Get'))).toBe(true);
		expect([...gets].sort()).toEqual(gets);
		expect(catalog.expandActionPattern('s3:Get?bject')).toEqual(['s3:GetObject']);
		expect(catalog.expandActionPattern('s3:?utObject')).toEqual(['s3:PutObject']);
		expect(catalog.expandActionPattern('sts:AssumeRole')).toEqual(['sts:AssumeRole']);
		expect(catalog.expandActionPattern('s3')).toEqual([]);
		expect(catalog.expandActionPattern('*').length).toBeGreaterThan(20000);
	});

	it.each([
		['aws:PrincipalArn', true],
		['aws:PrincipalARN', true],
		['aws:principalorgid', true],
		['aws:PrincipalTag/dp:exclude:network', true],
		['aws:RequestTag/Team', true],
		['aws:ResourceTag/', false],
		['aws:NoSuchKey', false],
		['s3:x-amz-acl', true],
		['s3:ExistingObjectTag/owner', true],
		['iam:ResourceTag/Team', true],
		['accounts.google.com:sub', true],
		['ec2:osuser', true],
		['<OIDC_provider_name_1>:sub', false],
		['s3:NoSuchKey', false],
		['nosuchservice:Key', false]
	])('isKnownConditionKey(%s) = %s', (key, known) => {
		expect(catalog.isKnownConditionKey(key)).toBe(known);
	});

	it.each([
		['arn:aws:s3:::my-bucket', 's3', 'bucket'],
		['arn:aws:s3:::my-bucket/a/b.txt', 's3', 'object'],
		['arn:aws:iam::111111111111:role/path/Admin', 'iam', 'role'],
		['arn:aws:iam::111111111111:user/alice', 'iam', 'user'],
		['arn:aws:kms:us-east-1:111111111111:key/1234abcd', 'kms', 'key'],
		['arn:aws:sqs:us-east-1:111111111111:queue1', 'sqs', 'queue'],
		['arn:aws:dynamodb:us-east-1:111111111111:table/Orders', 'dynamodb', 'table'],
		['arn:aws:lambda:us-east-1:111111111111:function:fn', 'lambda', 'function']
	])('resourceTypeOfArn(%s) = %s/%s', (arn, service, resourceType) => {
		expect(catalog.resourceTypeOfArn(arn)).toMatchObject({ service, resourceType });
	});

	it('has no resource type for non-ARNs or unknown services', () => {
		expect(catalog.resourceTypeOfArn('*')).toBeNull();
		expect(catalog.resourceTypeOfArn('arn:aws:nosuch:us-east-1:1:thing/x')).toBeNull();
		expect(catalog.actionsForResource('not-an-arn')).toBeNull();
	});

	it('lists the actions of a resource type by access level', () => {
		const r = catalog.actionsForResource('arn:aws:s3:::my-bucket/key')!;
		expect(r.resourceType).toBe('object');
		expect(r.levels.Read).toContain('s3:GetObject');
		expect(r.levels.Write).toContain('s3:PutObject');
		expect(r.levels.Tagging).toContain('s3:PutObjectTagging');
		expect(r.levels.List).not.toContain('s3:ListAllMyBuckets');
		for (const [level, actions] of Object.entries(r.levels))
			for (const a of actions) expect(catalog.accessLevel(a)).toBe(level);
	});

	it('lists the condition keys documented for an action', () => {
		expect(catalog.conditionKeysOf('s3:GetObject')).toContain('s3:ExistingObjectTag/<key>');
		expect(catalog.conditionKeysOf('iam:CreateRole')).toContain('aws:RequestTag/${TagKey}');
		expect(catalog.conditionKeysOf('s3:Nope')).toEqual([]);
	});

	it("completes condition keys: globals, the action's keys, then the typed service's keys", () => {
		expect(catalog.conditionKeyCompletions('aws:Princ')).toContain('aws:PrincipalTag/${TagKey}');
		expect(
			catalog.conditionKeyCompletions('aws:Princ').every((k) => k.startsWith('aws:Princ'))
		).toBe(true);
		expect(catalog.conditionKeyCompletions('s3:', 's3:GetObject')).toContain(
			's3:ExistingObjectTag/<key>'
		);
		expect(catalog.conditionKeyCompletions('S3:X-AMZ-AC')).toEqual(['s3:x-amz-acl']);
		expect(catalog.conditionKeyCompletions('', undefined, 5)).toHaveLength(5);
	});

	it('completes service prefixes, then actions', () => {
		expect(catalog.completions('s3')).toContain('s3:');
		expect(catalog.completions('s3:getobjectt')).toEqual([
			's3:GetObjectTagging',
			's3:GetObjectTorrent'
		]);
		expect(catalog.completions('iam:', 3)).toHaveLength(3);
		expect(catalog.completions('nosuch:')).toEqual([]);
	});
});
