/**
 * The Access view's state over the demo bank, with the engine session called directly (no
 * worker): the designed escalation path is drawn on the graph (explorer elements) with its
 * technique, a step's request is traced with the trace's decision, and a later principal wins.
 */
import { beforeAll, expect, it } from 'vitest';
import type { EdgeDefinition } from '../graph/elements';
import { loadNodeCatalog } from '../engine/catalog/node-catalog';
import { createEvaluator } from '../engine/evaluate';
import { readDemoFilesFromDisk } from '../demo/demo-files-node';
import { importFiles } from '../import/import-files';
import type { EngineCalls, EngineRequest } from '../workers/engine-protocol';
import { EngineSession } from '../workers/engine-session';
import { ExplorerState } from './explorer.svelte';
import type { ExplorerEngine } from './explorer-engine';

const outcome = importFiles(readDemoFilesFromDisk(), { now: '2026-01-01T00:00:00Z' });
const demo = outcome.ok ? outcome.snapshot : (null as never);
const NOAH = 'arn:aws:iam::926359471608:user/engineering/noah.fischer';
const DEPLOY = 'arn:aws:iam::926359471608:role/ci/DeployAutomation';
const GRACE = 'arn:aws:iam::137460582719:user/hr-it/grace.lee';

let engine: ExplorerEngine;
beforeAll(async () => {
	const catalog = await loadNodeCatalog();
	const session = new EngineSession(createEvaluator, async () => catalog);
	await session.handle({ type: 'load', id: 0, snapshot: demo });
	let id = 1;
	const call = async <K extends keyof EngineCalls>(
		type: K,
		params: EngineCalls[K]['params']
	): Promise<EngineCalls[K]['result']> => {
		const reply = await session.handle({ type, id: id++, ...params } as EngineRequest);
		if (!reply.ok) throw new Error(reply.error.message);
		return reply.result as EngineCalls[K]['result'];
	};
	const ev = createEvaluator(demo);
	engine = {
		load: async () => undefined,
		evaluate: async (req) => ev.evaluate(req),
		actionsForResource: (p) => call('actionsForResource', p),
		completions: async () => [],
		lintPolicy: async () => [],
		access: (principal) => call('access', { principal }),
		accessService: (principal, service) => call('accessService', { principal, service }),
		organization: () => call('organization', {})
	};
});

it('draws the designed escalation path on the graph, labelled with its technique', async () => {
	const explorer = new ExplorerState(demo, engine);
	await explorer.access.open(NOAH);
	expect(explorer.access.result?.status).toBe('escalates');
	expect(explorer.access.shown).toBe(0);
	const drawn = explorer.elements.filter(
		(e): e is EdgeDefinition => e.group === 'edges' && e.classes === 'access-step'
	);
	expect(drawn.map((e) => [e.data.source, e.data.target, e.data.display])).toEqual([
		[NOAH, DEPLOY, '1. lambda-001']
	]);
	// both ends are visible nodes, ringed
	const ends = explorer.elements.filter(
		(e) => e.group === 'nodes' && e.classes.includes('access-end')
	);
	expect(ends.map((e) => e.data.id).sort()).toEqual([DEPLOY, NOAH].sort());
	explorer.access.clear();
	expect(explorer.elements.some((e) => e.classes === 'access-step')).toBe(false);
});

it('traces a step’s request in the existing trace, with the evaluator’s decision', async () => {
	const explorer = new ExplorerState(demo, engine);
	await explorer.access.open(NOAH);
	const request = explorer.access.result!.paths[0].steps[0].requests.find(
		(r) => r.action === 'iam:PassRole'
	)!;
	await explorer.access.traceStep(request);
	expect(explorer.trace.principal).toBe(NOAH);
	expect(explorer.trace.action).toBe('iam:PassRole');
	expect(explorer.trace.result?.decision).toBe('allowed');
	expect(explorer.trace.result?.reasons).toContainEqual(
		expect.objectContaining({ policy: 'ServerlessDeploy', statement: 'PassDeployRole' })
	);
});

it('keeps the latest principal when answers cross, and drills down', async () => {
	const explorer = new ExplorerState(demo, engine);
	const first = explorer.access.open(NOAH);
	const second = explorer.access.open(GRACE);
	await Promise.all([first, second]);
	expect(explorer.access.principal).toBe(GRACE);
	expect(explorer.access.result?.principal).toBe(GRACE);
	expect(explorer.access.result?.status).toBe('none');
	await explorer.access.toggleService('ec2');
	expect(explorer.access.drill?.service?.actions.map((a) => a.action)).toContain(
		'ec2:RunInstances'
	);
	expect(explorer.access.drill?.service?.actions.every((a) => !a.allowed)).toBe(true);
});

it('runs the organization overview', async () => {
	const explorer = new ExplorerState(demo, engine);
	await explorer.access.runOrganization();
	expect(explorer.access.orgProgress).toBeNull();
	expect(explorer.access.org?.counts).toMatchObject({ admin: 15, escalates: 1 });
});
