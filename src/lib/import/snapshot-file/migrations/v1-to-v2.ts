/**
 * Snapshot format 1 → 2: review notes gain what a meeting records on a finding (target kind,
 * status, owner, due date, update time) and saved views get their typed fields (title, note,
 * expansion, selection, the traced question and its context, camera). Version 1 only reserved
 * both lists; a v1 note becomes a plain note on a node, and a v1 view keeps whatever of its open
 * `state` has the v2 shape (anything else is dropped, as v1 never defined it). Accounts gain
 * `evidence` (credential report, account summary, …) with every part null: v1 never collected it.
 */
import type { Migration, SnapshotDocument } from '../migrate';
import { noEvidence } from '../../../model/evidence';

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json =>
	v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function noteV2(note: unknown, index: number): Json {
	if (!isRecord(note)) throw new Error(`notes[${index}] is not an object`);
	const createdAt = str(note.createdAt) ?? '';
	return {
		id: note.id,
		targetKind: 'node',
		target: note.target,
		text: note.text,
		author: note.author ?? null,
		createdAt,
		updatedAt: createdAt,
		status: null,
		owner: null,
		due: null
	};
}

function viewV2(view: unknown, index: number): Json {
	if (!isRecord(view)) throw new Error(`views[${index}] is not an object`);
	const state = isRecord(view.state) ? view.state : {};
	const context: Record<string, string> = {};
	if (isRecord(state.context))
		for (const [k, v] of Object.entries(state.context))
			if (typeof v === 'string')
				Object.defineProperty(context, k, {
					value: v,
					enumerable: true,
					writable: true,
					configurable: true
				});
	const expanded = Array.isArray(state.expanded)
		? state.expanded.filter((e) => typeof e === 'string')
		: [];
	return {
		id: view.id,
		title: str(view.name) ?? '',
		note: str(state.note) ?? '',
		expanded,
		selected: str(state.selected),
		principal: str(state.principal),
		resource: str(state.resource),
		action: str(state.action),
		context,
		camera: null,
		createdAt: str(state.createdAt) ?? ''
	};
}

/** Lifts a version-1 document to version 2 (see the module header). */
export const v1ToV2: Migration = {
	from: 1,
	up(doc: SnapshotDocument): SnapshotDocument {
		const notes = Array.isArray(doc.notes) ? doc.notes.map(noteV2) : [];
		const views = Array.isArray(doc.views) ? doc.views.map(viewV2) : [];
		const accounts = Array.isArray(doc.accounts)
			? doc.accounts.map((a) =>
					isRecord(a) && !('evidence' in a) ? { ...a, evidence: noEvidence() } : a
				)
			: doc.accounts;
		return { ...doc, notes, views, accounts };
	}
};
