import { describe, expect, it } from 'vitest';
import { makeAccount, makeSnapshot, makeUser } from '../../testing/builders';
import { parseSnapshotFile } from './parse-snapshot-file';
import { serializeSnapshot } from './serialize-snapshot';

/** A valid snapshot with 4 accounts of 13 users each, as a plain JSON object to break. */
function bigDoc(): Record<string, unknown> {
	const accounts = [0, 1, 2, 3].map((a) => {
		const id = String(a + 1).repeat(12);
		return makeAccount({
			id,
			users: Array.from({ length: 13 }, (_, u) => makeUser({ accountId: id, name: `u${u}` }))
		});
	});
	return JSON.parse(serializeSnapshot(makeSnapshot({ accounts })));
}

type Case = {
	name: string;
	text: () => string;
	code: string;
	pointer?: string;
	line?: number;
	column?: number;
	says: RegExp;
};

const cases: Case[] = [
	{ name: 'an empty file', text: () => '  \n', code: 'import.snapshot.empty', says: /empty/ },
	{
		name: 'malformed JSON',
		text: () => '{\n  "format": "iam-atlas-snapshot",\n  "version": 1,,\n}',
		code: 'import.snapshot.invalid-json',
		line: 3,
		column: 16,
		says: /not valid JSON/
	},
	{
		name: 'a truncated file',
		text: () => serializeSnapshot(makeSnapshot()).slice(0, 80),
		code: 'import.snapshot.truncated-json',
		says: /truncated/
	},
	{
		name: 'JSON of another shape',
		text: () => '{"UserDetailList": []}',
		code: 'import.snapshot.not-a-snapshot',
		pointer: '/format',
		says: /not an IAM Atlas snapshot/
	},
	{
		name: 'a version from the future',
		text: () => JSON.stringify({ ...bigDoc(), version: 7 }),
		code: 'import.snapshot.unsupported-version',
		pointer: '/version',
		says: /version 7.*newer IAM Atlas/
	},
	{
		name: 'a version that is not a number',
		text: () => JSON.stringify({ ...bigDoc(), version: '1' }),
		code: 'import.snapshot.invalid-version',
		pointer: '/version',
		says: /whole number/
	},
	{
		name: 'a user ARN that is a number',
		text: () => {
			const doc = bigDoc() as { accounts: { users: { arn: unknown }[] }[] };
			doc.accounts[3].users[12].arn = 42;
			return JSON.stringify(doc);
		},
		code: 'import.snapshot.invalid',
		pointer: '/accounts/3/users/12/arn',
		says: /"arn" should be a string, but it is the number 42/
	},
	{
		name: 'a missing field',
		text: () => {
			const doc = bigDoc() as { accounts: { users: Record<string, unknown>[] }[] };
			delete doc.accounts[1].users[2].tags;
			return JSON.stringify(doc);
		},
		code: 'import.snapshot.invalid',
		pointer: '/accounts/1/users/2/tags',
		says: /"tags" is missing/
	},
	{
		name: 'an unknown field',
		text: () => JSON.stringify({ ...bigDoc(), extra: true }),
		code: 'import.snapshot.invalid',
		pointer: '/extra',
		says: /"extra" is not a known field/
	},
	{
		name: 'a bad account id',
		text: () => {
			const doc = bigDoc() as { accounts: { id: string }[] };
			doc.accounts[0].id = '12345';
			return JSON.stringify(doc);
		},
		code: 'import.snapshot.invalid',
		pointer: '/accounts/0/id',
		says: /12-digit AWS account id, but it is the string "12345"/
	},
	{
		name: 'a policy document that is not a policy',
		text: () => {
			const doc = bigDoc() as { accounts: { users: { inlinePolicies: unknown[] }[] }[] };
			doc.accounts[0].users[0].inlinePolicies = [
				{ name: 'p', document: { Statement: [{ Effect: 'Maybe' }] } }
			];
			return JSON.stringify(doc);
		},
		code: 'import.snapshot.invalid',
		pointer: '/accounts/0/users/0/inlinePolicies/0/document/Statement/0/Effect',
		says: /should be one of "Allow", "Deny", but it is the string "Maybe"/
	},
	{
		name: 'an organization of the wrong kind',
		text: () => JSON.stringify({ ...bigDoc(), organization: 'acme' }),
		code: 'import.snapshot.invalid',
		pointer: '/organization',
		says: /should be null or an object, but it is the string "acme"/
	},
	{
		name: 'an organization missing its root',
		text: () => JSON.stringify({ ...bigDoc(), organization: { id: 'o-1' } }),
		code: 'import.snapshot.invalid',
		pointer: '/organization/arn',
		says: /"arn" is missing/
	}
];

describe('parseSnapshotFile rejects bad input with a clear message and place', () => {
	for (const c of cases)
		it(c.name, () => {
			const r = parseSnapshotFile(c.text(), 'bad.json');
			expect(r.ok).toBe(false);
			if (r.ok) return;
			expect(r.error.code).toBe(c.code);
			expect(r.error.message).toMatch(c.says);
			expect(r.error.where?.file).toBe('bad.json');
			if (c.pointer !== undefined) expect(r.error.where?.pointer).toBe(c.pointer);
			if (c.line !== undefined)
				expect([r.error.where?.line, r.error.where?.column]).toEqual([c.line, c.column]);
		});
});

describe('parseSnapshotFile accepts', () => {
	it('a file with a byte-order mark', () => {
		const s = makeSnapshot();
		expect(parseSnapshotFile('\ufeff' + serializeSnapshot(s), 'bom.json')).toEqual({
			ok: true,
			value: s
		});
	});
});
