import { describe, expect, it } from 'vitest';
import type { Account } from '../model/snapshot';
import { defaultSnapshotName } from './default-name';

const account = (id: string) => ({ id }) as Account;
const org = { id: 'o-abc123' } as Parameters<typeof defaultSnapshotName>[1]['organization'];

describe('defaultSnapshotName', () => {
	const cases: Array<[string, string[], Parameters<typeof defaultSnapshotName>[1], string]> = [
		[
			'a collection folder: its name',
			[
				'acme-2026/111111111111/iam-get-account-authorization-details.json',
				'acme-2026/organizations-list-roots.json'
			],
			{ organization: org, accounts: [account('111111111111')] },
			'acme-2026'
		],
		[
			'a folder holding one file: the folder name',
			['small-org/333333333333/iam-get-account-authorization-details.json'],
			{ organization: null, accounts: [account('333333333333')] },
			'small-org'
		],
		[
			'a .zip: its name without .zip',
			['acme export.zip'],
			{ organization: null, accounts: [account('111111111111')] },
			'acme export'
		],
		[
			'one loose file: its name without .json',
			['gaad.json'],
			{ organization: null, accounts: [account('111111111111')] },
			'gaad'
		],
		[
			'loose files of an organization: the org id and the count',
			['roots.json', 'ous.json', 'scp.json'],
			{ organization: org, accounts: [] },
			'o-abc123 (3 files)'
		],
		[
			'loose files of one account: the account id and the count',
			['a.json', 'b.json'],
			{ organization: null, accounts: [account('222222222222')] },
			'222222222222 (2 files)'
		],
		[
			'loose files of several accounts: how many',
			['a.json', 'b.json.txt'],
			{ organization: null, accounts: [account('1'), account('2')] },
			'2 accounts (2 files)'
		],
		[
			'several zips: never the first zip name',
			['one.zip', 'two.zip'],
			{ organization: org, accounts: [] },
			'o-abc123 (2 files)'
		],
		['nothing', [], { organization: null, accounts: [] }, 'import']
	];
	for (const [what, paths, read, want] of cases)
		it(what, () => {
			expect(defaultSnapshotName(paths, read)).toBe(want);
		});
});
