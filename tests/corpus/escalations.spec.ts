/**
 * Escalation analysis on the public GAADs of ../shared/corpus/gaad (cloudsplaining's examples; its
 * example.json holds a privilege-escalation lab: privesc1…21, fn* false-negative and fp*
 * false-positive cases). Asserts what the analysis finds — status and the first path's techniques
 * — per lab principal, the status counts per file, and that one-principal answers agree with the
 * whole-snapshot run. Where we judge a principal differently from the lab's naming, the reason is
 * in docs/adr/0011-administrators-and-escalation.md ("The cloudsplaining lab").
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createEscalation } from '../../src/lib/analysis/escalation/escalation';
import { importFiles } from '../../src/lib/import/import-files';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// ../shared beside the repository (a worktree sits one level deeper, under wt/)
const dir = [
	resolve(repo, '../shared/corpus/gaad/cloudsplaining'),
	resolve(repo, '../../shared/corpus/gaad/cloudsplaining')
].find((d) => existsSync(d))!;
const NOW = '2026-06-01T00:00:00Z';

function analyse(file: string) {
	const outcome = importFiles(
		[{ path: file, bytes: new Uint8Array(readFileSync(join(dir, file))) }],
		{ name: file, now: '2026-01-01T00:00:00Z' }
	);
	if (!outcome.ok) throw new Error(`${file}: ${outcome.errors.map((e) => e.message).join('; ')}`);
	const esc = createEscalation(outcome.snapshot, { now: NOW });
	return { esc, all: esc.all() };
}

/** The lab's principals (account 200611803367): status and the first path's techniques. */
const LAB: Record<string, [string, string]> = {
	'user/fn1-privesc3-partial-user': ['escalates', 'ec2-001'],
	'user/fn2-exploitableResourceConstraint-user': ['escalates', 'iam-001'],
	'user/fn3-exploitableConditionConstraint-user': ['escalates', 'iam-001'],
	'user/fn4-exploitableNotAction-user': ['escalates', 'iam-007'],
	'user/fp1-allow-and-deny-user': ['none', ''],
	'user/fp2-allow-and-deny-multiple-policies-user': ['none', ''],
	'user/fp3-deny-iam-user': ['none', ''],
	'user/fp4-nonExploitableResourceConstraint-user': ['none', ''],
	'user/fp5-nonExploitableConditionConstraint-user': ['none', ''],
	'user/privesc-AssumeRole-start-user': ['none', ''],
	'user/privesc-CloudFormationUpdateStack-user': ['conditional', 'cloudformation-002'],
	'user/privesc-codeBuildCreateProjectPassRole-user': ['escalates', 'codebuild-001'],
	'user/privesc-ec2InstanceConnect-user': ['conditional', 'ec2instanceconnect-003'],
	'user/privesc-sageMakerCreateNotebookPassRole-user': ['escalates', 'sagemaker-001'],
	'user/privesc-sageMakerCreatePresignedNotebookURL-user': ['conditional', 'sagemaker-004'],
	'user/privesc-sageMakerCreateProcessingJobPassRole-user': ['escalates', 'sagemaker-003'],
	'user/privesc-sageMakerCreateTrainingJobPassRole-user': ['escalates', 'sagemaker-002'],
	'user/privesc-sre-user': ['escalates', 'iam-007'],
	'user/privesc-ssmSendCommand-user': ['conditional', 'ssm-002'],
	'user/privesc-ssmStartSession-user': ['conditional', 'ssm-001'],
	'user/privesc1-CreateNewPolicyVersion-user': ['escalates', 'iam-001'],
	'user/privesc10-PutUserPolicy-user': ['escalates', 'iam-007'],
	'user/privesc11-PutGroupPolicy-user': ['escalates', 'iam-011'],
	'user/privesc12-PutRolePolicy-user': ['none', ''],
	'user/privesc13-AddUserToGroup-user': ['none', ''],
	'user/privesc14-UpdatingAssumeRolePolicy-user': ['escalates', 'iam-012'],
	'user/privesc15-PassExistingRoleToNewLambdaThenInvoke-user': ['escalates', 'lambda-001'],
	'user/privesc16-PassRoleToNewLambdaThenTriggerWithNewDynamo-user': ['escalates', 'lambda-002'],
	'user/privesc17-EditExistingLambdaFunctionWithRole-user': ['conditional', 'lambda-003'],
	'user/privesc18-PassExistingRoleToNewGlueDevEndpoint-user': ['escalates', 'glue-001'],
	'user/privesc19-UpdateExistingGlueDevEndpoint-user': ['conditional', 'glue-002'],
	'user/privesc2-SetExistingDefaultPolicyVersion-user': ['none', ''],
	'user/privesc20-PassExistingRoleToCloudFormation-user': ['escalates', 'cloudformation-001'],
	'user/privesc21-PassExistingRoleToNewDataPipeline-user': ['escalates', 'datapipeline-001'],
	'user/privesc3-CreateEC2WithExistingInstanceProfile-user': ['escalates', 'ec2-001'],
	'user/privesc4-CreateAccessKey-user': ['conditional', 'iam-002>iam-001'],
	'user/privesc5-CreateLoginProfile-user': ['conditional', 'iam-004>iam-001'],
	'user/privesc6-UpdateLoginProfile-user': ['conditional', 'iam-006>iam-001'],
	'user/privesc7-AttachUserPolicy-user': ['escalates', 'iam-008'],
	'user/privesc8-AttachGroupPolicy-user': ['escalates', 'iam-010'],
	'user/privesc9-AttachRolePolicy-user': ['none', ''],
	'role/fn1-privesc3-partial-role': ['escalates', 'ec2-001'],
	'role/fn2-exploitableResourceConstraint-role': ['escalates', 'iam-001'],
	'role/fn3-exploitableConditionConstraint-role': ['escalates', 'iam-001'],
	'role/fn4-exploitableNotAction-role': ['escalates', 'iam-005'],
	'role/fp1-allow-and-deny-role': ['none', ''],
	'role/fp2-allow-and-deny-multiple-policies-role': ['none', ''],
	'role/fp3-deny-iam-role': ['none', ''],
	'role/fp4-nonExploitableResourceConstraint-role': ['none', ''],
	'role/fp5-nonExploitableConditionConstraint-role': ['none', ''],
	'role/privesc-AssumeRole-ending-role': ['admin', ''],
	'role/privesc-AssumeRole-intermediate-role': ['escalates', 'sts-001'],
	'role/privesc-AssumeRole-starting-role': ['escalates', 'sts-001>sts-001'],
	'role/privesc-CloudFormationUpdateStack-role': ['conditional', 'cloudformation-002'],
	'role/privesc-codeBuildCreateProjectPassRole-role': ['escalates', 'codebuild-001'],
	'role/privesc-ec2InstanceConnect-role': ['conditional', 'ec2instanceconnect-003'],
	'role/privesc-high-priv-service-role': ['admin', ''],
	'role/privesc-permissive-role-trust': ['none', ''],
	'role/privesc-sageMakerCreateNotebookPassRole-role': ['escalates', 'sagemaker-001'],
	'role/privesc-sageMakerCreatePresignedNotebookURL-role': ['conditional', 'sagemaker-004'],
	'role/privesc-sageMakerCreateProcessingJobPassRole-role': ['escalates', 'sagemaker-003'],
	'role/privesc-sageMakerCreateTrainingJobPassRole-role': ['escalates', 'sagemaker-002'],
	'role/privesc-sre-role': ['escalates', 'iam-005'],
	'role/privesc-ssmSendCommand-role': ['conditional', 'ssm-002'],
	'role/privesc-ssmStartSession-role': ['conditional', 'ssm-001'],
	'role/privesc1-CreateNewPolicyVersion-role': ['escalates', 'iam-001'],
	'role/privesc10-PutUserPolicy-role': ['none', ''],
	'role/privesc11-PutGroupPolicy-role': ['none', ''],
	'role/privesc12-PutRolePolicy-role': ['escalates', 'iam-005'],
	'role/privesc13-AddUserToGroup-role': ['none', ''],
	'role/privesc14-UpdatingAssumeRolePolicy-role': ['escalates', 'iam-012'],
	'role/privesc15-PassExistingRoleToNewLambdaThenInvoke-role': ['escalates', 'lambda-001'],
	'role/privesc16-PassRoleToNewLambdaThenTriggerWithNewDynamo-role': ['escalates', 'lambda-002'],
	'role/privesc17-EditExistingLambdaFunctionWithRole-role': ['conditional', 'lambda-003'],
	'role/privesc18-PassExistingRoleToNewGlueDevEndpoint-role': ['escalates', 'glue-001'],
	'role/privesc19-UpdateExistingGlueDevEndpoint-role': ['conditional', 'glue-002'],
	'role/privesc2-SetExistingDefaultPolicyVersion-role': ['none', ''],
	'role/privesc20-PassExistingRoleToCloudFormation-role': ['escalates', 'cloudformation-001'],
	'role/privesc21-PassExistingRoleToNewDataPipeline-role': ['escalates', 'datapipeline-001'],
	'role/privesc3-CreateEC2WithExistingInstanceProfile-role': ['escalates', 'ec2-001'],
	'role/privesc4-CreateAccessKey-role': ['conditional', 'iam-002>iam-001'],
	'role/privesc5-CreateLoginProfile-role': ['conditional', 'iam-004>iam-001'],
	'role/privesc6-UpdateLoginProfile-role': ['conditional', 'iam-006>iam-001'],
	'role/privesc7-AttachUserPolicy-role': ['none', ''],
	'role/privesc8-AttachGroupPolicy-role': ['none', ''],
	'role/privesc9-AttachRolePolicy-role': ['escalates', 'iam-009']
};

