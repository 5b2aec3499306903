/**
 * The collector's README says AWS's SecurityAudit managed policy grants every action the collector
 * calls (but sts:AssumeRole) and ViewOnlyAccess does not: checked here against the AWS managed
 * policies of ../shared/corpus/managed-policies and collector/collector-policy.json.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../..');
const corpus = resolve(repoRoot, '../shared/corpus');

interface Statement {
	Effect: string;
	Action?: string | string[];
}
const managed = JSON.parse(
	readFileSync(join(corpus, 'managed-policies', 'aws-managed-latest.json'), 'utf8')
) as {
	name: string;
	document: { Statement: Statement | Statement[] };
}[];
const needed = (
	JSON.parse(readFileSync(join(repoRoot, 'collector', 'collector-policy.json'), 'utf8'))
		.Statement as Statement[]
)
	.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action ?? '']))
	.filter((a) => a !== 'sts:AssumeRole');

/** The actions of `needed` that the managed policy's Allow statements do not grant. */
function missing(name: string): string[] {
	const policy = managed.find((p) => p.name === name);
	if (!policy) throw new Error(`${name} is not in the corpus`);
	const statements = [policy.document.Statement].flat().filter((s) => s.Effect === 'Allow');
	const patterns = statements
		.flatMap((s) => [s.Action ?? []].flat())
		.map(
			(p) =>
				new RegExp(
					`^${p
						.replace(/[.+^${}()|[\]\\]/g, '\\$&')
						.replace(/\*/g, '.*')
						.replace(/\?/g, '.')}$`,
					'i'
				)
		);
	return needed.filter((a) => !patterns.some((re) => re.test(a)));
}

describe('the collector permissions and the AWS managed policies', () => {
	it('SecurityAudit grants every action the collector calls, but sts:AssumeRole', () => {
		expect(needed.length).toBeGreaterThan(40);
		expect(missing('SecurityAudit')).toEqual([]);
	});

	it('ViewOnlyAccess does not (no GAAD, no resource policies)', () => {
		expect(missing('ViewOnlyAccess')).toEqual(
			expect.arrayContaining([
				'iam:GetAccountAuthorizationDetails',
				's3:GetBucketPolicy',
				'kms:GetKeyPolicy'
			])
		);
	});
});
