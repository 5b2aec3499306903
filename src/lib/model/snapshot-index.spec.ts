import { describe, expect, it } from 'vitest';
import { indexSnapshot, orgPathOf } from './snapshot-index';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type Snapshot } from './snapshot';

const snap: Snapshot = {
	format: SNAPSHOT_FORMAT,
	version: SNAPSHOT_VERSION,
	meta: {
		name: 't',
		capturedAt: null,
		importedAt: '2026-01-01T00:00:00.000Z',
		sources: [],
		tool: 'test'
	},
	organization: {
		id: 'o-abc',
		arn: null,
		managementAccountId: '111111111111',
		featureSet: 'ALL',
		rootId: 'r-root',
		units: [
			{ id: 'r-root', kind: 'root', name: 'Root', arn: null, parentId: null },
			{ id: 'ou-a', kind: 'ou', name: 'A', arn: null, parentId: 'r-root' },
			{ id: 'ou-b', kind: 'ou', name: 'B', arn: null, parentId: 'ou-a' }
		],
		accounts: [
			{
				id: '222222222222',
				name: 'w',
				email: null,
				arn: null,
				parentId: 'ou-b',
				state: 'ACTIVE',
				joinedMethod: null,
				joinedTimestamp: null
			}
		],
		policies: []
	},
	accounts: [],
	notes: [],
	views: []
};

describe('orgPathOf', () => {
	it('walks from the root down to the account', () => {
		expect(orgPathOf(indexSnapshot(snap), '222222222222')).toEqual([
			'r-root',
			'ou-a',
			'ou-b',
			'222222222222'
		]);
	});
	it('is empty for an account outside the organization', () => {
		expect(orgPathOf(indexSnapshot(snap), '333333333333')).toEqual([]);
	});
});
