/**
 * Walking the policy documents of a peer simulation and of a snapshot, for the divergence rules
 * that rewrite them in a counterfactual run (divergences.ts, divergences-grammar.ts).
 */
import type { Simulation } from '@cloud-copilot/iam-simulate';
import type { PolicyDocument, PolicyStatement } from '../../src/lib/model/policy-document';
import type { Snapshot } from '../../src/lib/model/snapshot';

/** The statements of a document (none for a missing document). */
export const statements = (doc: PolicyDocument | null | undefined): PolicyStatement[] =>
	!doc ? [] : Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];

/** A deep copy, for a counterfactual run. */
export const clone = <T>(v: T): T => structuredClone(v);

/** Every policy document in a peer simulation, for rewriting. */
export function simDocuments(sim: Simulation): PolicyDocument[] {
	return [
		...sim.identityPolicies.map((p) => p.policy),
		...sim.serviceControlPolicies.flatMap((l) => l.policies.map((p) => p.policy)),
		...sim.resourceControlPolicies.flatMap((l) => l.policies.map((p) => p.policy)),
		...(sim.permissionBoundaryPolicies ?? []).map((p) => p.policy),
		...(sim.resourcePolicy ? [sim.resourcePolicy] : []),
		...(sim.sessionPolicy ? [sim.sessionPolicy] : [])
	];
}

/** Every policy document in a snapshot, for rewriting. */
export function snapshotDocuments(s: Snapshot): PolicyDocument[] {
	const docs: PolicyDocument[] = [];
	for (const a of s.accounts) {
		for (const e of [...a.users, ...a.groups, ...a.roles])
			docs.push(...e.inlinePolicies.map((p) => p.document));
		for (const r of a.roles) if (r.trustPolicy) docs.push(r.trustPolicy);
		for (const m of a.policies) docs.push(...m.versions.map((v) => v.document));
		for (const r of a.resources) if (r.policy) docs.push(r.policy);
	}
	for (const p of s.organization?.policies ?? []) docs.push(p.document);
	return docs;
}

/** Every statement of a peer simulation, for rewriting. */
export const simStatements = (sim: Simulation): PolicyStatement[] =>
	simDocuments(sim).flatMap(statements);
