/**
 * `aws iam get-role` files next to a GAAD. Rule: the GAAD wins. When a get-role file
 * disagrees with the GAAD about the same role (trust policy, path), a warning names both
 * files and the GAAD's version is kept; fields GAAD never carries (Description,
 * MaxSessionDuration) are taken from get-role. A role no GAAD lists is added from get-role, with a
 * warning that its permission policies are unknown.
 */
import type { Role } from '../../model/snapshot';
import { accountOfArn } from '../../model/ids';
import type { AccountSet } from './account-set';
import type { ReadContext } from '../shapes/read-context';
import { readRole } from '../shapes/gaad';
import type { IamGetRole } from '../schemas/iam-get-role.validate.js';

/** Merge one validated get-role output into the accounts. */
export function mergeGetRole(ctx: ReadContext, value: IamGetRole, folderAccount: string | null, accounts: AccountSet, singleAccount: string | null): void {
	const role = readRole(ctx, value.Role, '/Role');
	const accountId = accountOfArn(role.arn) ?? folderAccount ?? singleAccount;
	if (!accountId) {
		ctx.error('no-account', `Cannot tell which account the role ${role.arn} belongs to.`, '/Role/Arn');
		return;
	}
	// Role names are unique in an account; match by name, since sanitised files may differ in path.
	const prior = accounts.roleByName(accountId, role.name);
	if (!prior) {
		accounts.add(accountId, 'roles', role, ctx.file, 'get-role');
		ctx.warn(
			'role-without-policies',
			`No GAAD lists the role ${role.name}, so it was added from get-role alone: its trust policy is known but its permission policies are not.`,
			'/Role'
		);
		return;
	}
	const known = prior.entity as Role;
	const differs: string[] = [];
	if (JSON.stringify(known.trustPolicy) !== JSON.stringify(role.trustPolicy)) differs.push('trust policy');
	if (known.path !== role.path || known.arn !== role.arn) differs.push('path');
	if (differs.length > 0)
		ctx.warn(
			'conflicts-with-gaad',
			`This get-role output disagrees with "${prior.file}" about the role ${role.name} (${differs.join(', ')}); the GAAD's version is kept.`,
			'/Role'
		);
	if (known.description === null && role.description !== null) known.description = role.description;
	if (known.maxSessionDuration === null && role.maxSessionDuration !== null) known.maxSessionDuration = role.maxSessionDuration;
}
