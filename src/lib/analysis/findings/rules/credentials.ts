/**
 * Rules over the credential report and the account summary (CIS AWS Foundations benchmark
 * section 1; IAM security best practices): the root user's keys, MFA and recent use, console
 * users without MFA, keys not rotated, unused credentials, and a weak or missing password policy.
 * Ages are whole days before the capture time (context.ts); the threshold is 90 days.
 */
import type { CredentialReportRow } from '../../../model/evidence';
import type { Account } from '../../../model/snapshot';
import { daysSince } from '../context';
import type { Finding, FindingRule, FindingsContext, Severity } from '../types';

/** Days after which a credential counts as old or unused. */
export const MAX_AGE_DAYS = 90;
const ROOT = '<root_account>';

const rootArn = (a: Account) => `arn:aws:iam::${a.id}:root`;
const rowsOf = (a: Account) => a.evidence.credentialReport?.rows ?? [];
const rootRow = (a: Account) => rowsOf(a).find((r) => r.user === ROOT);
const userRows = (a: Account) => rowsOf(a).filter((r) => r.user !== ROOT);

/** The model's node for a report row: the user of that name in the account (sanitised ARNs differ). */
const userTarget = (a: Account, row: CredentialReportRow) =>
	a.users.find((u) => u.arn === row.arn || u.name === row.user)?.arn ?? null;

const finding = (
	rule: string,
	severity: Severity,
	account: Account,
	subject: string,
	title: string,
	evidence: Record<string, unknown>,
	graphTarget: string | null
): Finding => ({ rule, severity, subject, title, evidence, graphTarget, account: account.id });

/** Run `each` over every account. */
const perAccount = (
	id: string,
	each: (a: Account, ctx: FindingsContext) => Finding[]
): FindingRule => ({
	id,
	run: (ctx) => ctx.snapshot.accounts.flatMap((a) => each(a, ctx))
});

/** root-access-key: the root user has an active access key (CIS 1.4). */
export const rootAccessKey = perAccount('root-access-key', (a) => {
	const row = rootRow(a);
	const summary = a.evidence.accountSummary?.summaryMap.AccountAccessKeysPresent;
	const active = row ? row.accessKeys.some((k) => k.active) : summary !== undefined && summary > 0;
	if (!active) return [];
	const evidence = row
		? { credentialReportRow: row }
		: { accountSummary: { AccountAccessKeysPresent: summary } };
	return [
		finding(
			'root-access-key',
			'critical',
			a,
			rootArn(a),
			`The root user of account ${a.id} has an active access key`,
			evidence,
			a.id
		)
	];
});

/** root-no-mfa: the root user has no MFA device (CIS 1.5). */
export const rootNoMfa = perAccount('root-no-mfa', (a) => {
	const row = rootRow(a);
	const summary = a.evidence.accountSummary?.summaryMap.AccountMFAEnabled;
	const noMfa = row ? !row.mfaActive : summary === 0;
	if (!noMfa) return [];
	const evidence = row
		? { credentialReportRow: row }
		: { accountSummary: { AccountMFAEnabled: summary } };
	return [
		finding(
			'root-no-mfa',
			'critical',
			a,
			rootArn(a),
			`The root user of account ${a.id} has no MFA`,
			evidence,
			a.id
		)
	];
});

/** root-recently-used: the root password or a root key was used within 90 days of capture (CIS 1.7). */
export const rootRecentlyUsed = perAccount('root-recently-used', (a, ctx) => {
	const row = rootRow(a);
	if (!row) return [];
	const now = ctx.now(a);
	const uses = [
		{ credential: 'password', date: row.passwordLastUsed },
		...row.accessKeys.map((k, i) => ({ credential: `access key ${i + 1}`, date: k.lastUsedDate }))
	]
		.map((u) => ({ ...u, daysAgo: daysSince(u.date, now) }))
		.filter((u) => u.daysAgo !== null && u.daysAgo <= MAX_AGE_DAYS);
	if (uses.length === 0) return [];
	const last = uses.reduce((x, y) => (y.daysAgo! < x.daysAgo! ? y : x));
	return [
		finding(
			'root-recently-used',
			'high',
			a,
			rootArn(a),
			`The root user of account ${a.id} was used ${last.daysAgo} days before capture (${last.credential})`,
			{ credentialReportRow: row, uses },
			a.id
		)
	];
});

/** user-console-without-mfa: a user with a console password and no MFA (CIS 1.10). */
export const userConsoleWithoutMfa = perAccount('user-console-without-mfa', (a) =>
	userRows(a)
		.filter((r) => r.passwordEnabled === true && !r.mfaActive)
		.map((r) =>
			finding(
				'user-console-without-mfa',
				'high',
				a,
				r.arn,
				`${r.user} can sign in to the console without MFA`,
				{ credentialReportRow: r },
				userTarget(a, r)
			)
		)
);

