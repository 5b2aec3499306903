/**
 * The demo bank's organization tree: the root, its OUs and where each account sits, with the
 * names, e-mail addresses and join dates that `list-accounts-for-parent` reports.
 */
import { ACCOUNTS, OUS, ROOT_ID } from './constants';

/** An OU with its parent. */
export interface OuSpec {
	id: string;
	name: string;
	parent: string;
}

/** An account with its parent and the fields Organizations reports. */
export interface AccountSpec {
	id: string;
	name: string;
	parent: string;
	joinedMethod: 'INVITED' | 'CREATED';
	joined: string;
}

/** The OUs, parents first. */
export const OU_TREE: OuSpec[] = [
	{ id: OUS.security, name: 'Security', parent: ROOT_ID },
	{ id: OUS.workloads, name: 'Workloads', parent: ROOT_ID },
	{ id: OUS.prod, name: 'Prod', parent: OUS.workloads },
	{ id: OUS.nonProd, name: 'NonProd', parent: OUS.workloads },
	{ id: OUS.regulated, name: 'Regulated', parent: ROOT_ID }
];

/** The accounts, management account first. */
export const ACCOUNT_TREE: AccountSpec[] = [
	{
		id: ACCOUNTS.management,
		name: 'meridian-management',
		parent: ROOT_ID,
		joinedMethod: 'INVITED',
		joined: '2021-02-15T09:12:44.318000+00:00'
	},
	{
		id: ACCOUNTS.audit,
		name: 'security-audit',
		parent: OUS.security,
		joinedMethod: 'CREATED',
		joined: '2021-02-15T10:03:21.775000+00:00'
	},
	{
		id: ACCOUNTS.logArchive,
		name: 'log-archive',
		parent: OUS.security,
		joinedMethod: 'CREATED',
		joined: '2021-02-15T10:05:57.102000+00:00'
	},
	{
		id: ACCOUNTS.coreBanking,
		name: 'core-banking-prod',
		parent: OUS.prod,
		joinedMethod: 'CREATED',
		joined: '2021-03-02T14:27:08.640000+00:00'
	},
	{
		id: ACCOUNTS.loans,
		name: 'loans-prod',
		parent: OUS.prod,
		joinedMethod: 'CREATED',
		joined: '2021-03-02T14:31:40.219000+00:00'
	},
	{
		id: ACCOUNTS.development,
		name: 'development',
		parent: OUS.nonProd,
		joinedMethod: 'CREATED',
		joined: '2021-03-09T08:55:13.004000+00:00'
	},
	{
		id: ACCOUNTS.hr,
		name: 'hr-systems',
		parent: OUS.regulated,
		joinedMethod: 'CREATED',
		joined: '2022-01-18T11:40:29.881000+00:00'
	},
	{
		id: ACCOUNTS.legal,
		name: 'legal',
		parent: OUS.regulated,
		joinedMethod: 'CREATED',
		joined: '2022-01-18T11:44:02.537000+00:00'
	},
	{
		id: ACCOUNTS.finance,
		name: 'finance',
		parent: ROOT_ID,
		joinedMethod: 'INVITED',
		joined: '2021-06-30T16:20:51.913000+00:00'
	},
	{
		id: ACCOUNTS.it,
		name: 'it-shared-services',
		parent: ROOT_ID,
		joinedMethod: 'CREATED',
		joined: '2021-04-12T07:48:36.456000+00:00'
	}
];

/** The e-mail address of an account's root user. */
export const accountEmail = (name: string): string => `aws+${name}@meridianbank.example`;
