/**
 * The review record over a snapshot's `notes` (model/snapshot.ts ReviewNote): the key a finding's
 * notes hang on, a target's notes, the decision recorded on a finding, and the pure edits the app
 * makes (add a note, record a decision). Immutable: every edit returns a new list. Storing the list
 * is the caller's (a state class writes it to the store; the CLI only reads it).
 */
import type { ReviewNote, ReviewStatus } from '../../model/snapshot';
import type { Finding } from '../findings/types';

/** The note target of a finding: `<rule>|<subject>` (stable across runs of the same snapshot). */
export const findingKey = (f: Pick<Finding, 'rule' | 'subject'>): string =>
	`${f.rule}|${f.subject}`;

/** The notes on one node or finding, oldest first. */
export function notesFor(
	notes: readonly ReviewNote[],
	targetKind: ReviewNote['targetKind'],
	target: string
): ReviewNote[] {
	return notes
		.filter((n) => n.targetKind === targetKind && n.target === target)
		.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

/** The decision in force on a finding: its latest note carrying a status (by updatedAt), or null. */
export function decisionFor(notes: readonly ReviewNote[], key: string): ReviewNote | null {
	let best: ReviewNote | null = null;
	for (const n of notes)
		if (
			n.targetKind === 'finding' &&
			n.target === key &&
			n.status &&
			(!best || n.updatedAt >= best.updatedAt)
		)
			best = n;
	return best;
}

/** Every decision by finding key (the latest status note of each). */
export function decisionsByKey(notes: readonly ReviewNote[]): Map<string, ReviewNote> {
	const out = new Map<string, ReviewNote>();
	for (const n of notes) {
		if (n.targetKind !== 'finding' || !n.status) continue;
		const seen = out.get(n.target);
		if (!seen || n.updatedAt >= seen.updatedAt) out.set(n.target, n);
	}
	return out;
}

/** What a new note says. */
export interface NoteDraft {
	targetKind: ReviewNote['targetKind'];
	target: string;
	text: string;
	author?: string | null;
	/** Only on findings. */
	status?: ReviewStatus | null;
	owner?: string | null;
	/** YYYY-MM-DD. */
	due?: string | null;
}

/** Why a draft cannot be stored, in words; null when it can. */
export function draftProblem(d: NoteDraft): string | null {
	if (!d.target) return 'A note needs something to be about.';
	if (d.status && d.targetKind !== 'finding') return 'Only a finding takes a decision.';
	if (!d.text.trim() && !d.status) return 'Write a note or choose a decision.';
	if (d.due && !/^\d{4}-\d{2}-\d{2}$/.test(d.due)) return 'The date must be YYYY-MM-DD.';
	return null;
}

/** The notes with `draft` appended as a new note (`id` and `at` given by the caller, so this stays pure). */
export function withNote(
	notes: readonly ReviewNote[],
	draft: NoteDraft,
	id: string,
	at: string
): ReviewNote[] {
	const blank = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);
	return [
		...notes,
		{
			id,
			targetKind: draft.targetKind,
			target: draft.target,
			text: draft.text.trim(),
			author: blank(draft.author),
			createdAt: at,
			updatedAt: at,
			status: draft.status ?? null,
			owner: blank(draft.owner),
			due: blank(draft.due)
		}
	];
}

/** The notes without the note `id`. */
export const withoutNote = (notes: readonly ReviewNote[], id: string): ReviewNote[] =>
	notes.filter((n) => n.id !== id);
