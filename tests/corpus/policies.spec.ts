/**
 * "Real policies" proof (issue 3): every SCP/RCP/VPC-endpoint/resource-policy example in
 * ../shared/corpus/policies and every AWS managed policy in ../shared/corpus/managed-policies
 * parses as a policy document — except the one SCP example with a `//` comment, which must be
 * refused with a clear message — and its actions and condition keys are known to the catalog.
 * The unknown ones are counted exactly and written to test-results/catalog-unknown.json.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActionCatalog } from '../../src/lib/engine/catalog/action-catalog';
import type { CatalogFinding } from '../../src/lib/engine/catalog/lint-policy';
import { loadNodeCatalog } from '../../src/lib/engine/catalog/node-catalog';
import type { PolicyDocument } from '../../src/lib/model/policy-document';
import { readCorpusPolicy } from './read-corpus-policy';

const repoRoot = resolve(import.meta.dirname, '../..');
const corpus = resolve(repoRoot, '../shared/corpus');
const policiesDir = join(corpus, 'policies');
const COMMENTED =
	'scp-examples/Service-specific-controls/AWS-IAM/deny-service-specific-credential-by-type.json';

const walk = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []
	);

interface Unknown extends CatalogFinding {
	source: string;
	/** What the JSON pointer resolves to in the document: the action string, or the condition key's value. */
	resolved: unknown;
}

/** RFC 6901 resolution, to check that every finding points at what it names. */
function resolvePointer(
	doc: unknown,
	pointer: string
): { found: boolean; value: unknown; lastKey: string } {
	let value = doc;
	let lastKey = '';
	for (const raw of pointer.split('/').slice(1)) {
		lastKey = raw.replace(/~1/g, '/').replace(/~0/g, '~');
		if (value === null || typeof value !== 'object' || !Object.hasOwn(value, lastKey))
			return { found: false, value: undefined, lastKey };
		value = (value as Record<string, unknown>)[lastKey];
	}
	return { found: true, value, lastKey };
}

let catalog: ActionCatalog;
const unknowns: Unknown[] = [];
const refused: Array<{ file: string; message: string }> = [];
let parsedFiles = 0;
let parsedManaged = 0;

async function lint(source: string, doc: PolicyDocument): Promise<void> {
	await catalog.ensureForPolicy(doc);
	for (const f of catalog.lintPolicy(doc)) {
		const at = resolvePointer(doc, f.pointer);
		unknowns.push({
			source,
			...f,
			resolved: at.found ? (f.code === 'catalog.action.unknown' ? at.value : at.lastKey) : undefined
		});
	}
}

beforeAll(async () => {
	catalog = await loadNodeCatalog();
	for (const path of walk(policiesDir).sort()) {
		const file = relative(policiesDir, path);
		const read = await readCorpusPolicy(readFileSync(path, 'utf8'), `policies/${file}`);
		if (!read.ok) {
			refused.push({ file, message: read.message });
			continue;
		}
		parsedFiles++;
		await lint(`policies/${file}`, read.doc);
	}
	const managed = JSON.parse(
		readFileSync(join(corpus, 'managed-policies/aws-managed-latest.json'), 'utf8')
	) as Array<{ name: string; document: unknown }>;
	for (const p of managed) {
		const read = await readCorpusPolicy(p.document, `managed:${p.name}`);
		if (!read.ok) {
			refused.push({ file: `managed:${p.name}`, message: read.message });
			continue;
		}
		parsedManaged++;
		await lint(`managed:${p.name}`, read.doc);
	}
	const actions = unknowns.filter((u) => u.code === 'catalog.action.unknown');
	const keys = unknowns.filter((u) => u.code === 'catalog.condition-key.unknown');
	mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
	const distinct = (list: Unknown[]) => [...new Set(list.map((u) => u.value))].sort();
	writeFileSync(
		join(repoRoot, 'test-results/catalog-unknown.json'),
		JSON.stringify(
			{
				catalog: catalog.index.source,
				parsed: { policyFiles: parsedFiles, managedPolicies: parsedManaged },
				refused,
				unknownActions: { occurrences: actions.length, distinct: distinct(actions) },
				unknownConditionKeys: { occurrences: keys.length, distinct: distinct(keys) },
				findings: unknowns.map(({ source, code, value, pointer }) => ({
					source,
					code,
					value,
					pointer
				}))
			},
			null,
			2
		) + '\n'
	);
}, 120000);

describe('corpus policies against the catalog', () => {
	it('parses every policy file except the one with a // comment, which is refused clearly', () => {
		expect(parsedFiles).toBe(91);
		expect(refused.map((r) => r.file)).toEqual([COMMENTED]);
		expect(refused[0].message).toMatch(/not valid JSON/i);
	});

	it('parses every AWS managed policy', () => {
		expect(parsedManaged).toBe(1594);
	});

	it('points every finding at the name it reports', () => {
		expect(unknowns.length).toBeGreaterThan(0);
		expect(unknowns.filter((u) => u.resolved !== u.value)).toEqual([]);
	});

	it('knows every action but the counted unknown ones', () => {
		// Retired services (deepracer, mobilehub, iot1click, zocalo …), actions AWS never documented in the
		// Service Authorization Reference (payments:*, securityagent:*, cloudhsm classic) and `<action>`.
		const actions = unknowns.filter((u) => u.code === 'catalog.action.unknown');
		expect(actions.length).toBe(152);
		expect(new Set(actions.map((a) => a.value)).size).toBe(141);
		expect(actions.map((a) => a.value)).toContain('<action>');
	});

	it('knows every condition key but the counted unknown ones (placeholders included)', () => {
		const keys = unknowns.filter((u) => u.code === 'catalog.condition-key.unknown');
		expect(keys.map((k) => k.value)).toContain('<OIDC_provider_name_1>:sub');
		// Placeholders, deepracer (retired), aws:PrincipalOrgMasterAccountId and lakeformation:GlueARN (undocumented).
		expect(keys.length).toBe(10);
		expect(new Set(keys.map((k) => k.value)).size).toBe(6);
	});
});
