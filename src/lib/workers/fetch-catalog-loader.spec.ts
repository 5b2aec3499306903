import { expect, it } from 'vitest';
import { ActionCatalog } from '../engine/catalog/action-catalog';
import {
	CATALOG_FORMAT,
	type CatalogIndex,
	type ServiceCatalog
} from '../engine/catalog/catalog-data';
import { fetchCatalogLoader } from './fetch-catalog-loader';

const index: CatalogIndex = {
	format: CATALOG_FORMAT,
	source: 'test',
	services: { s3: 'Amazon S3', ec2: 'Amazon EC2' },
	rcpServices: ['s3'],
	globalConditionKeys: ['aws:PrincipalTag/${TagKey}'],
	conditionKeyServices: { s3: ['s3'] },
	variablePrefixKeys: [],
	arnServices: { s3: ['s3'] }
};
const s3: ServiceCatalog = {
	format: CATALOG_FORMAT,
	prefix: 's3',
	name: 'Amazon S3',
	resourceTypes: [['bucket', 'arn:${Partition}:s3:::${BucketName}']],
	conditionKeys: ['s3:prefix'],
	actions: [
		['GetBucketPolicy', 'R', [0], []],
		['ListBucket', 'L', [0], [0]]
	]
};

function fakeFetch(files: Record<string, unknown>, log: string[]): typeof fetch {
	return (async (url: string) => {
		log.push(url);
		const body = files[url];
		return {
			ok: body !== undefined,
			status: body === undefined ? 404 : 200,
			json: async () => body
		} as Response;
	}) as unknown as typeof fetch;
}

it('fetches the index, then each service once, lazily', async () => {
	const log: string[] = [];
	const loader = fetchCatalogLoader(
		'/catalog',
		fakeFetch({ '/catalog/index.json': index, '/catalog/s3.json': s3 }, log)
	);
	const catalog = await ActionCatalog.open(loader);
	expect(log).toEqual(['/catalog/index.json']);
	expect(() => catalog.isKnownAction('s3:ListBucket')).toThrow(/not loaded/);
	await catalog.ensure(['s3', 'S3', 'nosuch']);
	await catalog.ensureForArn('arn:aws:s3:::b');
	expect(log).toEqual(['/catalog/index.json', '/catalog/s3.json']);
	expect(catalog.isKnownAction('s3:listbucket')).toBe(true);
	expect(catalog.actionsForResource('arn:aws:s3:::b')?.levels).toMatchObject({
		List: ['s3:ListBucket'],
		Read: ['s3:GetBucketPolicy']
	});
});

it('treats a missing service file as an unknown service and a failed index as an error', async () => {
	const log: string[] = [];
	const catalog = await ActionCatalog.open(
		fetchCatalogLoader('/catalog', fakeFetch({ '/catalog/index.json': index }, log))
	);
	await catalog.ensure(['ec2']);
	expect(catalog.isKnownAction('ec2:RunInstances')).toBe(false);
	await expect(ActionCatalog.open(fetchCatalogLoader('/x', fakeFetch({}, [])))).rejects.toThrow(
		/404/
	);
});
