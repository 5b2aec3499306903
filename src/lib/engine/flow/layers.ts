/**
 * Judge each layer of the evaluation: an org chain (SCPs need an Allow at every level; RCPs have
 * RCPFullAWSAccess implied, so only their Denies bite) and the plain policy layers (resource,
 * identity, boundary, session).
 */
import { judgePolicy, type PolicyJudgement, type RequestState, type StatementHit } from '../policy/judge';
import type { CompiledPolicy } from '../policy/compiled';
import type { LayerName, LayerTrace, OrgLevelTrace } from '../types';
import type { ChainLevel } from './policy-sets';

/** A judged layer. */
export interface JudgedLayer {
	layer: LayerName;
	verdict: LayerTrace['verdict'];
	note?: string;
	judgements: PolicyJudgement[];
	allows: StatementHit[];
	denies: StatementHit[];
	/** Org chains: each level's verdict. */
	levels?: { level: ChainLevel; verdict: OrgLevelTrace['verdict']; judgements: PolicyJudgement[] }[];
}

/** A layer that does not apply, or is exempt, with the reason in words. */
export function skippedLayer(layer: LayerName, verdict: 'notApplicable' | 'exempt', note: string): JudgedLayer {
	return { layer, verdict, note, judgements: [], allows: [], denies: [] };
}

/** Judge a list of policies as one layer (verdict none → noAllow). */
export function judgeLayer(layer: LayerName, policies: CompiledPolicy[], req: RequestState, note?: string): JudgedLayer {
	const judgements = policies.map((p) => judgePolicy(p, req));
	const allows = judgements.flatMap((j) => j.allows);
	const denies = judgements.flatMap((j) => j.denies);
	const verdict = denies.length ? 'deny' : allows.length ? 'allow' : 'noAllow';
	return { layer, verdict, note, judgements, allows, denies };
}

/** Judge an SCP or RCP chain. */
export function judgeChain(layer: 'scp' | 'rcp', chain: ChainLevel[], req: RequestState): JudgedLayer {
	const levels = chain.map((level) => {
		const judgements = level.policies.map((p) => judgePolicy(p, req));
		const deny = judgements.some((j) => j.verdict === 'deny');
		const allow = layer === 'rcp' || judgements.some((j) => j.allows.length > 0);
		return { level, judgements, verdict: deny ? ('deny' as const) : allow ? ('allow' as const) : ('noAllow' as const) };
	});
	const all = levels.flatMap((l) => l.judgements);
	const verdict = levels.some((l) => l.verdict === 'deny') ? 'deny' : levels.some((l) => l.verdict === 'noAllow') ? 'noAllow' : 'allow';
	const note = layer === 'rcp' ? 'RCPFullAWSAccess is attached at every level, so only Deny statements restrict' : undefined;
	return { layer, verdict, note, judgements: all, allows: all.flatMap((j) => j.allows), denies: all.flatMap((j) => j.denies), levels };
}

/** The trace form of a judged layer. */
export function layerTrace(l: JudgedLayer): LayerTrace {
	const t: LayerTrace = { layer: l.layer, verdict: l.verdict, policies: l.judgements.flatMap((j) => (j.trace ? [j.trace] : [])) };
	if (l.note) t.note = l.note;
	if (l.levels) {
		t.levels = l.levels.map((lv) => ({ nodeId: lv.level.nodeId, verdict: lv.verdict, policies: lv.judgements.flatMap((j) => (j.trace ? [j.trace] : [])) }));
	}
	return t;
}
