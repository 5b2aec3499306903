/**
 * The snapshot diff: structural changes (structural.ts) and the access changes they cause
 * (access.ts). Pure: two snapshots (and optionally the action catalog) in, changes out.
 */
import type { ActionCatalog } from '../../engine/catalog';
import type { Snapshot } from '../../model/snapshot';
import { accessDiff } from './access';
import { structuralDiff, type Change } from './structural';

export type { Change, ChangeKind } from './structural';

/** Options of a diff. */
export interface DiffOptions {
	/** "Now" for the access analyses (ISO 8601). */
	now?: string;
	/** The action catalog, for the resources' sensitive actions (who-can part). */
	catalog?: ActionCatalog | null;
	/** Skip the access part (structure only). */
	structureOnly?: boolean;
}

/** Every change from `before` to `after`: structure first, then access. Empty when they mean the same. */
export function diffSnapshots(
	before: Snapshot,
	after: Snapshot,
	options: DiffOptions = {}
): Change[] {
	const structure = structuralDiff(before, after);
	if (options.structureOnly || !structure.length) return structure;
	return [...structure, ...accessDiff(before, after, structure, options)];
}

/** The CLI's JSON line of a change (kind, change, subject first). */
export function changeLine(c: Change): string {
	const { kind, change, subject, ...rest } = c;
	return JSON.stringify({ kind, change, subject, ...rest });
}

/** A change in words (one or more lines). */
export function changeText(c: Change): string {
	const mark = c.change === 'added' ? '+' : c.change === 'removed' ? '-' : '~';
	const lines = [`${mark} ${c.kind} ${c.subject}${c.object ? ` ${c.object}` : ''}: ${c.detail}`];
	if (c.kind === 'access' && typeof c.before === 'string')
		lines.push(`    before: ${c.before}   after: ${c.after}`);
	for (const s of c.statementsRemoved ?? []) lines.push(`    - ${s}`);
	for (const s of c.statementsAdded ?? []) lines.push(`    + ${s}`);
	for (const cause of c.causes ?? []) lines.push(`    because: ${cause}`);
	return lines.join('\n');
}
