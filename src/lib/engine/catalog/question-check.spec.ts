import { beforeAll, describe, expect, it } from 'vitest';
import type { ActionCatalog } from './action-catalog';
import { loadNodeCatalog } from './node-catalog';
import { checkQuestion, editDistance, questionCheckServices } from './question-check';

interface Case {
	name: string;
	action: string;
	resource: string | null;
	known: boolean;
	suggestionsInclude?: string[];
	mismatch?: { resourceType: string; expectsInclude: string } | null;
	fix?: string | null;
	conditionKeysInclude?: string[];
}
const files = import.meta.glob<{ doc: string; cases: Case[] }>('./question-cases/*.json', {
	eager: true,
	import: 'default'
});

let catalog: ActionCatalog;
beforeAll(async () => {
	catalog = await loadNodeCatalog();
});

describe('question checks', () => {
	it('measures edit distance case-insensitively', () => {
		expect(editDistance('GetObjekt', 'getobject')).toBe(1);
		expect(editDistance('abc', 'xyzabc', 2)).toBe(3);
	});

	for (const [file, { doc, cases }] of Object.entries(files))
		for (const c of cases)
			it(`${c.name} (${file}; ${doc.split(' ')[0]})`, async () => {
				await catalog.ensure(questionCheckServices(catalog, c.action, c.resource));
				const r = checkQuestion(catalog, c.action, c.resource);
				expect(r.known).toBe(c.known);
				for (const s of c.suggestionsInclude ?? []) expect(r.suggestions).toContain(s);
				if (c.mismatch === null) expect(r.mismatch).toBeNull();
				if (c.mismatch) {
					expect(r.mismatch?.resourceType).toBe(c.mismatch.resourceType);
					expect(r.mismatch?.expects).toContain(c.mismatch.expectsInclude);
				}
				if (c.fix !== undefined) expect(r.mismatch?.fix?.resource ?? null).toBe(c.fix);
				for (const k of c.conditionKeysInclude ?? []) expect(r.conditionKeys).toContain(k);
			});
});
