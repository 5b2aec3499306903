/**
 * The graph "universe" of one snapshot, built lazily: the org spine, what each node shows when
 * expanded (`reveal`), the relations between any two nodes (`relations`), and which expansions
 * make a given model object visible (`expansionsFor`). It never materialises every principal.
 */
import { accountOfArn, inlinePolicyId, parseArn } from '../model/ids';
import { statementsOf, type PolicyDocument } from '../model/policy-document';
import { policyIn, type SnapshotIndex } from '../model/snapshot-index';
import type { Account, Group, Role, User } from '../model/snapshot';
import { resourceReach } from './arn-pattern';
import {
	attachmentId,
	edgeId,
	NO_ORG_ROOT,
	type EdgeKind,
	type GraphEdge,
	type GraphNode
} from './kinds';
import {
	accountNode,
	attachmentNode,
	externalNode,
	inlineNode,
	managedPolicyNode,
	noOrgRoot,
	principalNode,
	resourceNode,
	ROW,
	unitNode
} from './node-factory';
import { accountPrincipal, namedPrincipals, roleOfSession } from './principal-ref';

/** Nodes and edges that appear together. */
export interface Reveal {
	nodes: GraphNode[];
	edges: GraphEdge[];
}

/** At most this many resources are drawn for one policy; the rest are listed in its details. */
export const MAX_REACHED = 40;

const edge = (source: string, target: string, kind: EdgeKind): GraphEdge => ({
	id: edgeId(source, target, kind),
	source,
	target,
	kind
});

type Entity =
	| { kind: 'user'; e: User; a: Account }
	| { kind: 'group'; e: Group; a: Account }
	| { kind: 'role'; e: Role; a: Account };

/** The lazily built graph of one snapshot. */
export class GraphSource {
	readonly index: SnapshotIndex;
	#policyOwner = new Map<
		string,
		{ ownerArn: string; accountId: string; doc: PolicyDocument | null }
	>();

