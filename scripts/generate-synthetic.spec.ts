import { describe, expect, it } from 'vitest';
import { generate } from './generate-synthetic.js';
import { importFiles } from '../src/lib/import/import-files';
import { countSnapshot } from '../src/lib/import/testing/count-snapshot';

const toInputs = (files: Map<string, unknown>) =>
	[...files].map(([path, value]) => ({
		path: `synthetic/${path}`,
		bytes: new TextEncoder().encode(JSON.stringify(value, null, 4))
	}));

describe('generate-synthetic', () => {
	it('is deterministic', () => {
		const a = JSON.stringify([...generate({ accounts: 4, principals: 40, policies: 12 })]);
		const b = JSON.stringify([...generate({ accounts: 4, principals: 40, policies: 12 })]);
		expect(a).toBe(b);
	});

	it('writes a collection the importer reads with the requested counts', () => {
		const outcome = importFiles(toInputs(generate({ accounts: 7, principals: 71, policies: 15 })));
		expect(outcome.ok, JSON.stringify(outcome.ok ? [] : outcome.errors.slice(0, 3))).toBe(true);
		if (!outcome.ok) return;
		expect(outcome.warnings).toEqual([]);
		const t = countSnapshot(outcome.snapshot);
		expect(t.accounts).toBe(7);
		expect(t.users + t.roles).toBe(71);
		expect(t.customerManaged).toBe(15);
		expect(t.orgAccounts).toBe(7);
		expect(t.danglingPolicyArns).toBe(0);
		expect(t.resources).toBe(7 * 4);
	});
});
