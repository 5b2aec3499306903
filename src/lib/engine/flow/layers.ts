/**
 * Judge each layer of the evaluation: an org chain (SCPs need an Allow at every level; RCPs have
 * RCPFullAWSAccess implied, so only their Denies bite) and the plain policy layers (resource,
 * identity, boundary, session).
 */
import { ready } from '../policy/compile';
import type { CompiledPolicy, CompiledStatement } from '../policy/compiled';
import {
	candidates,
	hitOf,
	judgePolicy,
	type PolicyJudgement,
	type RequestState,
	type StatementHit
} from '../policy/judge';
import type { LayerName, LayerTrace, OrgLevelTrace, PolicyTrace } from '../types';
import type { ChainLevel } from './policy-sets';

/** A judged layer. */
export interface JudgedLayer {
	layer: LayerName;
	verdict: LayerTrace['verdict'];
	note?: string;
	/** The layer's policies. */
	policies: CompiledPolicy[];
	/** Each policy's judgement (traced evaluations only; empty otherwise). */
	judgements: PolicyJudgement[];
	allows: StatementHit[];
	denies: StatementHit[];
	/** Org chains: each level's verdict. */
	levels?: {
		level: ChainLevel;
		verdict: OrgLevelTrace['verdict'];
		judgements: PolicyJudgement[];
	}[];
	/** Org chains: the levels without an Allow (SCPs). */
	noAllow?: ChainLevel[];
}

const EMPTY: never[] = [];
const skipped = new Map<string, JudgedLayer>();

/** A judged layer; every one has the same properties in the same order (one object shape for the decision's reads). */
export function judged(
	layer: LayerName,
	verdict: LayerTrace['verdict'],
	note: string | undefined,
	policies: CompiledPolicy[],
	judgements: PolicyJudgement[],
	allows: StatementHit[],
	denies: StatementHit[],
	levels?: JudgedLayer['levels'],
	noAllow?: ChainLevel[]
): JudgedLayer {
	return { layer, verdict, note, policies, judgements, allows, denies, levels, noAllow };
}

/** A layer that does not apply, or is exempt, with the reason in words (shared, never mutated). */
export function skippedLayer(
	layer: LayerName,
	verdict: 'notApplicable' | 'exempt',
	note: string
): JudgedLayer {
	const key = `${layer}|${verdict}|${note}`;
	let l = skipped.get(key);
	if (!l) {
		l = Object.freeze(judged(layer, verdict, note, EMPTY, EMPTY, EMPTY, EMPTY));
		if (skipped.size > 10000) skipped.clear();
		skipped.set(key, l);
	}
	return l;
}

/**
 * Judge a list of policies as one layer (verdict none → noAllow). Without a trace, `flat` (the
 * policies' candidate statements for the action, see `layerCandidates`) saves visiting each policy.
 */
export function judgeLayer(
	layer: LayerName,
	policies: CompiledPolicy[],
	req: RequestState,
	note?: string,
	flat?: LayerCandidate[] | null
): JudgedLayer {
	const judgements: PolicyJudgement[] = req.trace ? [] : EMPTY;
	let allows: StatementHit[] = EMPTY;
	let denies: StatementHit[] = EMPTY;
	if (!req.trace && flat) {
		for (const c of flat) {
			const hit = hitOf(c.policy, c.statement, c.usesPrincipal, req);
			if (hit === null) continue;
			if (hit.statement.effect === 'Deny') (denies === EMPTY ? (denies = []) : denies).push(hit);
			else (allows === EMPTY ? (allows = []) : allows).push(hit);
		}
	} else
		for (const p of policies) {
			const j = judgePolicy(p, req);
			if (req.trace) judgements.push(j);
			if (j.allows.length)
				allows = allows === EMPTY ? [...j.allows] : (allows.push(...j.allows), allows);
			if (j.denies.length)
				denies = denies === EMPTY ? [...j.denies] : (denies.push(...j.denies), denies);
		}
	const verdict = denies.length ? 'deny' : allows.length ? 'allow' : 'noAllow';
	return judged(layer, verdict, note, policies, judgements, allows, denies);
}

/** A statement whose Action/NotAction matches an action, with its policy. */
export interface LayerCandidate {
	policy: CompiledPolicy;
	statement: CompiledStatement;
	usesPrincipal: boolean;
}

