/**
 * A tag whose key is `__proto__` (or `constructor`, `hasOwnProperty`) survives import → snapshot
 * file → import exactly, and the engine sees it as aws:PrincipalTag/__proto__ and
 * aws:ResourceTag/__proto__ (issue 9 item 6).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../engine/evaluate';
import { importFiles } from './import-files';
import { serializeSnapshot } from './snapshot-file/serialize-snapshot';

const file = join(
	dirname(fileURLToPath(import.meta.url)),
	'fixtures/gaad-proto-tags/input/iam-get-account-authorization-details.json'
);

const importGaad = () => {
	const outcome = importFiles([
		{
			path: 'iam-get-account-authorization-details.json',
			bytes: new Uint8Array(readFileSync(file))
		}
	]);
	if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
	return outcome.snapshot;
};

describe('__proto__ tags', () => {
	it('round-trip import → snapshot file → import losslessly, leaving no prototype touched', () => {
		const first = importGaad();
		const text = serializeSnapshot(first);
		expect(text).toContain('"__proto__": "polluted?"');
		const again = importFiles([{ path: 'snapshot.json', bytes: new TextEncoder().encode(text) }]);
		expect(again.ok).toBe(true);
		if (!again.ok) return;
		const tags = again.snapshot.accounts[0].users[0].tags;
		expect(Object.entries(tags)).toEqual([
			['__proto__', 'polluted?'],
			['constructor', 'c'],
			['hasOwnProperty', 'h'],
			['team', 'payments']
		]);
		expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
		expect(serializeSnapshot(again.snapshot)).toBe(text);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('reaches the engine as aws:PrincipalTag/__proto__ and aws:ResourceTag/__proto__', () => {
		const evaluator = createEvaluator(importGaad());
		const result = evaluator.evaluate({
			principal: 'arn:aws:iam::111111111111:user/alice',
			action: 'iam:GetRole',
			resource: 'arn:aws:iam::111111111111:role/deployer'
		});
		const context = result.context;
		expect(context['aws:PrincipalTag/__proto__']).toBe('polluted?');
		expect(context['aws:PrincipalTag/constructor']).toBe('c');
		expect(context['aws:ResourceTag/__proto__']).toBe('role-proto');
		expect(context['iam:ResourceTag/__proto__']).toBe('role-proto');
	});
});
