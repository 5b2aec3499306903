/**
 * Checks a file of evaluator cases against testing/case.schema.json, so a misspelt field
 * (`"expcet"`, `"resouce"`) fails its file instead of being silently ignored. Tests only:
 * compiles the schema with ajv at run time (Node, no CSP).
 */
import Ajv from 'ajv';
import schema from './case.schema.json';

const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

/** Every problem in `cases` as "<JSON pointer>: <what is wrong>"; empty when it matches. */
export function caseFileProblems(cases: unknown): string[] {
	if (validate(cases)) return [];
	return (validate.errors ?? []).map((e) => {
		const extra = (e.params as { additionalProperty?: string }).additionalProperty;
		const what = extra ? `unknown field "${extra}"` : e.message;
		return `${e.instancePath || '/'}: ${what}`;
	});
}