/** A layer's candidate statements for an action, in policy then statement order. */
export function layerCandidates(policies: CompiledPolicy[], actionLower: string): LayerCandidate[] {
	let list: LayerCandidate[] = EMPTY;
	for (const policy of policies) {
		const usesPrincipal = policy.type === 'resource' || policy.type === 'rcp';
		for (const statement of candidates(policy, actionLower))
			(list === EMPTY ? (list = []) : list).push({ policy, statement, usesPrincipal });
	}
	return list;
}

const RCP_NOTE = 'RCPFullAWSAccess is attached at every level, so only Deny statements restrict';

/** Judge an SCP or RCP chain. */
export function judgeChain(
	layer: 'scp' | 'rcp',
	chain: ChainLevel[],
	req: RequestState
): JudgedLayer {
	if (req.trace || layer !== 'scp') return judgeChainNow(layer, chain, req);
	// Most SCP statements that apply to an action hold no condition and Resource "*": the chain's
	// verdict for that action is then the same for every request, so it is judged once.
	let perAction = fixedVerdicts.get(chain);
	if (!perAction) fixedVerdicts.set(chain, (perAction = new Map()));
	let fixed = perAction.get(req.actionLower);
	if (fixed === undefined) {
		const stable = chain.every((level) =>
			level.policies.every((p) => candidates(p, req.actionLower).every(requestIndependent))
		);
		fixed = stable ? judgeChainNow(layer, chain, req) : null;
		if (perAction.size > 5000) perAction.clear();
		perAction.set(req.actionLower, fixed);
	}
	return fixed ?? judgeChainNow(layer, chain, req);
}

const fixedVerdicts = new WeakMap<ChainLevel[], Map<string, JudgedLayer | null>>();

/** A statement whose match does not depend on the request once its action matched (no Principal, no condition, Resource "*"). */
function requestIndependent(candidate: CompiledStatement): boolean {
	const st = ready(candidate);
	return (
		st.principal === null &&
		st.conditions.length === 0 &&
		!st.notResource &&
		st.resources !== null &&
		st.resources.every((r) => r.any === true)
	);
}

function judgeChainNow(layer: 'scp' | 'rcp', chain: ChainLevel[], req: RequestState): JudgedLayer {
	const levels: NonNullable<JudgedLayer['levels']> = [];
	const all: PolicyJudgement[] = req.trace ? [] : EMPTY;
	let noAllow: ChainLevel[] = EMPTY;
	let allows: StatementHit[] = EMPTY;
	let denies: StatementHit[] = EMPTY;
	let anyDeny = false;
	let anyNoAllow = false;
	for (const level of chain) {
		const judgements: PolicyJudgement[] = req.trace ? [] : EMPTY;
		let deny = false;
		let allow = layer === 'rcp';
		for (const p of level.policies) {
			const j = judgePolicy(p, req);
			if (req.trace) {
				judgements.push(j);
				all.push(j);
			}
			if (j.denies.length) {
				deny = true;
				denies = denies === EMPTY ? [...j.denies] : (denies.push(...j.denies), denies);
			}
			if (j.allows.length) {
				allow = true;
				allows = allows === EMPTY ? [...j.allows] : (allows.push(...j.allows), allows);
			}
		}
		const verdict = deny ? ('deny' as const) : allow ? ('allow' as const) : ('noAllow' as const);
		anyDeny ||= deny;
		if (verdict === 'noAllow') {
			anyNoAllow = true;
			(noAllow === EMPTY ? (noAllow = []) : noAllow).push(level);
		}
		if (req.trace) levels.push({ level, judgements, verdict });
	}
	const verdict = anyDeny ? 'deny' : anyNoAllow ? 'noAllow' : 'allow';
	const note = layer === 'rcp' ? RCP_NOTE : undefined;
	return judged(layer, verdict, note, EMPTY, all, allows, denies, levels, noAllow);
}

/** The trace form of a judged layer. */
export function layerTrace(l: JudgedLayer): LayerTrace {
	const t: LayerTrace = { layer: l.layer, verdict: l.verdict, policies: traces(l.judgements) };
	if (l.note) t.note = l.note;
	if (l.levels) {
		const levels: OrgLevelTrace[] = [];
		for (const lv of l.levels)
			levels.push({
				nodeId: lv.level.nodeId,
				verdict: lv.verdict,
				policies: traces(lv.judgements)
			});
		t.levels = levels;
	}
	return t;
}

function traces(judgements: PolicyJudgement[]): PolicyTrace[] {
	const out: PolicyTrace[] = [];
	for (const j of judgements) if (j.trace) out.push(j.trace);
	return out;
}
