import { describe, expect, it } from 'vitest';
import { makeAccount, makeSnapshot, makeUser } from '../../testing/builders';
import { serializeSnapshot } from './serialize-snapshot';
import type { Snapshot } from '../../model/snapshot';

/** The same value with every object's keys in reverse insertion order. */
function reversedKeys<T>(value: T): T {
	if (Array.isArray(value)) return value.map(reversedKeys) as T;
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.keys(value)
			.reverse()
			.map((k) => [k, reversedKeys((value as Record<string, unknown>)[k])])
	) as T;
}

describe('serializeSnapshot', () => {
	const s = makeSnapshot({
		accounts: [makeAccount({ users: [makeUser({ tags: { b: '1', a: '2' } })] })]
	});

	it('writes model keys in the schema order whatever order they were built in', () => {
		const plain = makeSnapshot({ accounts: [makeAccount({ users: [makeUser()] })] });
		expect(serializeSnapshot(reversedKeys(plain))).toBe(serializeSnapshot(plain));
		expect(Object.keys(JSON.parse(serializeSnapshot(reversedKeys(plain))))).toEqual([
			'format',
			'version',
			'meta',
			'organization',
			'accounts',
			'notes',
			'views'
		]);
	});

	it('keeps policy documents and tags in their own order (shown verbatim)', () => {
		const doc = {
			Statement: [{ Resource: '*', Action: 's3:*', Effect: 'Allow' as const }],
			Version: '2012-10-17'
		};
		const withDoc: Snapshot = {
			...s,
			accounts: [
				{
					...s.accounts[0],
					users: [{ ...s.accounts[0].users[0], inlinePolicies: [{ name: 'p', document: doc }] }]
				}
			]
		};
		const text = serializeSnapshot(withDoc);
		expect(text.indexOf('"Resource"')).toBeLessThan(text.indexOf('"Action"'));
		expect(text).toMatch(/"Statement"[^]*"Version": "2012-10-17"/);
		expect(text.indexOf('"b": "1"')).toBeLessThan(text.indexOf('"a": "2"'));
	});

	it('is tab-indented JSON ending with a newline', () => {
		expect(serializeSnapshot(s)).toMatch(/^\{\n\t"format": "iam-atlas-snapshot",\n[^]*\}\n$/);
	});
});
