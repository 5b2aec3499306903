/**
 * How every analysis asks the evaluator: one request at a time, with the default context of
 * issue 10 (aws:CurrentTime, aws:EpochTime and aws:TokenIssueTime now, TLS, us-east-1, no MFA
 * unless shown) and the keys the caller controls (region, request and session tags, ExternalId,
 * source identity, session name; a service's source account/ARN) filled in from the values the
 * policies themselves name when the first answer is a denial. The decision is always the
 * evaluator's; this module never reads a policy's logic, only the trace's condition values.
 *
 * API (pure, synchronous):
 *   const ask = createAsk(evaluator, { now });
 *   ask.decide({ principal, action, resource, context? }) → Answer (allowed, reasons, sent keys)
 *   ask.explain(request) → the full EvalResult for the trace panel
 */
import type { Evaluator } from '../../engine/evaluate';
import type { ContextValue, EvalRequest, EvalResult, Reason } from '../../engine/types';

/** One decided request. */
export interface Answer {
	allowed: boolean;
	decision: EvalResult['decision'];
	/** The deciding reasons (allows, or the denies/gaps). */
	reasons: Reason[];
	/** Caller-controlled keys the caller had to send for the answer (empty when none). */
	sent: Record<string, ContextValue>;
	/** The full request as evaluated (for tracing the step). */
	request: EvalRequest;
}

/** Options of an asker. */
export interface AskOptions {
	/** "Now" for aws:CurrentTime and aws:TokenIssueTime (ISO 8601); default the current time. */
	now?: string;
	/** Region the caller sends by default (aws:RequestedRegion). */
	region?: string;
}

/** The evaluator with the analyses' default context and caller-controlled keys. */
export interface Ask {
	readonly evaluator: Evaluator;
	readonly now: string;
	/** Decide one request (context given is added to the defaults and wins). */
	decide(req: EvalRequest): Answer;
	/** The full trace of the request an Answer was decided with. */
	explain(req: EvalRequest): EvalResult;
	/** The default context for a principal (frozen, shared). */
	defaults(principal: string): Record<string, ContextValue>;
}

/** Keys a caller sets itself: they may take any value a policy names. */
const CALLER_KEYS = [
	/^aws:requestedregion$/,
	/^aws:requesttag\//,
	/^aws:tagkeys$/,
	/^sts:externalid$/,
	/^sts:sourceidentity$/,
	/^sts:rolesessionname$/,
	/^sts:transitivetagkeys$/
];
/** Keys a service principal sends about the resource it acts for, which the attacker creates. */
const SERVICE_KEYS = [/^aws:sourceaccount$/, /^aws:sourcearn$/, /^aws:sourceorgid$/];

const MAX_TRIES = 6;
const TRUST = /^sts:(assumerole|tagsession|setsourceidentity)/i;

