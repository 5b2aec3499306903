#!/usr/bin/env node
/**
 * Derives the compact technique table src/lib/analysis/escalation/techniques.json from DataDog's
 * pathfinding.cloud paths (Apache-2.0; LICENSE and NOTICE copied beside the table):
 *
 *   node scripts/derive-techniques.js [../shared/corpus/privesc/pathfinding-paths.json]
 *
 * Kept per technique: id, name, category, the required permissions, the service principal the
 * passed or existing role must trust (read from the prerequisites) and the first reference.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(
	process.argv[2] ?? join(repo, '..', '..', 'shared', 'corpus', 'privesc', 'pathfinding-paths.json')
);
const outDir = join(repo, 'src', 'lib', 'analysis', 'escalation');
// ours: the service principal a role of an existing resource of the technique's first service trusts
const SERVICE_PRINCIPAL = {
	apprunner: 'tasks.apprunner.amazonaws.com',
	'bedrock-agentcore': 'bedrock-agentcore.amazonaws.com',
	cloudformation: 'cloudformation.amazonaws.com',
	codebuild: 'codebuild.amazonaws.com',
	datapipeline: 'datapipeline.amazonaws.com',
	ec2: 'ec2.amazonaws.com',
	'ec2-instance-connect': 'ec2.amazonaws.com',
	ecs: 'ecs-tasks.amazonaws.com',
	glue: 'glue.amazonaws.com',
	lambda: 'lambda.amazonaws.com',
	sagemaker: 'sagemaker.amazonaws.com',
	ssm: 'ec2.amazonaws.com'
};
const paths = JSON.parse(readFileSync(source, 'utf8'));
const table = paths
	.map((p) => {
		const prereq = JSON.stringify(p.prerequisites ?? {});
		const actions = (p.permissions?.required ?? []).map((r) => r.permission);
		const service = actions
			.find((a) => !a.startsWith('iam:') && !a.startsWith('sts:'))
			?.split(':')[0];
		const trusts =
			/trusts ([a-z0-9.-]+\.amazonaws\.com)/.exec(prereq)?.[1] ??
			(service ? (SERVICE_PRINCIPAL[service] ?? null) : null);
		const admin = Array.isArray(p.prerequisites) ? p.prerequisites : (p.prerequisites?.admin ?? []);
		return {
			id: p.id,
			name: p.name,
			category: p.category,
			actions,
			trusts,
			prerequisite: admin[0] ?? null,
			reference: p.references?.[0]?.url ?? `https://pathfinding.cloud/paths/${p.id}`
		};
	})
	.sort((a, b) => a.id.localeCompare(b.id));
writeFileSync(
	join(outDir, 'techniques.json'),
	JSON.stringify(
		{
			source: 'https://pathfinding.cloud (DataDog/pathfinding.cloud, Apache-2.0)',
			techniques: table
		},
		null,
		'\t'
	) + '\n'
);
for (const f of ['LICENSE', 'NOTICE'])
	copyFileSync(join(dirname(source), f), join(outDir, `PATHFINDING-${f}`));
console.log(`${table.length} techniques → ${join(outDir, 'techniques.json')}`);
