/**
 * Resource-policy outputs → resources with their policies. A resource's account is the one
 * in its ARN when it has one; otherwise (S3 buckets, ARNs built from a file name) the
 * `<account-id>/` folder the file sits in, or else the import's only account. Listings
 * (list-buckets, list-keys) add resources without a policy; a policy file fills it in.
 */
import type { PolicyDocument } from '../../model/policy-document';
import type { Resource, ResourceKind } from '../../model/snapshot';
import { accountOfArn, parseArn } from '../../model/ids';
import type { ShapedFile } from '../classify';
import type { ReadContext } from '../shapes/read-context';
import type { AccountSet } from './account-set';
import { importError } from '../errors';
import { shapeValue } from '../shape-values';


interface Found {
	kind: ResourceKind;
	name: string;
	/** The ARN when the output carries one (else built from the name). */
	arn: string | null;
	/** The policy text/value and where it sits, when there is one. */
	policy: { raw: unknown; pointer: string } | null;
	/** An account the output itself names (ECR registryId). */
	account?: string | null;
	/** A region the output itself names (list-buckets' BucketRegion). */
	region?: string | null;
	pointer: string;
}

/** What one validated resource file lists. */
function found(f: ShapedFile): Found[] {
	const name = f.context.parameter;
	switch (f.shape.id) {
		case 'buckets':
			return shapeValue(f, 'buckets').Buckets.map((b, i): Found => ({
				kind: 's3-bucket',
				name: b.Name,
				arn: null,
				policy: null,
				region: typeof b.BucketRegion === 'string' && b.BucketRegion ? b.BucketRegion : null,
				pointer: `/Buckets/${i}`
			}));
		case 'bucket-policy':
			return [{ kind: 's3-bucket', name, arn: null, policy: { raw: shapeValue(f, 'bucket-policy').Policy, pointer: '/Policy' }, pointer: '' }];
		case 'keys':
			return shapeValue(f, 'keys').Keys.map((k, i): Found => ({ kind: 'kms-key', name: k.KeyId, arn: k.KeyArn ?? null, policy: null, pointer: `/Keys/${i}` }));
		case 'key-policy': {
			const arn = name.startsWith('arn:') ? name : null;
			return [{ kind: 'kms-key', name: arn ? arn.split('/').at(-1)! : name, arn, policy: { raw: shapeValue(f, 'key-policy').Policy, pointer: '/Policy' }, pointer: '' }];
		}
		case 'queue': {
			const a = shapeValue(f, 'queue').Attributes ?? {};
			const policy = a.Policy !== undefined ? { raw: a.Policy, pointer: '/Attributes/Policy' } : null;
			return [{ kind: 'sqs-queue', name: (a.QueueArn ?? name).split(/[:/]/).at(-1)!, arn: a.QueueArn ?? queueArnOf(name), policy, pointer: '' }];
		}
		case 'topic': {
			const a = shapeValue(f, 'topic').Attributes;
			const policy = a.Policy !== undefined ? { raw: a.Policy, pointer: '/Attributes/Policy' } : null;
			const arn = a.TopicArn ?? (name.startsWith('arn:') ? name : null);
			return [{ kind: 'sns-topic', name: (arn ?? name).split(':').at(-1)!, arn, policy, pointer: '' }];
		}
		case 'lambda-policy': {
			const arn = name.startsWith('arn:') ? name : null;
			return [{ kind: 'lambda-function', name: arn ? arn.split(':')[6] : name, arn, policy: { raw: shapeValue(f, 'lambda-policy').Policy, pointer: '/Policy' }, pointer: '' }];
		}
		case 'secret': {
			const v = shapeValue(f, 'secret');
			const policy = v.ResourcePolicy !== undefined ? { raw: v.ResourcePolicy, pointer: '/ResourcePolicy' } : null;
			return [{ kind: 'secret', name: v.Name ?? v.ARN.split(':').at(-1)!, arn: v.ARN, policy, pointer: '/ARN' }];
		}
		case 'ecr-policy': {
			const v = shapeValue(f, 'ecr-policy');
			const policy = v.policyText !== undefined ? { raw: v.policyText, pointer: '/policyText' } : null;
			return [{ kind: 'ecr-repository', name: v.repositoryName, arn: null, policy, account: v.registryId ?? null, pointer: '' }];
		}
		case 'queues':
			return (shapeValue(f, 'queues').QueueUrls ?? []).map((url, i): Found => ({
				kind: 'sqs-queue',
				name: url.split('/').at(-1)!,
				arn: queueArnOf(url),
				policy: null,
				pointer: `/QueueUrls/${i}`
			}));
		case 'topics':
			return shapeValue(f, 'topics').Topics.map((t, i): Found => ({
				kind: 'sns-topic',
				name: t.TopicArn.split(':').at(-1)!,
				arn: t.TopicArn,
				policy: null,
				pointer: `/Topics/${i}`
			}));
		case 'functions':
			return shapeValue(f, 'functions').Functions.map((fn, i): Found => ({
				kind: 'lambda-function',
				name: fn.FunctionName,
				arn: fn.FunctionArn ?? null,
				policy: null,
				pointer: `/Functions/${i}`
			}));
		case 'secrets':
			return shapeValue(f, 'secrets').SecretList.map((x, i): Found => ({
				kind: 'secret',
				name: x.Name ?? x.ARN.split(':').at(-1)!,
				arn: x.ARN,
				policy: null,
				pointer: `/SecretList/${i}`
			}));
		case 'repositories':
			return shapeValue(f, 'repositories').repositories.map((r, i): Found => ({
				kind: 'ecr-repository',
				name: r.repositoryName,
				arn: r.repositoryArn ?? null,
				policy: null,
				account: r.registryId ?? null,
				pointer: `/repositories/${i}`
			}));
		default:
			return [];
	}
}