/** Create an asker over an evaluator. */
export function createAsk(evaluator: Evaluator, options: AskOptions = {}): Ask {
	const now = options.now ?? new Date().toISOString();
	const epoch = String(Math.floor(Date.parse(now) / 1000));
	const region = options.region ?? 'us-east-1';
	const base = {
		'aws:CurrentTime': now,
		'aws:EpochTime': epoch,
		'aws:TokenIssueTime': now,
		'aws:SecureTransport': true,
		'aws:RequestedRegion': region,
		'aws:ViaAWSService': false
	};
	// long-term user keys carry no MFA key; role sessions say false (no MFA unless shown)
	const forUser = Object.freeze({ ...base });
	const forSession = Object.freeze({
		...base,
		'aws:MultiFactorAuthPresent': false
	});
	const forOther = Object.freeze({ ...base });
	const defaults = (principal: string) =>
		/^arn:[^:]+:iam::\d{12}:user\//.test(principal)
			? forUser
			: /^arn:[^:]+:(iam::\d{12}:role\/|sts::\d{12}:assumed-role\/)/.test(principal)
				? forSession
				: forOther;

	const tried = new Map<string, Record<string, ContextValue>[]>();

	function once(req: EvalRequest, context: Record<string, ContextValue>) {
		return evaluator.evaluate({ ...req, context }, { trace: false, summary: false });
	}

	function decide(req: EvalRequest): Answer {
		const d = defaults(req.principal);
		const context = req.context ? { ...d, ...req.context } : d;
		const r = once(req, context);
		const answer = (
			res: EvalResult,
			sent: Record<string, ContextValue>,
			ctx = context
		): Answer => ({
			allowed: res.decision === 'allowed',
			decision: res.decision,
			reasons: res.reasons,
			sent,
			request: { ...req, context: ctx }
		});
		if (r.decision === 'allowed') return answer(r, {});
		// only a denial that conditions decided can change with what the caller sends; the keys'
		// values come from the principal's and org's policies (the same for every resource of an
		// action) and, for role trust, from the trust policy: remembered per principal and action
		const trust = TRUST.test(req.action);
		const memoKey = `${req.principal}|${req.action}${trust ? `|${req.resource}` : ''}|${req.context ? JSON.stringify(req.context) : ''}`;
		let alternatives = tried.get(memoKey);
		if (!alternatives) {
			if (tried.size > 200000) tried.clear();
			tried.set(memoKey, (alternatives = callerValues(req, context)));
		}
		let tries = 0;
		for (const sent of alternatives) {
			if (++tries > MAX_TRIES) break;
			const ctx = { ...context, ...sent };
			const again = once(req, ctx);
			if (again.decision === 'allowed') return answer(again, sent, ctx);
		}
		return answer(r, {});
	}

	/** Alternatives for the caller-controlled keys the trace's conditions name, one set per try. */
	function callerValues(
		req: EvalRequest,
		context: Record<string, ContextValue>
	): Record<string, ContextValue>[] {
		const traced = evaluator.evaluate({ ...req, context }, { trace: true, summary: false });
		const service = !req.principal.startsWith('arn:') && req.principal.includes('.');
		const values = new Map<string, { key: string; values: Set<string> }>();
		for (const layer of traced.layers) {
			const policies = [...layer.policies, ...(layer.levels ?? []).flatMap((l) => l.policies)];
			for (const p of policies)
				for (const st of p.statements)
					for (const c of st.conditions) {
						const lower = c.key.toLowerCase();
						const controlled =
							CALLER_KEYS.some((k) => k.test(lower)) ||
							(service && SERVICE_KEYS.some((k) => k.test(lower)));
						if (!controlled) continue;
						let e = values.get(lower);
						if (!e) values.set(lower, (e = { key: c.key, values: new Set() }));
						for (const v of c.values) e.values.add(concrete(v));
					}
		}
		if (values.size === 0) return [];
		const keys = [...values.values()].filter((e) => e.values.size > 0);
		const width = Math.max(0, ...keys.map((k) => k.values.size));
		const out: Record<string, ContextValue>[] = [];
		// try the i-th value of every key together: policies usually name consistent sets
		for (let i = 0; i < width && out.length < MAX_TRIES; i++) {
			const sent: Record<string, ContextValue> = {};
			for (const k of keys) {
				const list = [...k.values];
				const v = list[Math.min(i, list.length - 1)];
				sent[k.key] = /^aws:tagkeys$|^sts:transitivetagkeys$/i.test(k.key) ? [v] : v;
			}
			out.push(sent);
		}
		return out;
	}

	return {
		evaluator,
		now,
		decide,
		defaults,
		explain(req) {
			const d = defaults(req.principal);
			return evaluator.evaluate({ ...req, context: req.context ? { ...d, ...req.context } : d });
		}
	};
}

/** A policy value as a value a caller could send: wildcards become a letter. */
function concrete(v: string): string {
	return v.replace(/[*?]/g, 'x');
}
