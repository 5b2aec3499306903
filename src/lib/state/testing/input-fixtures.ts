/** Small import inputs for the state classes' tests: a one-user GAAD and a broken JSON file. */
import type { InputFile } from '../../import/import-files';

const encode = (text: string) => new TextEncoder().encode(text);

/** A GAAD file for `accountId` holding one user per name, at `<folder>/<accountId>/…`. */
export function gaadFile(folder: string, accountId: string, userNames: string[]): InputFile {
	const users = userNames.map((name) => ({
		UserName: name,
		UserId: `AIDA${name.toUpperCase().padEnd(17, 'X')}`.slice(0, 21),
		Arn: `arn:aws:iam::${accountId}:user/${name}`,
		Path: '/',
		CreateDate: '2024-01-01T00:00:00Z',
		GroupList: [],
		AttachedManagedPolicies: [],
		UserPolicyList: [],
		Tags: []
	}));
	const gaad = { UserDetailList: users, GroupDetailList: [], RoleDetailList: [], Policies: [] };
	return {
		path: `${folder}/${accountId}/iam-get-account-authorization-details.json`,
		bytes: encode(JSON.stringify(gaad))
	};
}

/** A file whose JSON stops half-way. */
export const truncatedFile = (path = 'broken.json'): InputFile => ({
	path,
	bytes: encode('{"UserDetailList": [')
});