	/** Index the snapshot (cheap: only maps of what exists). */
	constructor(index: SnapshotIndex) {
		this.index = index;
		for (const a of index.snapshot.accounts)
			for (const e of [...a.users, ...a.groups, ...a.roles])
				for (const p of e.inlinePolicies)
					this.#policyOwner.set(inlinePolicyId(e.arn, p.name), {
						ownerArn: e.arn,
						accountId: a.id,
						doc: p.document
					});
	}

	/** The id of the top node. */
	get rootId(): string {
		return this.index.snapshot.organization?.rootId ?? NO_ORG_ROOT;
	}

	/** The org tree: root, OUs, accounts, and the SCPs/RCPs attached to the root and OUs. */
	spine(): Reveal {
		const { index } = this;
		const org = index.snapshot.organization;
		const nodes: GraphNode[] = [];
		const edges: GraphEdge[] = [];
		if (!org) {
			nodes.push(noOrgRoot(index.snapshot.meta.name));
			for (const a of index.snapshot.accounts) {
				nodes.push(accountNode(index, a.id));
				edges.push(edge(NO_ORG_ROOT, a.id, 'contains'));
			}
			return { nodes, edges };
		}
		for (const u of org.units) {
			nodes.push(unitNode(u));
			if (u.parentId) edges.push(edge(u.parentId, u.id, 'contains'));
			for (const p of index.orgPoliciesByTarget.get(u.id) ?? []) {
				const n = attachmentNode(p, u.id);
				nodes.push(n);
				edges.push(edge(n.id, u.id, n.kind === 'scp' ? 'scp' : 'rcp'));
			}
		}
		const accountIds = new Set([
			...org.accounts.map((a) => a.id),
			...index.snapshot.accounts.map((a) => a.id)
		]);
		for (const id of [...accountIds].sort()) {
			nodes.push(accountNode(index, id));
			const parent = index.orgAccounts.get(id)?.parentId ?? org.rootId;
			edges.push(edge(index.orgUnits.has(parent) ? parent : org.rootId, id, 'contains'));
		}
		return { nodes, edges };
	}

	/** A user, group or role by ARN. */
	entity(arn: string): Entity | null {
		const p = this.index.principals.get(arn);
		if (p)
			return p.kind === 'user'
				? { kind: 'user', e: p.entity, a: p.account }
				: { kind: 'role', e: p.entity, a: p.account };
		const g = this.index.groups.get(arn);
		if (!g) return null;
		const a = this.index.accounts.get(/:iam::(\d{12}):/.exec(arn)?.[1] ?? '');
		return a ? { kind: 'group', e: g, a } : null;
	}

	/** The policy document behind a managed (per account) or inline policy id. */
	policyDocument(id: string, accountId: string | null): PolicyDocument | null {
		const inline = this.#policyOwner.get(id);
		if (inline) return inline.doc;
		const policy = accountId ? policyIn(this.index, accountId, id) : undefined;
		const version = policy?.versions.find((v) => v.isDefault) ?? policy?.versions[0];
		return version?.document ?? null;
	}

	/** What expanding `node` shows. */
	reveal(node: GraphNode): Reveal {
		const { index } = this;
		const nodes: GraphNode[] = [];
		const edges: GraphEdge[] = [];
		if (node.kind === 'account') {
			const a = index.accounts.get(node.id);
			for (const p of index.orgPoliciesByTarget.get(node.id) ?? []) {
				const n = attachmentNode(p, node.id);
				nodes.push(n);
				edges.push(edge(n.id, node.id, n.kind === 'scp' ? 'scp' : 'rcp'));
			}
			if (!a) return { nodes, edges };
			for (const g of a.groups) nodes.push(principalNode('group', g, a.id));
			for (const u of a.users) nodes.push(principalNode('user', u, a.id));
			for (const r of a.roles) nodes.push(principalNode('role', r, a.id));
			for (const r of a.resources) nodes.push(resourceNode(r));
			for (const n of nodes) {
				const grouped =
					n.kind === 'user' && (index.principals.get(n.id)?.entity as User).groups.length > 0;
				if (n.kind !== 'scp' && n.kind !== 'rcp' && !grouped)
					edges.push(edge(node.id, n.id, 'contains'));
			}
			return { nodes, edges };
		}
		if (node.kind === 'user' || node.kind === 'group' || node.kind === 'role') {
			const ent = this.entity(node.id);
			if (!ent) return { nodes, edges };
			for (const arn of ent.e.attachedPolicies)
				nodes.push(managedPolicyNode(arn, policyIn(index, ent.a.id, arn), ent.a.id));
			for (const p of ent.e.inlinePolicies)
				nodes.push(inlineNode(inlinePolicyId(ent.e.arn, p.name), p, ent.a.id));
			const boundary = ent.kind === 'group' ? null : ent.e.permissionsBoundary;
			if (boundary && !nodes.some((n) => n.id === boundary))
				nodes.push(managedPolicyNode(boundary, policyIn(index, ent.a.id, boundary), ent.a.id));
			if (ent.kind === 'role')
				for (const n of this.#principalsNamed(ent.e.trustPolicy)) nodes.push(n);
			return { nodes, edges };
		}
		if (node.kind === 'policy' || node.kind === 'inline') {
			const doc = this.policyDocument(node.id, node.accountId);
			for (const r of this.reachedResources(doc).slice(0, MAX_REACHED)) {
				nodes.push(resourceNode(r));
				edges.push(edge(node.id, r.arn, 'reaches'));
			}
			return { nodes, edges };
		}
		if (node.kind === 'resource') {
			const r = index.resources.get(node.id);
			for (const n of this.#principalsNamed(r?.policy ?? null)) nodes.push(n);
		}
		return { nodes, edges };
	}

	/** The known resources a policy's statements name in Resource (a bare `*` reaches nothing drawn). */
	reachedResources(doc: PolicyDocument | null) {
		if (!doc) return [];
		const patterns = new Set<string>();
		for (const st of statementsOf(doc)) {
			const rs =
				st.Resource === undefined ? [] : Array.isArray(st.Resource) ? st.Resource : [st.Resource];
			for (const p of rs) if (p !== '*') patterns.add(p);
		}
		const variables = doc.Version === '2012-10-17';
		const reaches = [...patterns].map((p) => resourceReach(p, variables));
		const out = [];
		for (const r of this.index.resources.values())
			for (const reach of reaches)
				if (reach(r.arn, r.kind === 's3-bucket')) {
					out.push(r);
					break;
				}
		return out;
	}

	/** The graph node id of a principal as a policy names it. */
	principalNodeId(value: string): string {
		const acct = accountPrincipal(value);
		if (acct)
			return this.index.orgAccounts.has(acct) || this.index.accounts.has(acct)
				? acct
				: `arn:aws:iam::${acct}:root`;
		if (this.index.principals.has(value)) return value;
		const role = roleOfSession(value);
		if (role) {
			const name = role.slice(role.lastIndexOf('/') + 1);
			const a = this.index.accounts.get(/::(\d{12}):/.exec(role)?.[1] ?? '');
			const found = a?.roles.find((r) => r.name === name);
			if (found) return found.arn;
		}
		return value;
	}

	/** Nodes for every principal a trust or resource policy names. */
	#principalsNamed(doc: PolicyDocument | null): GraphNode[] {
		const out: GraphNode[] = [];
		for (const np of namedPrincipals(doc)) {
			const id = this.principalNodeId(np.value);
			const n = this.nodeFor(id) ?? externalNode(id, np.type);
			if (!out.some((o) => o.id === n.id)) out.push(n);
		}
		return out;
	}

	/** The node for a model id that lives in the snapshot (org unit, account, IAM entity, resource), or null. */
	nodeFor(id: string): GraphNode | null {
		const { index } = this;
		const unit = index.orgUnits.get(id);
		if (unit) return unitNode(unit);
		if (index.orgAccounts.has(id) || index.accounts.has(id)) return accountNode(index, id);
		const ent = this.entity(id);
		if (ent) return principalNode(ent.kind, ent.e, ent.a.id);
		const r = index.resources.get(id);
		if (r) return resourceNode(r);
		return null;
	}

	/**
	 * The node a request's resource is drawn as: the resource itself, the bucket of an S3 object,
	 * a role or user (sts:AssumeRole), or a stand-in node for a resource the snapshot does not hold.
	 */
	objectNode(resourceArn: string, resourceAccount?: string): GraphNode {
		const known = this.nodeFor(resourceArn);
		if (known) return known;
		const bucket = /^(arn:[^:]+:s3:::[^/]+)\//.exec(resourceArn)?.[1];
		const b = bucket ? this.nodeFor(bucket) : null;
		if (b) return b;
		const accountId = accountOfArn(resourceArn) ?? resourceAccount ?? null;
		const tail = resourceArn.split(':').slice(5).join(':') || resourceArn;
		return {
			id: resourceArn,
			kind: 'resource',
			label: tail.length > 30 ? '…' + tail.slice(-29) : tail,
			ref: resourceArn,
			sub: `${parseArn(resourceArn)?.service ?? 'resource'} · not in snapshot`,
			accountId,
			childCount: 0,
			row: ROW.resource
		};
	}

	/** Relations of a node to others (membership, trust, policy attachment, resource grants). */
	relations(node: GraphNode): GraphEdge[] {
		const out: GraphEdge[] = [];
		if (node.kind === 'user' || node.kind === 'group' || node.kind === 'role') {
			const ent = this.entity(node.id);
			if (!ent) return out;
			if (ent.kind === 'user')
				for (const g of ent.e.groups) {
					const group = this.index.groupsByName.get(`${ent.a.id}/${g}`);
					if (group) out.push(edge(group.arn, node.id, 'member'));
				}
			for (const arn of ent.e.attachedPolicies) out.push(edge(node.id, arn, 'attached'));
			for (const p of ent.e.inlinePolicies)
				out.push(edge(node.id, inlinePolicyId(ent.e.arn, p.name), 'inline'));
			if (ent.kind !== 'group' && ent.e.permissionsBoundary)
				out.push(edge(node.id, ent.e.permissionsBoundary, 'boundary'));
			if (ent.kind === 'role')
				for (const np of namedPrincipals(ent.e.trustPolicy))
					out.push(edge(this.principalNodeId(np.value), node.id, 'may-assume'));
		}
		if (node.kind === 'resource') {
			const r = this.index.resources.get(node.id);
			for (const np of namedPrincipals(r?.policy ?? null))
				out.push(edge(node.id, this.principalNodeId(np.value), 'grants'));
		}
		return out;
	}

	/**
	 * The expansions (outermost first) that make a model id visible: its account for IAM entities
	 * and resources, plus the owner for a policy; [] for org nodes, null when it is unknown.
	 */
	expansionsFor(id: string): string[] | null {
		const { index } = this;
		if (
			index.orgUnits.has(id) ||
			index.orgAccounts.has(id) ||
			index.accounts.has(id) ||
			id === NO_ORG_ROOT
		)
			return [];
		const ent = this.entity(id);
		if (ent) return [ent.a.id];
		const r = index.resources.get(id);
		if (r) return [r.accountId];
		const inline = this.#policyOwner.get(id);
		if (inline) return [inline.accountId, inline.ownerArn];
		const at = id.indexOf('@');
		if (at > 0) {
			const target = id.slice(at + 1);
			return index.orgUnits.has(target) ? [] : [target];
		}
		for (const a of index.snapshot.accounts)
			for (const e of [...a.users, ...a.groups, ...a.roles])
				if (
					e.attachedPolicies.includes(id) ||
					('permissionsBoundary' in e && e.permissionsBoundary === id)
				)
					return [a.id, e.arn];
		return null;
	}
}

/** The id of an SCP/RCP node as shown beside a target (re-exported for callers of the source). */
export { attachmentId };
