/**
 * Assembles the whole demo collection — organizations files plus each account's GAAD and
 * resource files — as collection path → file text, formatted the way AWS CLI v2 prints JSON
 * (4-space indentation, trailing newline). write-collection.ts writes it to ../collection.
 */
import { ACCOUNTS } from './constants';
import { CORE_BANKING_IAM } from './core-banking';
import { CORE_BANKING_RESOURCES } from './core-banking-resources';
import type { AccountIam } from './gaad-builder';
import { buildGaad } from './gaad-builder';
import { organizationFiles } from './organization-files';
import {
	DEVELOPMENT_IAM,
	DEVELOPMENT_RESOURCES,
	FINANCE_IAM,
	HR_IAM,
	HR_RESOURCES,
	IT_IAM,
	LEGAL_IAM,
	LOANS_IAM,
	LOANS_RESOURCES,
	MANAGEMENT_IAM
} from './other-accounts';
import type { ResourceSpec } from './resource-files';
import { resourceFiles } from './resource-files';
import { AUDIT_IAM, LOG_ARCHIVE_IAM, LOG_ARCHIVE_RESOURCES } from './security-accounts';

/** Every account's IAM and resources. */
const ACCOUNT_DATA: Array<{ id: string; iam: AccountIam; resources?: ResourceSpec[] }> = [
	{ id: ACCOUNTS.management, iam: MANAGEMENT_IAM },
	{ id: ACCOUNTS.audit, iam: AUDIT_IAM },
	{ id: ACCOUNTS.logArchive, iam: LOG_ARCHIVE_IAM, resources: LOG_ARCHIVE_RESOURCES },
	{ id: ACCOUNTS.coreBanking, iam: CORE_BANKING_IAM, resources: CORE_BANKING_RESOURCES },
	{ id: ACCOUNTS.loans, iam: LOANS_IAM, resources: LOANS_RESOURCES },
	{ id: ACCOUNTS.development, iam: DEVELOPMENT_IAM, resources: DEVELOPMENT_RESOURCES },
	{ id: ACCOUNTS.hr, iam: HR_IAM, resources: HR_RESOURCES },
	{ id: ACCOUNTS.legal, iam: LEGAL_IAM },
	{ id: ACCOUNTS.finance, iam: FINANCE_IAM },
	{ id: ACCOUNTS.it, iam: IT_IAM }
];

/** The demo collection: path relative to the collection root → file text, sorted by path. */
export function buildDemoCollection(): Record<string, string> {
	const objects: Record<string, unknown> = { ...organizationFiles() };
	for (const account of ACCOUNT_DATA) {
		objects[`${account.id}/iam-get-account-authorization-details.json`] = buildGaad(
			account.id,
			account.iam
		);
		Object.assign(objects, resourceFiles(account.id, account.resources ?? []));
	}
	const files: Record<string, string> = {};
	for (const path of Object.keys(objects).sort())
		files[path] = JSON.stringify(objects[path], null, 4) + '\n';
	return files;
}
