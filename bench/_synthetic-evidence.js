/**
 * Review evidence for the synthetic organization (bench only): a credential report row per user and
 * the root row, an account summary, a password policy, and last-accessed data for every role (5
 * services), so the credential and last-accessed findings rules have work to do. Needs tsx registered.
 */
const { makeCredentialReportRow, makePasswordPolicy } =
	await import('../src/lib/testing/builders.ts');

/** Give every account of `snapshot` evidence (in place); returns the number of credential-report rows. */
export function withReviewEvidence(snapshot) {
	let rows = 0;
	const day = (n) => new Date(Date.parse('2026-01-01T00:00:00Z') - n * 86400000).toISOString();
	for (const a of snapshot.accounts) {
		const report = [
			makeCredentialReportRow({
				user: '<root_account>',
				arn: `arn:aws:iam::${a.id}:root`,
				passwordEnabled: null,
				passwordLastUsed: day(3)
			})
		];
		a.users.forEach((u, i) =>
			report.push(
				makeCredentialReportRow({
					user: u.name,
					arn: u.arn,
					mfaActive: i % 3 !== 0,
					passwordLastUsed: i % 5 === 0 ? 'N/A' : day(i % 200),
					accessKeys: [
						{
							active: true,
							lastRotated: day(i % 400),
							lastUsedDate: i % 4 ? day(i % 150) : 'N/A',
							lastUsedRegion: null,
							lastUsedService: null
						},
						{
							active: false,
							lastRotated: 'N/A',
							lastUsedDate: 'N/A',
							lastUsedRegion: null,
							lastUsedService: null
						}
					]
				})
			)
		);
		rows += report.length;
		a.evidence = {
			credentialReport: { generatedTime: '2026-01-01T00:00:00.000Z', rows: report },
			accountSummary: { summaryMap: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 } },
			passwordPolicy: makePasswordPolicy({ minimumPasswordLength: a.id.endsWith('0') ? 8 : 14 }),
			serviceLastAccessed: a.roles.map((r, i) => ({
				arn: r.arn,
				jobId: `job-${i}`,
				jobCompletionDate: '2026-01-01T00:00:00.000Z',
				services: ['s3', 'sqs', 'kms', 'dynamodb', 'lambda'].map((ns, k) => ({
					namespace: ns,
					name: ns,
					lastAuthenticated: (i + k) % 3 ? day((i * 7 + k * 40) % 300) : null,
					lastAuthenticatedEntity: null,
					lastAuthenticatedRegion: null,
					totalAuthenticatedEntities: null
				}))
			})),
			virtualMfaDevices: []
		};
	}
	return rows;
}
