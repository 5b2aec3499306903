/**
 * The findings cases as data (cases/README.md): one test per case, each checking exactly which
 * subjects (and severities) its rule reports.
 */
import { describe, expect, it } from 'vitest';
import type { CredentialReportRow } from '../../model/evidence';
import type { Snapshot } from '../../model/snapshot';
import { worldToSnapshot, type World } from '../../engine/testing/world';
import { makeCredentialReportRow } from '../../testing/builders';
import { findFindings } from './find-findings';
import { RULES } from './find-findings';

interface FindingsCase {
	name: string;
	doc: string;
	rule: string;
	world: World;
	reports?: Record<string, { generatedTime: string | null; rows: Partial<CredentialReportRow>[] }>;
	patch?: Record<string, unknown>;
	expect: { subject: string; severity: string }[];
}

const files = import.meta.glob<FindingsCase[]>('./cases/*.json', {
	eager: true,
	import: 'default'
});

/** Set a value at a JSON pointer; in arrays, a segment may name an element by its id or name. */
function setAt(root: unknown, pointer: string, value: unknown): void {
	const keys = pointer.split('/').slice(1);
	let cur = root as Record<string, unknown>;
	const step = (c: Record<string, unknown>, k: string): string =>
		Array.isArray(c) && !/^\d{1,3}$/.test(k)
			? String((c as { id?: string; name?: string }[]).findIndex((e) => e.id === k || e.name === k))
			: k;
	for (const k of keys.slice(0, -1)) {
		const next = cur[step(cur, k)];
		if (next === undefined || next === null) throw new Error(`no ${k} in ${pointer}`);
		cur = next as Record<string, unknown>;
	}
	cur[step(cur, keys.at(-1)!)] = value;
}

function snapshotOf(c: FindingsCase): Snapshot {
	const s = worldToSnapshot(c.world);
	for (const [id, report] of Object.entries(c.reports ?? {}))
		setAt(s, `/accounts/${id}/evidence/credentialReport`, {
			generatedTime: report.generatedTime,
			rows: report.rows.map((r) =>
				makeCredentialReportRow({
					...r,
					arn:
						r.user === '<root_account>'
							? `arn:aws:iam::${id}:root`
							: `arn:aws:iam::${id}:user/${r.user ?? 'alice'}`
				})
			)
		});
	for (const [pointer, value] of Object.entries(c.patch ?? {})) setAt(s, pointer, value);
	return s;
}

const cases = Object.entries(files).flatMap(([file, list]) =>
	list.map((c) => ({ file: file.split('/').pop()!, c }))
);

describe('findings cases', () => {
	for (const { file, c } of cases)
		it(`${file}: ${c.name}`, () => {
			const got = findFindings(snapshotOf(c))
				.filter((f) => f.rule === c.rule)
				.map((f) => ({ subject: f.subject, severity: f.severity }))
				.sort((a, b) => (a.subject < b.subject ? -1 : 1));
			expect(got).toEqual(c.expect);
		});

	it('every rule has a case that fires and one that must not', () => {
		for (const rule of RULES) {
			const mine = cases.filter(({ c }) => c.rule === rule.id);
			expect(
				mine.some(({ c }) => c.expect.length > 0),
				`${rule.id} fires somewhere`
			).toBe(true);
			expect(
				mine.some(({ c }) => c.expect.length === 0),
				`${rule.id} stays silent somewhere`
			).toBe(true);
		}
	});

	it('every finding has a subject, a one-line title, a severity and evidence', () => {
		const all = cases.flatMap(({ c }) => findFindings(snapshotOf(c)));
		expect(all.length).toBeGreaterThan(20);
		for (const f of all) {
			expect(f.subject).not.toBe('');
			expect(f.title).not.toMatch(/^$|\n/);
			expect(['critical', 'high', 'medium', 'low', 'info']).toContain(f.severity);
			expect(Object.keys(f.evidence).length).toBeGreaterThan(0);
		}
	});
});
