/**
 * Divergences where the peer reads the policy grammar differently from the IAM reference pages:
 * NotPrincipal with Allow, NullIfExists, date values that are not dates, IfExists on a set
 * operator with the key absent, and a Resource `*` that runs past a colon. Each rule's
 * counterfactual gives the peer a policy that means, in its reading, what the page says.
 */
import type { PolicyStatement } from '../../src/lib/model/policy-document';
import type { Disagreement, DivergenceRule } from './divergences';
import { clone, simDocuments, simStatements, statements } from './policy-walk';

const OPERATORS =
	'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html';

const allowWithNotPrincipal = (st: PolicyStatement) =>
	st.Effect === 'Allow' && st.NotPrincipal !== undefined;
const operators = (st: PolicyStatement) => Object.keys(st.Condition ?? {});
const isNullIfExists = (op: string) => op.toLowerCase() === 'nullifexists';

/** W3C date-time profile of ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD, then hh:mm[:ss[.s]] with a zone) or epoch seconds. */
const W3C_DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;
const isDateOperator = (op: string) => /^Date/i.test(op.replace(/^For(All|Any)Values?:/i, ''));
const notADate = (v: unknown) => typeof v === 'string' && !/^\d+$/.test(v) && !W3C_DATE.test(v);
const hasNonDate = (st: PolicyStatement) =>
	operators(st).some(
		(op) => isDateOperator(op) && Object.values(st.Condition![op]).flat().some(notADate)
	);
const UNREADABLE_DATE = 'not-a-date';

const isSetIfExists = (op: string) => /^For(All|Any)Values?:.+IfExists$/i.test(op);
const present = (d: Disagreement, key: string) =>
	Object.keys(d.sim.request.contextVariables).some((k) => k.toLowerCase() === key.toLowerCase());
const absentSetIfExists = (st: PolicyStatement, d: Disagreement) =>
	operators(st).some(
		(op) => isSetIfExists(op) && Object.keys(st.Condition![op]).some((k) => !present(d, k))
	);

/** A Resource pattern as a whole-string glob (`*` may cross colons), and part by part (it may not). */
const glob = (p: string) =>
	new RegExp(
		`^${p
			.replace(/[.+^${}()|[\]\\]/g, '\\$&')
			.replace(/\*/g, '.*')
			.replace(/\?/g, '.')}$`
	);
const parts = (arn: string) => {
	const s = arn.split(':');
	return [...s.slice(0, 5), s.slice(5).join(':')];
};
const partwise = (pattern: string, arn: string) => {
	const p = parts(pattern);
	const a = parts(arn);
	return p.length === a.length && p.every((x, i) => glob(x).test(a[i]));
};
/** A pattern one of whose first five parts ends in `*` and that covers the ARN only when that `*` runs past the colon. */
const spansColon = (pattern: string, arn: string) =>
	pattern.startsWith('arn:') &&
	pattern
		.split(':')
		.slice(0, 5)
		.some((x) => x.endsWith('*')) &&
	glob(pattern).test(arn) &&
	!partwise(pattern, arn);
const resourcePatterns = (st: PolicyStatement) => [st.Resource ?? st.NotResource ?? []].flat();

/** Rules about the policy grammar. */
export const GRAMMAR_DIVERGENCES: DivergenceRule[] = [
	{
		// NotPrincipal page: "NotPrincipal must be used with Effect Deny. Using it with Effect Allow is
		// not supported." Such a statement grants nothing; the peer grants everyone not listed.
		// Counterfactual: take those statements out of the peer's resource policy.
		name: 'notprincipal-with-allow-unsupported',
		doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html',
		applies: (d) => statements(d.sim.resourcePolicy).some(allowWithNotPrincipal),
		peer: (sim) => {
			const next = clone(sim);
			next.resourcePolicy!.Statement = statements(next.resourcePolicy).filter(
				(st) => !allowWithNotPrincipal(st)
			);
			return next;
		}
	},
	{
		// Condition operators page: IfExists can be added to any condition operator "except the Null
		// condition", so NullIfExists is no operator and its statement never applies; the peer reads
		// it as Null. Counterfactual: take those statements out of the peer's policies.
		name: 'nullifexists-is-not-an-operator',
		doc: `${OPERATORS}#Conditions_IfExists`,
		applies: (d) => simStatements(d.sim).some((st) => operators(st).some(isNullIfExists)),
		peer: (sim) => {
			const next = clone(sim);
			for (const doc of simDocuments(next))
				doc.Statement = statements(doc).filter((st) => !operators(st).some(isNullIfExists));
			return next;
		}
	},
	{
		// Condition operators page: date values are W3C ISO 8601 dates or epoch seconds, and only
		// string operators take wildcards; the peer reads any text JavaScript's Date.parse accepts
		// ("2020-*" is 1 Jan 2020). Counterfactual: give the peer a value it cannot read either.
		name: 'date-value-not-a-date',
		doc: `${OPERATORS}#Conditions_Date`,
		applies: (d) => simStatements(d.sim).some(hasNonDate),
		peer: (sim) => {
			const next = clone(sim);
			for (const st of simStatements(next))
				for (const op of operators(st).filter(isDateOperator))
					for (const [k, v] of Object.entries(st.Condition![op]))
						st.Condition![op][k] = Array.isArray(v)
							? v.map((x) => (notADate(x) ? UNREADABLE_DATE : x))
							: notADate(v)
								? UNREADABLE_DATE
								: v;
			return next;
		}
	},
	{
		// Condition operators page, IfExists: "If the key is not present, evaluate the condition
		// element as true" — for any operator it is added to (docs silent on set operators; ADR 0010).
		// The peer applies the set operator's empty-set rule first. Counterfactual: drop those keys'
		// conditions for the peer, as the IfExists rule does.
		name: 'ifexists-set-operator-absent-key',
		doc: `${OPERATORS}#Conditions_IfExists`,
		applies: (d) => simStatements(d.sim).some((st) => absentSetIfExists(st, d)),
		peer: (sim, d) => {
			const next = clone(sim);
			for (const st of simStatements(next)) {
				for (const op of operators(st).filter(isSetIfExists)) {
					for (const k of Object.keys(st.Condition![op]))
						if (!present(d, k)) delete st.Condition![op][k];
					if (Object.keys(st.Condition![op]).length === 0) delete st.Condition![op];
				}
				if (st.Condition && Object.keys(st.Condition).length === 0) delete st.Condition;
			}
			return next;
		}
	},
	{
		// Resource element page: "If the * wildcard is the last character of a resource ARN segment,
		// it can expand to match beyond the colon boundaries." The peer matches part by part.
		// Counterfactual: give the peer the request's ARN in place of such a pattern.
		name: 'resource-wildcard-spans-colon',
		doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html',
		applies: (d) =>
			simStatements(d.sim).some((st) =>
				resourcePatterns(st).some((p) => spansColon(p, d.sim.request.resource.resource))
			),
		peer: (sim) => {
			const next = clone(sim);
			const arn = sim.request.resource.resource;
			const fix = (v: string | string[]) =>
				Array.isArray(v)
					? v.map((p) => (spansColon(p, arn) ? arn : p))
					: spansColon(v, arn)
						? arn
						: v;
			for (const st of simStatements(next)) {
				if (st.Resource !== undefined) st.Resource = fix(st.Resource);
				if (st.NotResource !== undefined) st.NotResource = fix(st.NotResource);
			}
			return next;
		}
	}
];
