import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbSnapshot } from '../../testing/arbitraries';
import { makeAccount, makeOrg, makeRole, makeSnapshot, makeUser } from '../../testing/builders';
import { parseSnapshotFile } from './parse-snapshot-file';
import { serializeSnapshot } from './serialize-snapshot';

describe('native snapshot round trip', () => {
	it('parse(serialize(s)) gives back exactly s, for many random snapshots', () => {
		fc.assert(
			fc.property(arbSnapshot, (s) => {
				const text = serializeSnapshot(s);
				const back = parseSnapshotFile(text, 'random.json');
				if (!back.ok) throw new Error(`rejected: ${JSON.stringify(back.error)}`);
				expect(back.value).toEqual(s);
				// Deterministic: writing what was read gives the same bytes.
				expect(serializeSnapshot(back.value)).toBe(text);
			}),
			{ numRuns: 300 }
		);
	});

	it('keeps a "__proto__" tag key as data, not as a prototype', () => {
		const tags = JSON.parse('{"__proto__":"x","ok":"y"}');
		const s = makeSnapshot({ accounts: [makeAccount({ users: [makeUser({ tags })] })] });
		const back = parseSnapshotFile(serializeSnapshot(s), 'proto.json');
		expect(back.ok && Object.keys(back.value.accounts[0].users[0].tags)).toEqual([
			'__proto__',
			'ok'
		]);
	});

	it('round-trips a builder snapshot with an organization', () => {
		const s = makeSnapshot({
			organization: makeOrg(),
			accounts: [makeAccount({ users: [makeUser()], roles: [makeRole()] })]
		});
		expect(parseSnapshotFile(serializeSnapshot(s), 'org.json')).toEqual({ ok: true, value: s });
	});
});
