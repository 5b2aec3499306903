/**
 * Review evidence → each account's `evidence`: the credential report (CSV inside Content, base64
 * or plain, or a bare .csv), the account summary, the password policy (or the NoSuchEntity error
 * the collector records when the account has none), service last-accessed data (the get- file,
 * named by its job id, joined to the generate- file named by its principal's ARN) and the virtual
 * MFA devices. The account is the one the content names (row or principal ARNs), else the
 * `<account-id>/` folder, else the import's only account. Two files giving the same part of one
 * account differently contradict each other, as elsewhere. Returns the capture time: the latest
 * credential report GeneratedTime, or null.
 */
import type { AccountEvidence, PasswordPolicy, ServiceLastAccessed } from '../../model/evidence';
import { accountOfArn } from '../../model/ids';
import type { ShapedFile } from '../classify';
import { credentialReportText, parseCredentialReport } from '../decode/credential-report';
import { importError } from '../errors';
import type { ReadContext } from '../shapes/read-context';
import type { AccountSet } from './account-set';

/* eslint-disable @typescript-eslint/no-explicit-any -- values were validated against their schemas */
type Raw = any;

/** The shapes this module reads. */
export const EVIDENCE_SHAPES = new Set([
	'credential-report',
	'account-summary',
	'password-policy',
	'last-accessed-job',
	'last-accessed',
	'virtual-mfa'
]);

type Part = keyof AccountEvidence;