/** access-key-not-rotated: an active key older than 90 days (CIS 1.14). Root keys are root-access-key's. */
export const accessKeyNotRotated = perAccount('access-key-not-rotated', (a, ctx) => {
	const now = ctx.now(a);
	return userRows(a).flatMap((r) => {
		const keys = r.accessKeys
			.map((k, i) => ({
				key: i + 1,
				lastRotated: k.lastRotated,
				active: k.active,
				ageDays: daysSince(k.lastRotated, now)
			}))
			.filter((k) => k.active && k.ageDays !== null && k.ageDays > MAX_AGE_DAYS);
		if (keys.length === 0) return [];
		const oldest = Math.max(...keys.map((k) => k.ageDays!));
		return [
			finding(
				'access-key-not-rotated',
				'medium',
				a,
				r.arn,
				`${r.user} has an active access key last rotated ${oldest} days before capture`,
				{ credentialReportRow: r, keys },
				userTarget(a, r)
			)
		];
	});
});

/**
 * credential-unused: an active password or key not used in 90 days, or never used (CIS 1.12).
 * A never-used credential issued less than 90 days before capture is reported at `low`.
 */
export const credentialUnused = perAccount('credential-unused', (a, ctx) => {
	const now = ctx.now(a);
	return userRows(a).flatMap((r) => {
		const unused: {
			credential: string;
			lastUsed: string;
			daysUnused: number | null;
			issuedDaysAgo: number | null;
		}[] = [];
		const check = (credential: string, lastUsed: string, issued: string) => {
			const daysUnused = daysSince(lastUsed, now);
			if (
				daysUnused !== null
					? daysUnused > MAX_AGE_DAYS
					: lastUsed === 'N/A' || lastUsed === 'no_information'
			)
				unused.push({ credential, lastUsed, daysUnused, issuedDaysAgo: daysSince(issued, now) });
		};
		if (r.passwordEnabled === true)
			check(
				'password',
				r.passwordLastUsed,
				r.passwordLastChanged !== 'N/A' ? r.passwordLastChanged : r.userCreationTime
			);
		r.accessKeys.forEach((k, i) => {
			if (k.active) check(`access key ${i + 1}`, k.lastUsedDate, k.lastRotated);
		});
		if (unused.length === 0) return [];
		const recent = unused.every(
			(u) => u.daysUnused === null && u.issuedDaysAgo !== null && u.issuedDaysAgo < MAX_AGE_DAYS
		);
		const words = unused
			.map((u) =>
				u.daysUnused === null
					? `${u.credential} never used`
					: `${u.credential} unused for ${u.daysUnused} days`
			)
			.join(', ');
		return [
			finding(
				'credential-unused',
				recent ? 'low' : 'medium',
				a,
				r.arn,
				`${r.user}: ${words}`,
				{ credentialReportRow: r, unused },
				userTarget(a, r)
			)
		];
	});
});

/** CIS AWS Foundations benchmark 1.8 and 1.9: minimum length and remembered passwords. */
export const CIS_MIN_LENGTH = 14;
export const CIS_REUSE_PREVENTION = 24;

/** password-policy-weak: no password policy, or one weaker than CIS, in an account with console users. */
export const passwordPolicyWeak = perAccount('password-policy-weak', (a) => {
	const policy = a.evidence.passwordPolicy;
	const consoleUsers = userRows(a)
		.filter((r) => r.passwordEnabled === true)
		.map((r) => r.user);
	if (!policy || consoleUsers.length === 0) return [];
	const problems: string[] = [];
	if (!policy.set) problems.push('no password policy is set');
	else {
		if ((policy.minimumPasswordLength ?? 0) < CIS_MIN_LENGTH)
			problems.push(
				`minimum length ${policy.minimumPasswordLength ?? 'unset'} (CIS asks ${CIS_MIN_LENGTH})`
			);
		if ((policy.passwordReusePrevention ?? 0) < CIS_REUSE_PREVENTION)
			problems.push(
				`remembers ${policy.passwordReusePrevention ?? 0} passwords (CIS asks ${CIS_REUSE_PREVENTION})`
			);
	}
	if (problems.length === 0) return [];
	return [
		finding(
			'password-policy-weak',
			policy.set ? 'medium' : 'high',
			a,
			a.id,
			`Account ${a.id}: ${problems.join('; ')}`,
			{ passwordPolicy: policy, consoleUsers, problems },
			a.id
		)
	];
});

/** Every credential rule. */
export const CREDENTIAL_RULES: FindingRule[] = [
	rootAccessKey,
	rootNoMfa,
	rootRecentlyUsed,
	userConsoleWithoutMfa,
	accessKeyNotRotated,
	credentialUnused,
	passwordPolicyWeak
];
