/**
 * fast-check arbitraries for the account model: random but schema-valid snapshots with awkward
 * content (unicode, lone surrogates, HTML and script, "__proto__" keys, empty strings, nulls,
 * policy documents in both Statement forms with odd condition values). For property tests only.
 */
import fc from 'fast-check';
import type { JsonValue, PolicyDocument, PolicyStatement } from '../model/policy-document';
import type { Account, Organization, Resource, Role, Snapshot, User } from '../model/snapshot';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from '../model/snapshot';
import type { AccountEvidence } from '../model/evidence';

const NASTY = [
	'',
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	'__proto__',
	'constructor',
	'\u0000',
	'\ud800',
	'Zoë 😀 名前',
	'${aws:username}',
	'a/b~c',
	'  '
];

/** Any string, leaning on the awkward ones. */
export const arbText: fc.Arbitrary<string> = fc.oneof(
	fc.constantFrom(...NASTY),
	fc.string({ unit: 'binary', maxLength: 12 }),
	fc.string({ unit: 'grapheme', maxLength: 8 })
);

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const few = <T>(arb: fc.Arbitrary<T>, maxLength = 3) => fc.array(arb, { maxLength });
const dict = <T>(arb: fc.Arbitrary<T>) =>
	fc.dictionary(arbText, arb, { maxKeys: 3, noNullPrototype: true });
const stringOrList = fc.oneof(arbText, few(arbText));
// Model values come from JSON text, which cannot hold -0 (fc.jsonValue can): normalise through JSON.
const json = fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as JsonValue);

/** A 12-digit account id. */
export const arbAccountId: fc.Arbitrary<string> = fc
	.integer({ min: 0, max: 999_999_999_999 })
	.map((n) => String(n).padStart(12, '0'));

const arbPrincipal = fc.oneof(fc.constant('*' as const), dict(stringOrList));

/** One policy statement with any subset of the elements (and sometimes one AWS does not define). */
export const arbStatement: fc.Arbitrary<PolicyStatement> = fc
	.record(
		{
			Sid: arbText,
			Effect: fc.constantFrom('Allow' as const, 'Deny' as const),
			Principal: arbPrincipal,
			NotPrincipal: arbPrincipal,
			Action: stringOrList,
			NotAction: stringOrList,
			Resource: stringOrList,
			NotResource: stringOrList,
			Condition: dict(dict(json))
		},
		{ requiredKeys: ['Effect'] }
	)
	.chain((s) =>
		fc
			.option(json, { nil: undefined })
			.map((odd) => (odd === undefined ? s : ({ ...s, Odd: odd } as PolicyStatement)))
	);

/** A policy document, Statement as one object or a list. */
export const arbPolicyDocument: fc.Arbitrary<PolicyDocument> = fc.record(
	{
		Version: fc.constantFrom('2012-10-17', '2008-10-17'),
		Id: arbText,
		Statement: fc.oneof(arbStatement, few(arbStatement))
	},
	{ requiredKeys: ['Statement'] }
);

const arbInline = fc.record({ name: arbText, document: arbPolicyDocument });
const entity = {
	arn: arbText,
	name: arbText,
	id: arbText,
	path: arbText,
	createDate: nullable(arbText),
	inlinePolicies: few(arbInline, 2),
	attachedPolicies: few(arbText)
};

const arbUser: fc.Arbitrary<User> = fc.record({
	...entity,
	groups: few(arbText),
	permissionsBoundary: nullable(arbText),
	tags: dict(arbText)
});

const arbRole: fc.Arbitrary<Role> = fc.record({
	...entity,
	trustPolicy: nullable(arbPolicyDocument),
	permissionsBoundary: nullable(arbText),
	tags: dict(arbText),
	instanceProfiles: few(fc.record({ arn: arbText, name: arbText, id: arbText, path: arbText }), 2),
	lastUsed: nullable(fc.record({ date: nullable(arbText), region: nullable(arbText) })),
	description: nullable(arbText),
	maxSessionDuration: nullable(fc.nat())
});

const arbResource: fc.Arbitrary<Resource> = fc.record({
	arn: arbText,
	kind: fc.constantFrom(
		's3-bucket',
		'kms-key',
		'sqs-queue',
		'sns-topic',
		'lambda-function',
		'secret',
		'ecr-repository'
	),
	name: arbText,
	accountId: arbText,
	region: nullable(arbText),
	policy: nullable(arbPolicyDocument),
	tags: dict(arbText),
	awsManaged: nullable(fc.boolean())
});

