/**
 * Organizations outputs → the organization tree and its SCPs/RCPs. The tree comes from
 * list-roots, list-organizational-units-for-parent/<parent> and
 * list-accounts-for-parent/<parent> (the parent is the file name; an OU's Path or an
 * account's Paths stand in for it on loose files). Policies come from describe-policy,
 * targets from list-targets-for-policy/<policy-id>; policy types other than SCP and RCP are
 * ignored. Targets that name no known root, OU or account are kept (see references.ts).
 */
import type { Organization, OrgAccount, OrgPolicy, OrgUnit } from '../../model/snapshot';
import type { ShapedFile } from '../classify';
import { ReadContext } from '../shapes/read-context';
import { shapeValue, type ShapeValues } from '../shape-values';


const POLICY_TYPES: Record<string, 'SCP' | 'RCP'> = { SERVICE_CONTROL_POLICY: 'SCP', RESOURCE_CONTROL_POLICY: 'RCP' };
const PARENT = /^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/;

/** The last root/OU id in an Organizations path such as `o-x/r-ab12/ou-ab12-cdef5678/`. */
const lastParentIn = (path: string | undefined): string | null => path?.split('/').filter((s) => PARENT.test(s)).at(-1) ?? null;

/** Assemble the organization from its files; null when there are none. */
export function buildOrganization(files: ShapedFile[], ctxOf: (f: ShapedFile) => ReadContext): Organization | null {
	if (files.length === 0) return null;
	const base = ctxOf(files[0]);
	const orgCtx = new ReadContext(files[0].file, 'organizations', base.errors, base.warnings);
	let info: ShapeValues['organization']['Organization'] | null = null;
	const units = new Map<string, OrgUnit>();
	const accounts = new Map<string, OrgAccount>();
	const listed = new Map<string, { type: string; file: string }>();
	const policies = new Map<string, OrgPolicy>();
	const targetFiles: ShapedFile[] = [];
	const addUnit = (ctx: ReadContext, unit: OrgUnit, pointer: string) => {
		const prior = units.get(unit.id);
		if (prior && prior.parentId !== unit.parentId)
			ctx.error('conflict', `${unit.id} is listed under two parents (${prior.parentId} and ${unit.parentId}).`, pointer);
		else units.set(unit.id, unit);
	};
	for (const f of files) {
		const ctx = ctxOf(f);
		const param = f.context.parameter;
		switch (f.shape.id) {
			case 'organization':
				info = shapeValue(f, 'organization').Organization;
				break;
			case 'roots':
				shapeValue(f, 'roots').Roots.forEach((r, i) => addUnit(ctx, { id: r.Id, kind: 'root', name: r.Name ?? 'Root', arn: r.Arn ?? null, parentId: null }, `/Roots/${i}`));
				break;
			case 'ous':
				shapeValue(f, 'ous').OrganizationalUnits.forEach((ou, i) => {
					const parentId = PARENT.test(param) ? param : (lastParentIn(ou.Path?.replace(/[^/]+\/?$/, '')) ?? null);
					if (!parentId)
						ctx.error('missing-parent', `Cannot tell which root or OU ${ou.Id} sits in: name the file after its parent id (e.g. r-ab12.json).`, `/OrganizationalUnits/${i}`);
					else addUnit(ctx, { id: ou.Id, kind: 'ou', name: ou.Name ?? ou.Id, arn: ou.Arn ?? null, parentId }, `/OrganizationalUnits/${i}`);
				});
				break;
			case 'accounts':
				shapeValue(f, 'accounts').Accounts.forEach((a, i) => {
					const parentId = PARENT.test(param) ? param : lastParentIn(a.Paths?.[0]);
					const prior = accounts.get(a.Id);
					if (prior && prior.parentId && parentId && prior.parentId !== parentId)
						ctx.error('conflict', `Account ${a.Id} is listed under two parents (${prior.parentId} and ${parentId}).`, `/Accounts/${i}`);
					if (prior?.parentId && !parentId) return;
					accounts.set(a.Id, {
						id: a.Id,
						name: a.Name ?? a.Id,
						email: a.Email ?? null,
						arn: a.Arn ?? null,
						parentId,
						state: a.State ?? a.Status ?? null,
						joinedMethod: a.JoinedMethod ?? null,
						joinedTimestamp: ctx.date(a.JoinedTimestamp, `/Accounts/${i}/JoinedTimestamp`)
					});
				});
				break;
			case 'org-policies':
				for (const p of shapeValue(f, 'org-policies').Policies) listed.set(p.Id, { type: p.Type, file: f.file });
				break;
			case 'org-policy': {
				const v = shapeValue(f, 'org-policy');
				const s = v.Policy.PolicySummary;
				const type = POLICY_TYPES[s.Type];
				if (!type) break;
				const document = ctx.policy(v.Policy.Content, '/Policy/Content');
				if (document)
					policies.set(s.Id, {
						id: s.Id,
						arn: s.Arn ?? null,
						name: s.Name ?? s.Id,
						description: s.Description ?? null,
						type,
						awsManaged: s.AwsManaged ?? false,
						document,
						targets: []
					});
				break;
			}
			case 'org-targets':
				targetFiles.push(f);
				break;
		}
	}
	for (const f of targetFiles) {
		const ctx = ctxOf(f);
		const policy = policies.get(f.context.parameter);
		if (!/^p-/.test(f.context.parameter)) ctx.error('missing-policy-id', 'Cannot tell which policy these targets belong to: name the file after the policy id (e.g. p-abcd1234.json).', '');
		// Targets of a policy we did not keep (another type, or no describe-policy: warned below) are dropped.
		else if (policy) for (const t of shapeValue(f, 'org-targets').Targets) policy.targets.push(t.TargetId);
	}
	for (const [id, l] of listed)
		if (POLICY_TYPES[l.type] && !policies.has(id))
			ctxOf(files.find((f) => f.file === l.file)!).warn('missing-content', `Policy ${id} is listed but its describe-policy output is missing, so it was left out.`, '');
	const roots = [...units.values()].filter((u) => u.kind === 'root');
	if (roots.length !== 1) {
		orgCtx.error(
			roots.length === 0 ? 'missing-root' : 'several-roots',
			roots.length === 0
				? 'Organizations files were given without organizations-list-roots.json, so the organization tree cannot be built.'
				: 'More than one organization root was found.',
			''
		);
		return null;
	}
	const root = roots[0];
	const orgId = info?.Id ?? /\/(o-[a-z0-9]+)\//.exec(root.arn ?? '')?.[1] ?? null;
	if (!orgId) {
		orgCtx.error('missing-organization', 'The organization id is unknown: add organizations-describe-organization.json.', '');
		return null;
	}
	return {
		id: orgId,
		arn: info?.Arn ?? null,
		managementAccountId: info?.MasterAccountId ?? null,
		featureSet: info?.FeatureSet ?? null,
		rootId: root.id,
		units: treeOrder(root, [...units.values()]),
		accounts: [...accounts.values()].sort((a, b) => byId(a.id, b.id)),
		policies: [...policies.values()].sort((a, b) => byId(a.type === b.type ? a.id : b.type, a.type === b.type ? b.id : a.type))
	};
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The root, then every OU depth-first with siblings by id (so input order does not matter); orphans last. */
function treeOrder(root: OrgUnit, units: OrgUnit[]): OrgUnit[] {
	const children = new Map<string, OrgUnit[]>();
	for (const u of units) if (u.parentId !== null) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
	const out: OrgUnit[] = [];
	const visit = (u: OrgUnit) => {
		out.push(u);
		for (const c of (children.get(u.id) ?? []).sort((a, b) => byId(a.id, b.id))) visit(c);
	};
	visit(root);
	const placed = new Set(out);
	return [...out, ...units.filter((u) => !placed.has(u)).sort((a, b) => byId(a.id, b.id))];
}
