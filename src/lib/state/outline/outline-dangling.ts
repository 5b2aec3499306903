/**
 * The outline's view of dangling references (found by model/references.ts): a key per reference
 * so a row can ask "is this one unresolved?", and a top-level folder listing them all in words.
 */
import type { DanglingKind, DanglingReference } from '../../model/references';
import { folder, node, type OutlineNode } from './outline-node';

/** The lookup key of one reference. */
export const danglingKey = (kind: DanglingKind, from: string, ref: string): string =>
	`${kind}|${from}|${ref}`;

const WHAT: Record<DanglingKind, string> = {
	'managed-policy': 'attaches a managed policy the account does not list',
	'permissions-boundary': 'has a permissions boundary the account does not list',
	group: 'is a member of a group the account does not have',
	'org-target': 'is attached to a target not in the organization',
	'org-parent': 'sits under a parent not in the organization'
};

/** "Dangling references" folder listing each one, or null when there are none. */
export function danglingFolder(refs: DanglingReference[]): OutlineNode | null {
	return folder('top', 'dangling', 'Dangling references', refs, (id, r) => {
		const detail = `${shortName(r.from)} ${WHAT[r.kind]}${r.accountId ? ` (account ${r.accountId})` : ''}`;
		// The row says it all; the dangling text repeats it so the row is flagged like the others.
		return node(id, {
			key: danglingKey(r.kind, r.from, r.ref),
			kind: 'note',
			label: r.ref,
			detail,
			dangling: detail
		});
	});
}

function shortName(id: string): string {
	return id.startsWith('arn:') ? (id.split('/').pop() ?? id) : id;
}