/** `https://sqs.<region>.amazonaws.com/<account>/<name>` (or the legacy queue.amazonaws.com) → queue ARN. */
function queueArnOf(url: string): string | null {
	const m = /^https?:\/\/(?:sqs\.([a-z0-9-]+)\.amazonaws\.com|queue\.amazonaws\.com|([a-z0-9-]+)\.queue\.amazonaws\.com)\/(\d{12})\/([^/?#]+)/.exec(url);
	if (!m) return null;
	return `arn:aws:sqs:${m[1] ?? m[2] ?? 'us-east-1'}:${m[3]}:${m[4]}`;
}

/** The ARN of a resource known only by name, account and region. */
function arnOf(kind: ResourceKind, name: string, account: string, region: string | null): string {
	switch (kind) {
		case 's3-bucket':
			return `arn:aws:s3:::${name}`;
		case 'kms-key':
			return `arn:aws:kms:${region ?? ''}:${account}:key/${name}`;
		case 'lambda-function':
			return `arn:aws:lambda:${region ?? ''}:${account}:function:${name}`;
		case 'ecr-repository':
			return `arn:aws:ecr:${region ?? ''}:${account}:repository/${name}`;
		case 'sqs-queue':
			return `arn:aws:sqs:${region ?? ''}:${account}:${name}`;
		case 'sns-topic':
			return `arn:aws:sns:${region ?? ''}:${account}:${name}`;
		default:
			return `arn:aws:${kind}:${region ?? ''}:${account}:${name}`;
	}
}

/** Read one validated resource file into the accounts. */
export function mergeResource(ctx: ReadContext, f: ShapedFile, accounts: AccountSet, singleAccount: string | null): void {
	for (const r of found(f)) {
		const arnAccount = r.arn ? accountOfArn(r.arn) : null;
		const accountId = arnAccount ?? r.account ?? f.context.accountId ?? singleAccount;
		if (r.arn && !arnAccount && parseArn(r.arn)?.account && accountId)
			ctx.warn('invalid-arn', `The ARN ${r.arn} has no valid 12-digit account id; the resource was placed in account ${accountId}.`, r.pointer);
		if (!accountId) {
			ctx.error('no-account', `Cannot tell which account "${r.name}" belongs to: put the file in an <account-id>/ folder.`, r.pointer);
			continue;
		}
		const region = (r.arn ? parseArn(r.arn)?.region : null) || r.region || f.context.region || null;
		if (!r.arn && r.kind !== 's3-bucket' && !region) {
			ctx.error('no-region', `Cannot tell which region "${r.name}" is in: put the file in a <region>/ folder.`, r.pointer);
			continue;
		}
		const policy: PolicyDocument | null = r.policy ? ctx.policy(r.policy.raw, r.policy.pointer) : null;
		if (r.policy && !policy) continue;
		const resource: Resource = { arn: r.arn ?? arnOf(r.kind, r.name, accountId, region), kind: r.kind, name: r.name, accountId, region, policy, tags: {}, awsManaged: null };
		const prior = accounts.sourceOf(accountId, 'resources', resource.arn);
		if (!prior) accounts.add(accountId, 'resources', resource, ctx.file, ctx.shape);
		else {
			const known = prior.entity as Resource;
			known.region ??= region;
			if (known.policy === null) known.policy = policy;
			else if (policy !== null && JSON.stringify(known.policy) !== JSON.stringify(policy))
				ctx.errors.push(
					importError(ctx.shape, 'conflict', `"${ctx.file}" and "${prior.file}" give different policies for ${resource.arn}. Import one of them.`, { file: ctx.file })
				);
		}
	}
}