/** Fill the accounts' evidence from the evidence files; resolves to the capture time, if known. */
export function mergeEvidence(
	files: ShapedFile[],
	ctxOf: (f: ShapedFile) => ReadContext,
	accounts: AccountSet,
	singleAccount: string | null
): string | null {
	const given = new Map<string, { file: string; value: string }>();
	let capturedAt: string | null = null;
	const accountFor = (ctx: ReadContext, f: ShapedFile, named: string | null, pointer: string) => {
		const id = named ?? f.context.accountId ?? singleAccount;
		if (!id)
			ctx.error(
				'no-account',
				'Cannot tell which account this belongs to: put the file in an <account-id>/ folder.',
				pointer
			);
		return id;
	};
	const put = <P extends Part>(ctx: ReadContext, id: string, part: P, value: AccountEvidence[P]) => {
		const key = `${id}|${part}`;
		const text = JSON.stringify(value);
		const prior = given.get(key);
		if (prior && prior.value !== text) {
			ctx.errors.push(
				importError(
					ctx.shape,
					'conflict',
					`"${ctx.file}" and "${prior.file}" give different ${part} for account ${id}. Import one of them.`,
					{ file: ctx.file }
				)
			);
			return;
		}
		given.set(key, { file: ctx.file, value: text });
		accounts.account(id).evidence[part] = value;
	};
	const jobs = new Map<string, { arn: string; file: string }>();
	for (const f of files)
		if (f.shape.id === 'last-accessed-job') {
			const arn = f.context.parameter;
			if (!arn.startsWith('arn:'))
				ctxOf(f).error(
					'missing-principal',
					'Cannot tell whose last-accessed job this is: name the file after the principal ARN, URL-encoded.',
					''
				);
			else jobs.set((f.value as Raw).JobId, { arn, file: f.file });
		}
	const lastAccessed = new Map<string, ServiceLastAccessed[]>();
	for (const f of files) {
		const ctx = ctxOf(f);
		const v: Raw = f.value;
		switch (f.shape.id) {
			case 'credential-report': {
				const text = credentialReportText(v.Content);
				if (text === null) {
					ctx.error('bad-content', 'Content is neither CSV text nor base64-encoded CSV.', '/Content');
					break;
				}
				const parsed = parseCredentialReport(text);
				const pointer = f.file.toLowerCase().endsWith('.csv') ? undefined : '/Content';
				if (!parsed.ok) {
					ctx.errors.push(
						importError(
							'credential-report',
							'bad-csv',
							`The credential report cannot be read: line ${parsed.line} of its CSV: ${parsed.reason}.`,
							{ file: f.file, pointer, line: pointer ? undefined : parsed.line }
						)
					);
					break;
				}
				const ids = new Set(parsed.rows.flatMap((r) => accountOfArn(r.arn) ?? []));
				if (ids.size > 1) {
					ctx.error(
						'several-accounts',
						`The credential report lists users of ${ids.size} accounts (${[...ids].join(', ')}); a report covers one account.`,
						pointer
					);
					break;
				}
				const id = accountFor(ctx, f, [...ids][0] ?? null, pointer ?? '');
				const generatedTime = ctx.date(v.GeneratedTime, '/GeneratedTime');
				if (id) put(ctx, id, 'credentialReport', { generatedTime, rows: parsed.rows });
				if (generatedTime && (capturedAt === null || generatedTime > capturedAt))
					capturedAt = generatedTime;
				break;
			}
			case 'account-summary': {
				const id = accountFor(ctx, f, null, '');
				if (id) put(ctx, id, 'accountSummary', { summaryMap: { ...v.SummaryMap } });
				break;
			}
			case 'password-policy': {
				const id = accountFor(ctx, f, null, '');
				if (id) put(ctx, id, 'passwordPolicy', passwordPolicyOf(v.PasswordPolicy));
				break;
			}
			case 'virtual-mfa': {
				const devices = (v.VirtualMFADevices as Raw[]).map((d, i) => ({
					serialNumber: d.SerialNumber as string,
					userArn: (d.User?.Arn as string | undefined) ?? null,
					enableDate: ctx.date(d.EnableDate, `/VirtualMFADevices/${i}/EnableDate`)
				}));
				const named = devices.map((d) => accountOfArn(d.serialNumber)).find((a) => a) ?? null;
				const id = accountFor(ctx, f, named, '');
				if (id) put(ctx, id, 'virtualMfaDevices', devices);
				break;
			}
			case 'last-accessed': {
				const jobId = f.context.parameter;
				const job = jobs.get(jobId);
				if (!job) {
					ctx.warn(
						'no-principal',
						`No iam-generate-service-last-accessed-details file gives job ${jobId}, so it is not known whose last-accessed data this is; skipped.`,
						''
					);
					break;
				}
				if (v.JobStatus !== 'COMPLETED') {
					ctx.warn(
						'not-completed',
						`The last-accessed job for ${job.arn} had not completed (${v.JobStatus}); skipped.`,
						'/JobStatus'
					);
					break;
				}
				const id = accountFor(ctx, f, accountOfArn(job.arn), '');
				if (!id) break;
				const entry: ServiceLastAccessed = {
					arn: job.arn,
					jobId,
					jobCompletionDate: ctx.date(v.JobCompletionDate, '/JobCompletionDate'),
					services: (v.ServicesLastAccessed as Raw[]).map((s, i) => ({
						namespace: s.ServiceNamespace,
						name: s.ServiceName ?? s.ServiceNamespace,
						lastAuthenticated: ctx.date(s.LastAuthenticated, `/ServicesLastAccessed/${i}/LastAuthenticated`),
						lastAuthenticatedEntity: s.LastAuthenticatedEntity ?? null,
						lastAuthenticatedRegion: s.LastAuthenticatedRegion ?? null,
						totalAuthenticatedEntities: s.TotalAuthenticatedEntities ?? null
					}))
				};
				const list = lastAccessed.get(id) ?? [];
				if (!list.some((e) => e.arn === entry.arn)) list.push(entry);
				else
					ctx.warn(
						'duplicate',
						`A second last-accessed report for ${entry.arn} was given; the first one read is kept.`,
						''
					);
				lastAccessed.set(id, list);
				break;
			}
		}
	}
	for (const [id, list] of lastAccessed)
		accounts.account(id).evidence.serviceLastAccessed = list.sort((a, b) =>
			a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0
		);
	return capturedAt;
}

/** get-account-password-policy's PasswordPolicy (absent: the NoSuchEntity answer) → the model. */
function passwordPolicyOf(p: Raw | undefined): PasswordPolicy {
	const n = (v: unknown) => (typeof v === 'number' ? v : null);
	const b = (v: unknown) => (typeof v === 'boolean' ? v : null);
	return {
		set: p !== undefined,
		minimumPasswordLength: n(p?.MinimumPasswordLength),
		requireSymbols: b(p?.RequireSymbols),
		requireNumbers: b(p?.RequireNumbers),
		requireUppercaseCharacters: b(p?.RequireUppercaseCharacters),
		requireLowercaseCharacters: b(p?.RequireLowercaseCharacters),
		allowUsersToChangePassword: b(p?.AllowUsersToChangePassword),
		expirePasswords: b(p?.ExpirePasswords),
		maxPasswordAge: n(p?.MaxPasswordAge),
		passwordReusePrevention: n(p?.PasswordReusePrevention),
		hardExpiry: b(p?.HardExpiry)
	};
}
