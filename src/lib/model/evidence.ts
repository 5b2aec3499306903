/**
 * The review evidence an account's collection may carry beside its IAM data: the credential
 * report, the account summary, the password policy, service last-accessed data and the virtual
 * MFA devices. Each part is null when it was not collected, so "not collected" never reads as
 * "nothing to report".
 */

/**
 * A credential-report date column: an ISO 8601 UTC date, or one of the report's markers —
 * `N/A` (never, or not applicable), `no_information` (not used since IAM began tracking in 2014)
 * and `not_supported` (the root user's password columns).
 */
export type ReportDate = string;

/** One access key's columns of a credential-report row. */
export interface ReportAccessKey {
	active: boolean;
	lastRotated: ReportDate;
	lastUsedDate: ReportDate;
	/** null when the report says N/A. */
	lastUsedRegion: string | null;
	lastUsedService: string | null;
}

/** One row of the credential report: a user, or the root user (`user` = `<root_account>`). */
export interface CredentialReportRow {
	user: string;
	arn: string;
	userCreationTime: ReportDate;
	/** null when the report says not_supported (the root user). */
	passwordEnabled: boolean | null;
	passwordLastUsed: ReportDate;
	passwordLastChanged: ReportDate;
	passwordNextRotation: ReportDate;
	mfaActive: boolean;
	accessKeys: ReportAccessKey[];
	certificates: { active: boolean; lastRotated: ReportDate }[];
}

/** `iam get-credential-report`, decoded and parsed. */
export interface CredentialReport {
	/** When AWS generated the report (ISO UTC); null for a bare CSV. */
	generatedTime: string | null;
	rows: CredentialReportRow[];
}

/** `iam get-account-summary`: the SummaryMap as AWS gives it (AccountMFAEnabled, AccountAccessKeysPresent, …). */
export interface AccountSummary {
	summaryMap: Record<string, number>;
}

/**
 * `iam get-account-password-policy`. `set: false` records the NoSuchEntity answer (the account
 * has no password policy); every other field is then null.
 */
export interface PasswordPolicy {
	set: boolean;
	minimumPasswordLength: number | null;
	requireSymbols: boolean | null;
	requireNumbers: boolean | null;
	requireUppercaseCharacters: boolean | null;
	requireLowercaseCharacters: boolean | null;
	allowUsersToChangePassword: boolean | null;
	expirePasswords: boolean | null;
	maxPasswordAge: number | null;
	passwordReusePrevention: number | null;
	hardExpiry: boolean | null;
}

/** One service of a last-accessed report. */
export interface ServiceAccess {
	namespace: string;
	name: string;
	/** ISO UTC; null when never authenticated in the tracking period. */
	lastAuthenticated: string | null;
	lastAuthenticatedEntity: string | null;
	lastAuthenticatedRegion: string | null;
	totalAuthenticatedEntities: number | null;
}

/** generate- + get-service-last-accessed-details for one principal (user, group, role or policy ARN). */
export interface ServiceLastAccessed {
	arn: string;
	jobId: string;
	jobCompletionDate: string | null;
	services: ServiceAccess[];
}

/** One entry of `iam list-virtual-mfa-devices`. */
export interface VirtualMfaDevice {
	serialNumber: string;
	/** The user (or root) it is assigned to; null when unassigned. */
	userArn: string | null;
	enableDate: string | null;
}

/** Everything an account's collection says beyond GAAD; each part null when not collected. */
export interface AccountEvidence {
	credentialReport: CredentialReport | null;
	accountSummary: AccountSummary | null;
	passwordPolicy: PasswordPolicy | null;
	/** Sorted by principal ARN. */
	serviceLastAccessed: ServiceLastAccessed[] | null;
	virtualMfaDevices: VirtualMfaDevice[] | null;
}

/** Evidence with nothing collected. */
export const noEvidence = (): AccountEvidence => ({
	credentialReport: null,
	accountSummary: null,
	passwordPolicy: null,
	serviceLastAccessed: null,
	virtualMfaDevices: null
});
