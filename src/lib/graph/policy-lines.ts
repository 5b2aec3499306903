/**
 * A policy document pretty-printed as lines, each tagged with the statement it belongs to, so
 * the panel can highlight the deciding statement without parsing JSON in a component.
 */
import type { PolicyDocument } from '../model/policy-document';

/** One line of pretty-printed JSON and the index of the statement it belongs to, if any. */
export interface PolicyLine {
	text: string;
	statement: number | null;
}

/** The document as indented JSON lines (2 spaces), statement lines tagged with their index. */
export function policyLines(doc: PolicyDocument): PolicyLine[] {
	const plain = (text: string): PolicyLine => ({ text, statement: null });
	const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
	const keys = Object.keys(doc).filter((k) => k !== 'Statement');
	const out: PolicyLine[] = [plain('{')];
	for (const k of keys)
		out.push(
			plain(
				`  ${JSON.stringify(k)}: ${JSON.stringify((doc as unknown as Record<string, unknown>)[k])},`
			)
		);
	out.push(plain('  "Statement": ['));
	statements.forEach((st, i) => {
		const body = JSON.stringify(st, null, 2).split('\n');
		body.forEach((line, j) => {
			const comma = j === body.length - 1 && i < statements.length - 1 ? ',' : '';
			out.push({ text: `    ${line}${comma}`, statement: i });
		});
	});
	out.push(plain('  ]'), plain('}'));
	return out;
}

/** The statement index a trace names ("Sid" or "3"), or null. */
export function statementIndex(doc: PolicyDocument, statement: string): number | null {
	const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
	const bySid = statements.findIndex((s) => s.Sid !== undefined && s.Sid === statement);
	if (bySid >= 0) return bySid;
	return /^\d+$/.test(statement) && Number(statement) < statements.length
		? Number(statement)
		: null;
}
