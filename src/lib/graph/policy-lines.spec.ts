import { describe, expect, it } from 'vitest';
import { policyLines, statementIndex } from './policy-lines';

const doc = {
	Version: '2012-10-17',
	Statement: [
		{ Sid: 'Read', Effect: 'Allow' as const, Action: 's3:GetObject', Resource: '*' },
		{ Effect: 'Deny' as const, Action: 's3:DeleteObject', Resource: '*' }
	]
};

describe('policyLines', () => {
	it('is valid JSON when joined, and tags each statement’s lines', () => {
		const lines = policyLines(doc);
		expect(JSON.parse(lines.map((l) => l.text).join('\n'))).toEqual(doc);
		expect(lines.filter((l) => l.statement === 1).map((l) => l.text.trim())).toContain(
			'"Effect": "Deny",'
		);
		expect(lines.find((l) => l.text.includes('"Read"'))?.statement).toBe(0);
	});
	it('finds a statement by Sid or index', () => {
		expect(statementIndex(doc, 'Read')).toBe(0);
		expect(statementIndex(doc, '1')).toBe(1);
		expect(statementIndex(doc, '7')).toBeNull();
	});
});
