import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../engine/evaluate';
import { readDemoFilesFromDisk } from '../demo/demo-files-node';
import { importFiles } from '../import/import-files';
import type { Snapshot } from '../model/snapshot';
import { inlinePolicyId } from '../model/ids';
import paths from '../demo/designed-paths.json';
import { ExplorerState } from './explorer.svelte';
import type { ExplorerEngine } from './explorer-engine';

/** The engine called directly (no worker), as the explorer sees it. */
function directEngine(snapshot: Snapshot): ExplorerEngine {
	const ev = createEvaluator(snapshot);
	return {
		load: async () => undefined,
		evaluate: async (req) => ev.evaluate(req),
		actionsForResource: async () => ({
			resourceType: null,
			levels: { List: [], Read: [], Write: [], 'Permissions management': [], Tagging: [] },
			ms: 0
		}),
		completions: async () => [],
		lintPolicy: async () => []
	};
}

const outcome = importFiles(readDemoFilesFromDisk(), { now: '2026-01-01T00:00:00Z' });
const demo = outcome.ok ? outcome.snapshot : (null as never);

describe('ExplorerState on the demo bank', () => {
	it('opens on the org tree and expands, collapses and reveals by search', () => {
		const x = new ExplorerState(demo, directEngine(demo));
		const accounts = [...x.view.nodes.values()].filter((n) => n.kind === 'account');
		expect(accounts.length).toBe(demo.organization!.accounts.length);
		expect([...x.view.nodes.values()].some((n) => n.kind === 'user')).toBe(false);
		const hit = x.search('james.chen')[0];
		expect(hit.kind).toBe('user');
		expect(x.reveal(hit.id)).toBe(true);
		expect(x.elements.some((e) => e.data.id === hit.id)).toBe(true);
		const account = hit.id.split(':')[4];
		x.collapse(account);
		expect(x.view.nodes.has(hit.id)).toBe(false);
	});

	for (const path of paths)
		it(`traces ${path.id}: ${path.expected}, deciding node highlighted`, async () => {
			const x = new ExplorerState(demo, directEngine(demo));
			await x.trace.setAll({
				...path.request,
				context: path.request.context as unknown as Record<string, string>
			});
			expect(x.trace.result?.decision).toBe(path.expected);
			const ends = x.traceEnds!;
			expect(x.view.nodes.has(ends.subject)).toBe(true);
			expect(x.view.nodes.has(ends.object)).toBe(true);
			const want =
				path.expected === 'explicitDeny'
					? 'tr-deny'
					: path.expected === 'allowed'
						? 'tr-allow'
						: 'tr-gap';
			for (const d of path.deciding) {
				const node =
					d.policyType === 'scp' || d.policyType === 'rcp'
						? `${d.policy}@${d.attachedTo}`
						: d.policyType === 'resource'
							? d.attachedTo
							: d.policy.startsWith('arn:')
								? d.policy
								: inlinePolicyId(d.attachedTo, d.policy);
				const lit = [...x.traceHighlight].filter(([, c]) => !c.includes('tr-dim'));
				expect(x.traceHighlight.get(node) ?? [], `${node} in ${JSON.stringify(lit)}`).toContain(
					want
				);
			}
		});
});

describe('ExplorerState links (query parameters, content fingerprint)', () => {
	const b = paths.find((p) => p.id.startsWith('b-'))!;
	const view = (snapshot: string | null) => ({
		snapshot,
		expanded: [],
		selected: null,
		focus: null,
		principal: b.request.principal,
		resource: b.request.resource,
		action: b.request.action,
		context: {}
	});

	it('opens a link naming this snapshot by fingerprint, with no context, to the designed decision', async () => {
		const x = new ExplorerState(demo, directEngine(demo));
		expect(x.openLink(view(x.fingerprint))).toBe(true);
		await x.trace.refresh(false);
		expect(x.trace.result?.decision).toBe(b.expected);
		expect(x.linkQuery).toMatch(/^\?snapshot=[0-9a-f]{24}&principal=arn:aws:iam::/);
		expect(x.linkQuery).not.toContain('ctx.');
	});

	it('says so for a fingerprint it does not hold, and traces nothing', async () => {
		const x = new ExplorerState(demo, directEngine(demo));
		expect(x.openLink(view('ffffffffffffffffffffffff'))).toBe(false);
		expect(x.linkProblem).toMatch(/does not hold/);
		expect(x.trace.principal).toBeNull();
		expect(x.trace.result).toBeNull();
	});
});
