import { describe, expect, it } from 'vitest';
import { toIsoDate } from './dates';
import { decodePolicyValue } from './policy-text';

describe('toIsoDate', () => {
	it.each([
		['2021-03-13T18:42:09+00:00', '2021-03-13T18:42:09.000Z'],
		['2014-07-30T17:09:20Z', '2014-07-30T17:09:20.000Z'],
		['2023-03-09 10:41:45+00:00', '2023-03-09T10:41:45.000Z'],
		['2024-07-19T21:03:16.000Z', '2024-07-19T21:03:16.000Z'],
		['2024-07-19T21:03:16.123456+02:00', '2024-07-19T19:03:16.123Z']
	])('%s → %s', (input, iso) => expect(toIsoDate(input)).toBe(iso));

	it.each(['13/03/2021', '2021-03-13', '2021-13-40T00:00:00Z', 'yesterday', ''])(
		'refuses %j',
		(input) => expect(toIsoDate(input)).toBeUndefined()
	);
});

describe('decodePolicyValue', () => {
	const doc = {
		Version: '2012-10-17',
		Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/a b+c' }]
	};
	it.each([
		['an object', doc],
		['a JSON string', JSON.stringify(doc)],
		['a pretty JSON string', JSON.stringify(doc, null, 2)],
		['a URL-encoded string', encodeURIComponent(JSON.stringify(doc))]
	])('decodes %s', (_, raw) => expect(decodePolicyValue(raw)).toEqual({ ok: true, value: doc }));

	it.each([
		['not JSON', 'Deny everything', 'neither JSON'],
		['bad escape', '%7B%ZZ', 'malformed'],
		['broken JSON', '{"Version": ', 'not valid JSON']
	])('explains %s', (_, raw, reason) => {
		const out = decodePolicyValue(raw);
		expect(out.ok).toBe(false);
		if (!out.ok) expect(out.reason).toContain(reason);
	});
});

describe('toIsoDate fast path agrees with Date', () => {
	it('for every day of 2024 and a spread of times, in all UTC spellings', () => {
		for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 86_400_000 + 3_661_000) {
			const iso = new Date(t).toISOString();
			const [day, time] = [iso.slice(0, 10), iso.slice(11, 19)];
			for (const s of [`${day}T${time}Z`, `${day}T${time}+00:00`, `${day} ${time}+00:00`])
				expect(toIsoDate(s)).toBe(iso);
		}
	});
});
