/**
 * The properties panel's content for any node, as plain data: facts (ARN, ids, dates, last used),
 * tags, related objects to jump to, and the policy documents to pretty-print. No formatting to
 * HTML here: the component renders text only.
 */
import { inlinePolicyId, resourcePolicyId, trustPolicyId } from '../model/ids';
import type { PolicyDocument } from '../model/policy-document';
import type { GraphSource } from './graph-source';
import type { GraphNode } from './kinds';
import { KIND_LOOK } from './shapes';

/** One policy document to show. */
export interface DetailDocument {
	id: string;
	title: string;
	document: PolicyDocument;
}

/** Everything the properties panel shows for a node. */
export interface NodeDetails {
	title: string;
	kindName: string;
	facts: Array<[string, string]>;
	tags: Array<[string, string]>;
	links: Array<{ label: string; id: string; relation: string }>;
	documents: DetailDocument[];
}

const present = (facts: Array<[string, string | null | undefined]>): Array<[string, string]> =>
	facts.filter((f): f is [string, string] => f[1] !== null && f[1] !== undefined && f[1] !== '');

/** The details of a visible node. */
export function nodeDetails(source: GraphSource, node: GraphNode): NodeDetails {
	const { index } = source;
	const d: NodeDetails = {
		title: node.label,
		kindName: KIND_LOOK[node.kind].name,
		facts: [],
		tags: [],
		links: [],
		documents: []
	};
	if (node.kind === 'root' || node.kind === 'ou') {
		const u = index.orgUnits.get(node.id);
		d.facts = present([
			['Id', node.id],
			['ARN', u?.arn]
		]);
		for (const p of index.orgPoliciesByTarget.get(node.id) ?? [])
			d.links.push({ label: p.name, id: `${p.id}@${node.id}`, relation: p.type });
	} else if (node.kind === 'account') {
		const o = index.orgAccounts.get(node.id);
		const a = index.accounts.get(node.id);
		d.facts = present([
			['Account id', node.id],
			['Email', o?.email],
			['State', o?.state],
			['Joined', o?.joinedTimestamp],
			[
				'Management account',
				index.snapshot.organization?.managementAccountId === node.id ? 'yes' : null
			],
			[
				'Users / groups / roles',
				a ? `${a.users.length} / ${a.groups.length} / ${a.roles.length}` : 'no IAM data'
			],
			['Resources', a ? String(a.resources.length) : null]
		]);
		for (const p of index.orgPoliciesByTarget.get(node.id) ?? [])
			d.links.push({ label: p.name, id: `${p.id}@${node.id}`, relation: p.type });
	} else if (node.kind === 'scp' || node.kind === 'rcp') {
		const p = index.orgPolicies.get(node.ref);
		if (p) {
			d.facts = present([
				['Id', p.id],
				['ARN', p.arn],
				['Description', p.description],
				['AWS managed', p.awsManaged ? 'yes' : 'no']
			]);
			for (const t of p.targets)
				d.links.push({
					label: index.orgUnits.get(t)?.name ?? index.orgAccounts.get(t)?.name ?? t,
					id: t,
					relation: 'attached to'
				});
			d.documents.push({ id: p.id, title: p.name, document: p.document });
		}
	} else if (node.kind === 'user' || node.kind === 'group' || node.kind === 'role') {
		const ent = source.entity(node.id);
		if (ent) {
			const e = ent.e;
			d.facts = present([
				['ARN', e.arn],
				['Unique id', e.id],
				['Path', e.path],
				['Created', e.createDate],
				['Account', `${ent.a.name ?? ''} ${ent.a.id}`.trim()]
			]);
			if (ent.kind === 'role') {
				const r = ent.e;
				d.facts.push(
					...present([
						['Description', r.description],
						[
							'Last used',
							r.lastUsed?.date
								? `${r.lastUsed.date}${r.lastUsed.region ? ' in ' + r.lastUsed.region : ''}`
								: 'never (or unknown)'
						],
						['Max session', r.maxSessionDuration ? `${r.maxSessionDuration / 3600} h` : null],
						['Instance profiles', r.instanceProfiles.map((p) => p.name).join(', ')]
					])
				);
				if (r.trustPolicy)
					d.documents.push({
						id: trustPolicyId(r.arn),
						title: 'Trust policy (who may assume)',
						document: r.trustPolicy
					});
			}
			if (ent.kind !== 'group') {
				d.tags = Object.entries(ent.e.tags);
				if (ent.e.permissionsBoundary)
					d.links.push({
						label: ent.e.permissionsBoundary.split('/').pop() ?? '',
						id: ent.e.permissionsBoundary,
						relation: 'boundary'
					});
			}
			if (ent.kind === 'user')
				for (const g of ent.e.groups) {
					const group = index.groupsByName.get(`${ent.a.id}/${g}`);
					d.links.push({ label: g, id: group?.arn ?? g, relation: 'member of' });
				}
			if (ent.kind === 'group')
				for (const u of ent.a.users)
					if (u.groups.includes(e.name))
						d.links.push({ label: u.name, id: u.arn, relation: 'member' });
			for (const arn of e.attachedPolicies)
				d.links.push({ label: arn.split('/').pop() ?? arn, id: arn, relation: 'attached policy' });
			for (const p of e.inlinePolicies)
				d.documents.push({
					id: inlinePolicyId(e.arn, p.name),
					title: `Inline policy ${p.name}`,
					document: p.document
				});
		}
	} else if (node.kind === 'policy' || node.kind === 'inline') {
		const doc = source.policyDocument(node.id, node.accountId);
		d.facts = present([
			['Id', node.id],
			['Kind', node.sub]
		]);
		if (doc) d.documents.push({ id: node.id, title: node.label, document: doc });
		for (const r of source.reachedResources(doc))
			d.links.push({ label: r.name, id: r.arn, relation: 'names resource' });
	} else if (node.kind === 'resource') {
		const r = index.resources.get(node.id);
		d.facts = present([
			['ARN', node.id],
			['Kind', r?.kind ?? node.sub],
			['Account', r?.accountId ?? node.accountId],
			['Region', r?.region]
		]);
		if (r) {
			d.tags = Object.entries(r.tags);
			if (r.policy)
				d.documents.push({
					id: resourcePolicyId(r.arn),
					title: r.kind === 'kms-key' ? 'Key policy' : 'Resource policy',
					document: r.policy
				});
		}
	} else
		d.facts = present([
			['Principal', node.id],
			['Note', node.sub]
		]);
	return d;
}
