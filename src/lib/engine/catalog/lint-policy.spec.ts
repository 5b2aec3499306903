import { beforeAll, expect, it } from 'vitest';
import type { PolicyDocument } from '../../model/policy-document';
import type { ActionCatalog } from './action-catalog';
import { loadNodeCatalog } from './node-catalog';

let catalog: ActionCatalog;
beforeAll(async () => {
	catalog = await loadNodeCatalog();
});

it('flags unknown actions and condition keys with their JSON pointers', () => {
	const doc: PolicyDocument = {
		Version: '2012-10-17',
		Statement: [
			{
				Effect: 'Allow',
				Action: ['s3:GetObject', 's3:GetObjekt', 's3:Get*', 'nosuch:*'],
				Resource: '*'
			},
			{
				Effect: 'Deny',
				NotAction: 'iam:Nope',
				Resource: '*',
				Condition: {
					StringEquals: {
						'aws:PrincipalOrgID': 'o-1',
						'aws:Bogus/x': 'y',
						'aws:PrincipalTag/a/b': 'z'
					}
				}
			}
		]
	};
	expect(catalog.lintPolicy(doc).map((f) => [f.code, f.value, f.pointer])).toEqual([
		['catalog.action.unknown', 's3:GetObjekt', '/Statement/0/Action/1'],
		['catalog.action.unknown', 'nosuch:*', '/Statement/0/Action/3'],
		['catalog.action.unknown', 'iam:Nope', '/Statement/1/NotAction'],
		[
			'catalog.condition-key.unknown',
			'aws:Bogus/x',
			'/Statement/1/Condition/StringEquals/aws:Bogus~1x'
		]
	]);
});

it('points into a single-object Statement without an index', () => {
	const doc: PolicyDocument = {
		Statement: { Effect: 'Allow', Action: 'ec2:RunInstancez', Resource: '*' }
	};
	expect(catalog.lintPolicy(doc)).toMatchObject([
		{ pointer: '/Statement/Action', value: 'ec2:RunInstancez' }
	]);
});

it('accepts "*" and wildcard patterns that match something', () => {
	const doc: PolicyDocument = {
		Statement: [
			{ Effect: 'Allow', Action: ['*', 's3:*', 'ec2:Describe*', 'S3:GETOBJECT'], Resource: '*' }
		]
	};
	expect(catalog.lintPolicy(doc)).toEqual([]);
});
