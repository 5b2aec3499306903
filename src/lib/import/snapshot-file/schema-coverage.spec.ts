import { describe, expect, it } from 'vitest';
import schema from '../../../../static/schema/snapshot-v2.json';
import {
	makeAccount,
	makeCredentialReportRow,
	makeEvidence,
	makeGroup,
	makeInlinePolicy,
	makeManagedPolicy,
	makeMeta,
	makeOrg,
	makeOrgAccount,
	makeOrgPolicy,
	makeOrgUnit,
	makePasswordPolicy,
	makeResource,
	makeRole,
	makeSnapshot,
	makeUser
} from '../../testing/builders';

type Def = {
	properties: Record<string, unknown>;
	required: string[];
	additionalProperties: boolean;
};
const defs = schema.definitions as unknown as Record<string, Def>;

/**
 * The builders must produce every field of the model (TypeScript enforces that), so comparing their
 * keys with the schema catches a model field added without updating the published schema.
 */
const samples: Record<string, object> = {
	meta: makeMeta(),
	organization: makeOrg(),
	orgUnit: makeOrgUnit(),
	orgAccount: makeOrgAccount(),
	orgPolicy: makeOrgPolicy(),
	account: makeAccount(),
	user: makeUser(),
	group: makeGroup(),
	role: makeRole(),
	managedPolicy: makeManagedPolicy(),
	policyVersion: makeManagedPolicy().versions[0],
	inlinePolicy: makeInlinePolicy(),
	resource: makeResource(),
	evidence: makeEvidence(),
	credentialReport: makeEvidence().credentialReport!,
	credentialReportRow: makeCredentialReportRow(),
	reportAccessKey: makeCredentialReportRow().accessKeys[0],
	accountSummary: makeEvidence().accountSummary!,
	passwordPolicy: makePasswordPolicy(),
	serviceLastAccessed: makeEvidence().serviceLastAccessed![0],
	serviceAccess: makeEvidence().serviceLastAccessed![0].services[0],
	virtualMfaDevice: makeEvidence().virtualMfaDevices![0]
};

/**
 * Optional fields (added in format v2, so older snapshots stay valid): in
 * the schema's properties, not in its required list, and absent from the builders' samples.
 */
const OPTIONAL: Record<string, string[]> = { meta: ['collection'], account: ['collected'] };

describe('snapshot-v2.json describes the whole model', () => {
	for (const [name, sample] of Object.entries(samples))
		it(`${name}: schema fields = model fields, all required, no others allowed`, () => {
			const def = defs[name];
			const optional = OPTIONAL[name] ?? [];
			expect(Object.keys(def.properties).sort()).toEqual(
				[...Object.keys(sample), ...optional].sort()
			);
			expect([...def.required].sort()).toEqual(Object.keys(sample).sort());
			expect(def.additionalProperties).toBe(false);
		});

	it('top level: schema fields = snapshot fields', () => {
		expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(makeSnapshot()).sort());
	});
});
