/**
 * Second phase of an import: validated files → organization and accounts. IAM data first
 * (GAADs, then get-role), so later files can fall back on "the only account" when neither
 * their path nor their content names one; then the organization; then resources.
 */
import type { AtlasError } from '../../model/result';
import type { Account, CollectionStatus, Organization } from '../../model/snapshot';
import type { ShapedFile } from '../classify';
import { ReadContext } from '../shapes/read-context';
import { readGaad } from '../shapes/gaad';
import type { Gaad } from '../schemas/gaad.validate.js';
import type { IamGetRole } from '../schemas/iam-get-role.validate.js';
import { AccountSet } from './account-set';
import { mergeGetRole } from './get-role';
import { buildOrganization } from './organization';
import { mergeResource } from './resources';
import { EVIDENCE_SHAPES, mergeEvidence } from './evidence';
import { COLLECTED_SHAPES } from '../shape-table';
import { keepCollected, readCollection } from './collected';

/** What the files add up to. */
export interface SnapshotParts {
	organization: Organization | null;
	accounts: Account[];
	/** When the data was captured (the latest credential report's GeneratedTime), if known. */
	capturedAt: string | null;
	/** The collector's manifest, when the files had one. */
	collection?: CollectionStatus;
}

const ORG_SHAPES = new Set(['organization', 'roots', 'ous', 'accounts', 'org-policies', 'org-policy', 'org-targets']);

/** Build the organization and accounts from validated files. */
export function buildSnapshotParts(files: ShapedFile[], errors: AtlasError[], warnings: AtlasError[]): SnapshotParts {
	const accounts = new AccountSet(errors);
	const ctx = (f: ShapedFile) => new ReadContext(f.file, f.shape.id, errors, warnings);
	for (const f of files) if (f.shape.id === 'gaad') for (const part of readGaad(ctx(f), f.value as Gaad, f.context.accountId)) accounts.addPart(part, f.file);
	const single = () => {
		const ids = accounts.ids();
		return ids.length === 1 ? ids[0] : null;
	};
	for (const f of files) if (f.shape.id === 'get-role') mergeGetRole(ctx(f), f.value as IamGetRole, f.context.accountId, accounts, single());
	const organization = buildOrganization(
		files.filter((f) => ORG_SHAPES.has(f.shape.id)),
		(f) => ctx(f)
	);
	const singleIam = single();
	let collection: CollectionStatus | undefined;
	for (const f of files) {
		if (ORG_SHAPES.has(f.shape.id) || EVIDENCE_SHAPES.has(f.shape.id)) continue;
		if (f.shape.id === 'gaad' || f.shape.id === 'get-role') continue;
		if (f.shape.id === 'collection') collection = readCollection(f, warnings);
		else if (COLLECTED_SHAPES.has(f.shape.id)) keepCollected(ctx(f), f, accounts, singleIam);
		else mergeResource(ctx(f), f, accounts, singleIam);
	}
	const capturedAt = mergeEvidence(
		files.filter((f) => EVIDENCE_SHAPES.has(f.shape.id)),
		ctx,
		accounts,
		singleIam
	);
	if (organization)
		for (const a of organization.accounts) if (accounts.has(a.id)) accounts.account(a.id).name = a.name;
	return {
		organization,
		accounts: accounts.accounts(),
		capturedAt,
		...(collection ? { collection } : {})
	};
}
