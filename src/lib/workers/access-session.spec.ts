/**
 * The engine worker's access calls (access, accessService, organization) on the demo bank, through
 * EngineSession with the real evaluator: the designed escalation paths of docs/demo-bank.md
 * ("Escalation paths") and its administrators, as the Access and Organization views receive them.
 */
import { beforeAll, expect, it } from 'vitest';
import type { ActionCatalog } from '../engine/catalog/action-catalog';
import { loadNodeCatalog } from '../engine/catalog/node-catalog';
import { createEvaluator } from '../engine/evaluate';
import { importFiles } from '../import/import-files';
import { readDemoFilesFromDisk } from '../demo/demo-files-node';
import type { EngineReply } from './engine-protocol';
import { EngineSession } from './engine-session';

const NOAH = 'arn:aws:iam::926359471608:user/engineering/noah.fischer';
const GRACE = 'arn:aws:iam::137460582719:user/hr-it/grace.lee';
const DEPLOY = 'arn:aws:iam::926359471608:role/ci/DeployAutomation';

let catalog: ActionCatalog;
let session: EngineSession;
beforeAll(async () => {
	catalog = await loadNodeCatalog();
	const imported = importFiles(readDemoFilesFromDisk(), { now: '2024-03-14T00:00:00Z' });
	if (!imported.ok) throw new Error('demo import failed');
	session = new EngineSession(createEvaluator, async () => catalog);
	await session.handle({ type: 'load', id: 1, snapshot: imported.snapshot });
});

const ok = <T extends EngineReply['type']>(reply: EngineReply, type: T) => {
	if (!reply.ok || reply.type !== type)
		throw new Error(`expected ${type}: ${JSON.stringify(reply)}`);
	return reply as Extract<EngineReply, { ok: true; type: T }>;
};

it('answers one principal: the designed lambda-001 path to DeployAutomation, step by step with its requests', async () => {
	const r = ok(await session.handle({ type: 'access', id: 2, principal: NOAH }), 'access').result;
	expect(r.status).toBe('escalates');
	expect(r.paths[0].reaches).toBe(DEPLOY);
	const step = r.paths[0].steps[0];
	expect(step.technique).toBe('lambda-001');
	expect(step.requests.map((q) => q.action)).toEqual(
		expect.arrayContaining(['iam:PassRole', 'lambda:CreateFunction'])
	);
	expect(r.techniques['lambda-001']).toMatch(/PassRole/);
	// what crosses postMessage: a structured clone keeps the requests (no getters)
	expect(structuredClone(r).paths[0].steps[0].requests).toEqual(step.requests);
	// what-can summary: iam Permissions management (PassRole) and lambda Write
	const lambda = r.services.find((s) => s.service === 'lambda');
	expect(lambda?.levels.Write).toBeGreaterThanOrEqual(1);
	expect(r.services.find((s) => s.service === 'iam')?.actions).toBe(1);
});

it('answers the SCP-blocked principal with no path', async () => {
	const r = ok(await session.handle({ type: 'access', id: 3, principal: GRACE }), 'access').result;
	expect(r.status).toBe('none');
	expect(r.paths).toEqual([]);
	// ec2:RunInstances is allowed by its own policy but taken away (Regulated OU's SCP allow-list)
	const ec2 = r.services.find((s) => s.service === 'ec2');
	expect(ec2?.takenAway).toBeGreaterThanOrEqual(1);
});

it('drills one service down to actions and resources', async () => {
	const r = ok(
		await session.handle({ type: 'accessService', id: 4, principal: NOAH, service: 'lambda' }),
		'accessService'
	).result;
	expect(r.service?.actions.map((a) => a.action).sort()).toEqual([
		'lambda:CreateFunction',
		'lambda:GetFunction',
		'lambda:InvokeFunction'
	]);
});

it('lists administrators and escalating principals per account, with progress', async () => {
	const seen: number[][] = [];
	const r = ok(
		await session.handle({ type: 'organization', id: 5 }, (d, t) => seen.push([d, t])),
		'organization'
	).result;
	const dev = r.accounts.find((a) => a.account === '926359471608')!;
	expect(dev.admins).toContain(DEPLOY);
	expect(dev.escalates).toContainEqual(
		expect.objectContaining({ principal: NOAH, status: 'escalates', reaches: DEPLOY, steps: 1 })
	);
	const hr = r.accounts.find((a) => a.account === '137460582719')!;
	expect(hr.escalates.map((e) => e.principal)).not.toContain(GRACE);
	expect(r.counts.escalates).toBeGreaterThanOrEqual(1);
	expect(r.accounts.reduce((n, a) => n + a.principals, 0)).toBe(36);
	expect(seen.length).toBeGreaterThan(0);
});
