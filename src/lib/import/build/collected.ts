/**
 * The collector's manifest (_collection.json) → `meta.collection`, with a warning when the run
 * was interrupted or some of its calls failed; and the outputs the model does not use yet
 * (S3 Block Public Access, bucket ACLs and ownership, SAML/OIDC providers, IAM Identity Center,
 * regions) → the account's `collected` list, kept as read (issue 14; a later issue models them).
 */
import type { AtlasError } from '../../model/result';
import type { CollectionError, CollectionStatus } from '../../model/snapshot';
import type { ShapedFile } from '../classify';
import { importError } from '../errors';
import type { ReadContext } from '../shapes/read-context';
import type { AccountSet } from './account-set';

interface RawError {
	call: string;
	code: string;
	message: string;
}
interface RawManifest {
	complete: boolean;
	collector: string;
	awsCli: string;
	caller: { arn: string };
	startedAt: string;
	endedAt: string | null;
	organization?: { errors?: RawError[] };
	accounts: {
		id: string;
		status: string;
		regions: string[];
		regionsSkipped?: { region: string }[];
		errors: RawError[];
		refused?: unknown[];
	}[];
}

/** Read a validated manifest; warn (import.collection.*) when it is incomplete or has errors. */
export function readCollection(f: ShapedFile, warnings: AtlasError[]): CollectionStatus {
	const m = f.value as RawManifest;
	const errors: CollectionError[] = [
		...(m.organization?.errors ?? []).map((e) => ({ accountId: null, ...e })),
		...m.accounts.flatMap((a) => a.errors.map((e) => ({ accountId: a.id, ...e })))
	];
	const status: CollectionStatus = {
		complete: m.complete,
		collector: m.collector,
		awsCli: m.awsCli,
		callerArn: m.caller.arn,
		startedAt: m.startedAt,
		endedAt: m.endedAt,
		accounts: m.accounts.map((a) => ({
			id: a.id,
			status: a.status,
			regions: a.regions,
			regionsSkipped: (a.regionsSkipped ?? []).map((r) => r.region),
			refused: a.refused?.length ?? 0
		})),
		errors
	};
	const unfinished = status.accounts.filter((a) => a.status !== 'complete' && a.status !== 'errors');
	if (!status.complete)
		warnings.push(
			importError(
				'collection',
				'incomplete',
				`This collection is incomplete: the collector was interrupted (${unfinished.length} of ${status.accounts.length} accounts not collected: ${unfinished.map((a) => a.id).join(', ')}). Resume it with --resume.`,
				{ file: f.file }
			)
		);
	if (errors.length > 0)
		warnings.push(
			importError(
				'collection',
				'errors',
				`${errors.length} call(s) of the collector failed, so their data is missing, e.g. ${errors[0].call}: ${errors[0].code}.`,
				{ file: f.file }
			)
		);
	return status;
}

/** Keep one collected output in its account's `collected` list. */
export function keepCollected(ctx: ReadContext, f: ShapedFile, accounts: AccountSet, singleAccount: string | null): void {
	const accountId = f.context.accountId ?? singleAccount;
	if (!accountId) {
		ctx.error('no-account', `Cannot tell which account this ${f.shape.what} belongs to: put the file in an <account-id>/ folder.`, '');
		return;
	}
	const account = accounts.account(accountId);
	(account.collected ??= []).push({
		kind: f.shape.kind,
		key: f.shape.parameterised ? f.context.parameter : '',
		region: f.context.region,
		data: f.value
	});
}
