/**
 * What the decision panel shows for each reason: the node to centre on, the policy document and
 * the statement to highlight, the statement's judged conditions, and the decision in words.
 */
import type { ConditionTrace, EvalResult, Reason } from '../engine/types';
import { resourcePolicyId, trustPolicyId } from '../model/ids';
import type { PolicyDocument } from '../model/policy-document';
import type { GraphSource } from './graph-source';
import { attachmentId } from './kinds';
import { statementIndex } from './policy-lines';
import { DECISION_TONE, decisionHeadline, LAYER_WORDS } from './trace-vocabulary';

// The panel's words come from the shared trace vocabulary (legend, graph, SVG export).
export { LAYER_WORDS };

/** The decision as a headline and a tone. */
export function decisionWords(r: EvalResult): { headline: string; tone: 'allow' | 'deny' | 'gap' } {
	return { headline: decisionHeadline(r.decision, r.gap), tone: DECISION_TONE[r.decision] };
}

/** Everything the panel shows about one reason. */
export interface ReasonView {
	reason: Reason;
	/** Graph node to centre on. */
	node: string;
	/** Display name of the policy. */
	policyName: string;
	/** Display name of where it is attached. */
	attachedName: string;
	document: PolicyDocument | null;
	statement: number | null;
	conditions: ConditionTrace[];
}

/** The view of each reason of a result, in evaluation order. */
export function reasonViews(source: GraphSource, r: EvalResult): ReasonView[] {
	const { index } = source;
	const nameOf = (id: string) =>
		index.orgUnits.get(id)?.name ??
		index.orgAccounts.get(id)?.name ??
		source.entity(id)?.e.name ??
		index.resources.get(id)?.name ??
		id;
	return r.reasons.map((reason) => {
		const policyId = reason.policyId ?? reason.policy;
		let node = policyId;
		let document: PolicyDocument | null = null;
		if (reason.policyType === 'scp' || reason.policyType === 'rcp') {
			node = attachmentId(reason.policy, reason.attachedTo);
			document = index.orgPolicies.get(reason.policy)?.document ?? null;
		} else if (reason.policyType === 'resource') {
			node = source.objectNode(reason.attachedTo).id;
			const role = source.entity(reason.attachedTo);
			document =
				policyId === trustPolicyId(reason.attachedTo) && role?.kind === 'role'
					? role.e.trustPolicy
					: policyId === resourcePolicyId(reason.attachedTo)
						? (index.resources.get(reason.attachedTo)?.policy ?? null)
						: null;
		} else {
			const account = source.entity(reason.attachedTo)?.a.id ?? null;
			document = source.policyDocument(policyId, account);
			if (!document) node = reason.attachedTo;
		}
		const trace = r.layers
			.flatMap((l) => [...l.policies, ...(l.levels ?? []).flatMap((v) => v.policies)])
			.find(
				(p) =>
					p.policyId === policyId &&
					(p.attachedTo === reason.attachedTo || p.via === reason.attachedTo)
			);
		const statement =
			document && reason.statement !== '' ? statementIndex(document, reason.statement) : null;
		const conditions = trace?.statements.find((s) => s.index === statement)?.conditions ?? [];
		const policyName =
			trace?.name ??
			index.orgPolicies.get(reason.policy)?.name ??
			reason.policy.split('/').pop() ??
			reason.policy;
		return {
			reason,
			node,
			policyName,
			attachedName: nameOf(reason.attachedTo),
			document,
			statement,
			conditions
		};
	});
}

/** The reasons as the panel lists them: the deciding ones first, org-level layers that merely allowed folded into one line. */
export interface ReasonGroups {
	deciding: ReasonView[];
	/** SCP/RCP allows at each level (FullAWSAccess…), in one line; null when there are none. */
	folded: { text: string; views: ReasonView[] } | null;
}

/** Split a result's reason views into the deciding ones and the merely-allowing org levels. */
export function groupReasons(views: ReasonView[]): ReasonGroups {
	const merelyAllowing = (v: ReasonView) =>
		v.reason.effect === 'Allow' && (v.reason.policyType === 'scp' || v.reason.policyType === 'rcp');
	const folded = views.filter(merelyAllowing);
	const deciding = views.filter((v) => !merelyAllowing(v));
	if (folded.length === 0) return { deciding, folded: null };
	const names = [...new Set(folded.map((v) => v.policyName))].join(', ');
	const levels = [...new Set(folded.map((v) => v.attachedName))].join(' → ');
	const kinds = [...new Set(folded.map((v) => v.reason.policyType.toUpperCase()))].join('s and ');
	return {
		deciding,
		folded: {
			text: `${kinds}s allow it at every level: ${names} (${levels})`,
			views: folded
		}
	};
}