const arbReportDate = fc.oneof(
	fc.constantFrom('N/A', 'no_information', 'not_supported'),
	fc.constant('2026-01-01T00:00:00.000Z')
);
const arbEvidence: fc.Arbitrary<AccountEvidence> = fc.record({
	credentialReport: nullable(
		fc.record({
			generatedTime: nullable(arbText),
			rows: few(
				fc.record({
					user: arbText,
					arn: arbText,
					userCreationTime: arbReportDate,
					passwordEnabled: nullable(fc.boolean()),
					passwordLastUsed: arbReportDate,
					passwordLastChanged: arbReportDate,
					passwordNextRotation: arbReportDate,
					mfaActive: fc.boolean(),
					accessKeys: few(
						fc.record({
							active: fc.boolean(),
							lastRotated: arbReportDate,
							lastUsedDate: arbReportDate,
							lastUsedRegion: nullable(arbText),
							lastUsedService: nullable(arbText)
						}),
						2
					),
					certificates: few(fc.record({ active: fc.boolean(), lastRotated: arbReportDate }), 2)
				}),
				2
			)
		})
	),
	accountSummary: nullable(fc.record({ summaryMap: dict(fc.nat()) })),
	passwordPolicy: nullable(
		fc.record({
			set: fc.boolean(),
			minimumPasswordLength: nullable(fc.nat()),
			requireSymbols: nullable(fc.boolean()),
			requireNumbers: nullable(fc.boolean()),
			requireUppercaseCharacters: nullable(fc.boolean()),
			requireLowercaseCharacters: nullable(fc.boolean()),
			allowUsersToChangePassword: nullable(fc.boolean()),
			expirePasswords: nullable(fc.boolean()),
			maxPasswordAge: nullable(fc.nat()),
			passwordReusePrevention: nullable(fc.nat()),
			hardExpiry: nullable(fc.boolean())
		})
	),
	serviceLastAccessed: nullable(
		few(
			fc.record({
				arn: arbText,
				jobId: arbText,
				jobCompletionDate: nullable(arbText),
				services: few(
					fc.record({
						namespace: arbText,
						name: arbText,
						lastAuthenticated: nullable(arbText),
						lastAuthenticatedEntity: nullable(arbText),
						lastAuthenticatedRegion: nullable(arbText),
						totalAuthenticatedEntities: nullable(fc.nat())
					}),
					2
				)
			}),
			2
		)
	),
	virtualMfaDevices: nullable(
		few(
			fc.record({
				serialNumber: arbText,
				userArn: nullable(arbText),
				enableDate: nullable(arbText)
			}),
			2
		)
	)
});

const arbAccount: fc.Arbitrary<Account> = fc.record({
	id: arbAccountId,
	name: nullable(arbText),
	users: few(arbUser),
	groups: few(fc.record(entity), 2),
	roles: few(arbRole),
	policies: few(
		fc.record({
			arn: arbText,
			name: arbText,
			id: nullable(arbText),
			path: arbText,
			awsManaged: fc.boolean(),
			defaultVersionId: nullable(arbText),
			description: nullable(arbText),
			createDate: nullable(arbText),
			updateDate: nullable(arbText),
			attachmentCount: nullable(fc.nat()),
			permissionsBoundaryUsageCount: nullable(fc.nat()),
			isAttachable: nullable(fc.boolean()),
			versions: few(
				fc.record({
					versionId: arbText,
					isDefault: fc.boolean(),
					createDate: nullable(arbText),
					document: arbPolicyDocument
				}),
				2
			)
		}),
		2
	),
	resources: few(arbResource, 2),
	evidence: arbEvidence
});

const arbOrganization: fc.Arbitrary<Organization> = fc.record({
	id: arbText,
	arn: nullable(arbText),
	managementAccountId: nullable(arbText),
	featureSet: nullable(arbText),
	rootId: arbText,
	units: few(
		fc.record({
			id: arbText,
			kind: fc.constantFrom('root' as const, 'ou' as const),
			name: arbText,
			arn: nullable(arbText),
			parentId: nullable(arbText)
		})
	),
	accounts: few(
		fc.record({
			id: arbText,
			name: arbText,
			email: nullable(arbText),
			arn: nullable(arbText),
			parentId: nullable(arbText),
			state: nullable(arbText),
			joinedMethod: nullable(arbText),
			joinedTimestamp: nullable(arbText)
		})
	),
	policies: few(
		fc.record({
			id: arbText,
			arn: nullable(arbText),
			name: arbText,
			description: nullable(arbText),
			type: fc.constantFrom('SCP' as const, 'RCP' as const),
			awsManaged: fc.boolean(),
			document: arbPolicyDocument,
			targets: few(arbText)
		})
	)
});

/** A whole snapshot, valid against the schema, with random awkward content. */
export const arbSnapshot: fc.Arbitrary<Snapshot> = fc.record({
	format: fc.constant(SNAPSHOT_FORMAT),
	version: fc.constant(SNAPSHOT_VERSION),
	meta: fc.record({
		name: arbText,
		capturedAt: nullable(arbText),
		importedAt: arbText,
		sources: few(fc.record({ path: arbText, kind: arbText })),
		tool: arbText
	}),
	organization: nullable(arbOrganization),
	accounts: few(arbAccount),
	notes: few(
		fc.record({
			id: arbText,
			targetKind: fc.constantFrom('node' as const, 'finding' as const),
			target: arbText,
			text: arbText,
			author: nullable(arbText),
			createdAt: arbText,
			updatedAt: arbText,
			status: fc.constantFrom(null, 'accepted-risk' as const, 'to-fix' as const),
			owner: nullable(arbText),
			due: nullable(arbText)
		}),
		2
	),
	views: few(
		fc.record({
			id: arbText,
			title: arbText,
			note: arbText,
			expanded: few(arbText),
			selected: nullable(arbText),
			principal: nullable(arbText),
			resource: nullable(arbText),
			action: nullable(arbText),
			context: dict(arbText),
			camera: nullable(
				fc.record({
					zoom: fc.double({ min: 0.01, max: 10, noNaN: true }),
					x: fc.integer({ min: -1e6, max: 1e6 }),
					y: fc.integer({ min: -1e6, max: 1e6 })
				})
			),
			createdAt: arbText
		}),
		2
	)
});
