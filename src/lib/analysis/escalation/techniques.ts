/**
 * The technique table: derived from DataDog's pathfinding.cloud (Apache-2.0, see
 * PATHFINDING-LICENSE and PATHFINDING-NOTICE beside it) by scripts/derive-techniques.js, plus the
 * few steps of our own that pathfinding.cloud has no id for.
 */
import table from './techniques.json';

/** One technique of the table. */
export interface Technique {
	/** pathfinding.cloud id (`iam-001`, `lambda-001`, …) or ours (`iam-atlas-…`). */
	id: string;
	name: string;
	category: 'self-escalation' | 'principal-access' | 'new-passrole' | 'existing-passrole';
	/** The permissions it needs, as pathfinding.cloud lists them. */
	actions: string[];
	/** The service the passed or running role must trust; null for IAM techniques. */
	trusts: string | null;
	/** What must exist first, in pathfinding.cloud's words (used as `needs` when the snapshot cannot show it). */
	prerequisite: string | null;
	reference: string;
}

/** Our own techniques (no pathfinding.cloud id fits). */
const OURS: Technique[] = [
	{
		id: 'iam-atlas-boundary-001',
		name: 'iam:DeleteUserPermissionsBoundary / iam:DeleteRolePermissionsBoundary',
		category: 'self-escalation',
		actions: ['iam:DeleteUserPermissionsBoundary'],
		trusts: null,
		prerequisite: null,
		reference:
			'https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteUserPermissionsBoundary.html'
	}
];

/** Every technique by id. */
export const TECHNIQUES: ReadonlyMap<string, Technique> = new Map(
	[...(table.techniques as Technique[]), ...OURS].map((t) => [t.id, t])
);

/** A technique by id (throws on an unknown id: a programming error). */
export function technique(id: string): Technique {
	const t = TECHNIQUES.get(id);
	if (!t) throw new Error(`unknown technique ${id}`);
	return t;
}

/** The techniques that pass a role to a new resource of a service (iam:PassRole among the actions). */
export const PASSROLE_TECHNIQUES = [...TECHNIQUES.values()].filter(
	(t) => t.trusts !== null && t.actions.includes('iam:PassRole')
);

/** The techniques that use an existing resource running as a role. */
export const EXISTING_TECHNIQUES = [...TECHNIQUES.values()].filter(
	(t) => t.trusts !== null && !t.actions.includes('iam:PassRole')
);

/** Whether a new-passrole technique needs nothing but a role that trusts the service. */
export const needsOnlyRole = (t: Technique): boolean =>
	t.prerequisite === null || /^A (privileged IAM )?role must exist/i.test(t.prerequisite);