const COUNTS: Record<string, Record<string, number>> = {
	'example.json': { admin: 8, escalates: 44, conditional: 22, none: 48 },
	'example-authz-details.json': { admin: 2, conditional: 1, none: 3 },
	'example_authz_v2.json': { none: 3 },
	'managed_policy_mismatch.json': {}
};

describe.skipIf(!dir)('escalations on the cloudsplaining GAADs', () => {
	it('judges every principal of the privesc lab as recorded', () => {
		const { all } = analyse('example.json');
		const got = Object.fromEntries(
			all
				.filter(
					(r) =>
						r.principal.startsWith('arn:aws:iam::200611803367:') &&
						/privesc|fn\d|fp\d/.test(r.principal)
				)
				.map((r) => [
					r.principal.replace('arn:aws:iam::200611803367:', ''),
					[r.status, r.paths[0]?.steps.map((s) => s.technique).join('>') ?? '']
				])
		);
		expect(got).toEqual(LAB);
	});
	for (const [file, counts] of Object.entries(COUNTS))
		it(`${file}: status counts, and each principal alone agrees with the whole run`, () => {
			const { esc, all } = analyse(file);
			const tally: Record<string, number> = {};
			for (const r of all) tally[r.status] = (tally[r.status] ?? 0) + 1;
			expect(tally).toEqual(counts);
			for (const r of all) expect(esc.forPrincipal(r.principal).status, r.principal).toBe(r.status);
		});
});
