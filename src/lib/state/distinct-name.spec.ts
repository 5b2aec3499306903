import { describe, expect, it } from 'vitest';
import { distinctName } from './distinct-name';

describe('distinctName', () => {
	it('keeps a free name and numbers a taken one', () => {
		expect(distinctName('bank', ['other'])).toBe('bank');
		expect(distinctName('bank', ['Bank'])).toBe('bank (2)');
		expect(distinctName('bank', ['bank', 'bank (2)'])).toBe('bank (3)');
		expect(distinctName('bank (2)', ['bank', 'bank (2)'])).toBe('bank (3)');
	});
});
