import { expect, it } from 'vitest';
import { ActionCatalog } from './action-catalog';
import { compactCatalog, type RawIamData } from './compact-catalog';

const raw: RawIamData = {
	version: '0.0.0-test',
	services: ['sm'],
	serviceNames: { sm: 'Secrets' },
	rcpServices: ['sm'],
	globalConditionKeys: ['aws:PrincipalTag/tag-key', 'aws:SourceIp'],
	actions: () => ({
		getsecret: {
			name: 'GetSecret',
			accessLevel: 'Read',
			resourceTypes: [{ name: 'secret' }],
			conditionKeys: ['sm:ResourceTag/tag-key']
		},
		putpolicy: {
			name: 'PutPolicy',
			accessLevel: 'Permissions management, Write',
			resourceTypes: [{ name: 'secret' }],
			conditionKeys: []
		},
		tagsecret: {
			name: 'TagSecret',
			accessLevel: 'Tagging, Write',
			resourceTypes: [{ name: 'secret' }],
			conditionKeys: ['aws:TagKeys']
		},
		listsecrets: { name: 'ListSecrets', accessLevel: 'List', resourceTypes: [], conditionKeys: [] }
	}),
	resourceTypes: () => ({
		secret: { key: 'secret', arn: 'arn:${Partition}:sm:${Region}:${Account}:secret:${SecretId}' }
	}),
	conditionKeys: () => ({
		'sm:resourcetag/tag-key': { key: 'sm:ResourceTag/tag-key' },
		'accounts.example.com:sub': { key: 'accounts.example.com:sub' }
	})
};

it('maps access levels to the first level named and tag-key families to ${TagKey}', () => {
	const { index, services } = compactCatalog(raw);
	expect(services[0].actions.map((a) => [a[0], a[1]])).toEqual([
		['GetSecret', 'R'],
		['ListSecrets', 'L'],
		['PutPolicy', 'P'],
		['TagSecret', 'T']
	]);
	expect(index.globalConditionKeys).toEqual([
		'aws:PrincipalTag/${TagKey}',
		'aws:SourceIp',
		'aws:TagKeys'
	]);
	expect(index.conditionKeyServices).toEqual({ sm: ['sm'], 'accounts.example.com': ['sm'] });
	const catalog = ActionCatalog.fromData(index, services);
	expect(catalog.isKnownConditionKey('SM:resourcetag/Owner')).toBe(true);
	expect(catalog.isKnownConditionKey('accounts.example.com:sub')).toBe(true);
	expect(
		catalog.actionsForResource('arn:aws:sm:us-east-1:111111111111:secret:abc')?.levels
	).toEqual({
		List: [],
		Read: ['sm:GetSecret'],
		Write: [],
		'Permissions management': ['sm:PutPolicy'],
		Tagging: ['sm:TagSecret']
	});
});
