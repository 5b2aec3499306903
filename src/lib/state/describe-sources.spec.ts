import { describe, expect, it } from 'vitest';
import { describeSources } from './describe-sources';

describe('describeSources', () => {
	it.each([
		[[], 'no source files'],
		[[{ path: 'gaad.json', kind: 'iam-get-account-authorization-details' }], 'gaad.json'],
		[
			[{ path: 'bank.iam-atlas.json', kind: 'iam-atlas-snapshot' }],
			'snapshot file bank.iam-atlas.json'
		],
		[
			[
				{ path: 'my-org/a.json', kind: 'x' },
				{ path: 'my-org/1/b.json', kind: 'y' }
			],
			'my-org (2 files)'
		],
		[
			[
				{ path: '111111111111/a.json', kind: 'x' },
				{ path: '222222222222/b.json', kind: 'y' }
			],
			'2 files'
		],
		[
			[
				{ path: '111111111111/a.json', kind: 'x' },
				{ path: '111111111111/b.json', kind: 'y' }
			],
			'2 files'
		],
		[[{ path: 'org.zip/org/111111111111/gaad.json', kind: 'x' }], 'org.zip (1 file)'],
		[[{ path: '111111111111/gaad.json', kind: 'x' }], 'gaad.json']
	])('%j → %s', (sources, text) => {
		expect(describeSources(sources)).toBe(text);
	});
});
