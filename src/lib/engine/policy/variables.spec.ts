import { describe, expect, it } from 'vitest';
import { parseTemplate, resolveTemplate, resolvedText, type VariableLookup } from './variables';

const ctx: VariableLookup = {
	get: (k) => ({ 'aws:username': ['alice'], 'aws:tagkeys': ['a', 'b'], 'aws:empty': [''] })[k]
};

describe('policy variables', () => {
	it.each([
		['home/${aws:username}/*', 'home/alice/*'],
		["${aws:PrincipalTag/team, 'company-wide'}", 'company-wide'],
		['a${*}b${?}c${$}', 'a*b?c$'],
		["${aws:empty, 'd'}", 'd']
	])('%s resolves to %s', (raw, want) => {
		expect(resolvedText(resolveTemplate(parseTemplate(raw, true), ctx)!)).toBe(want);
	});
	it('leaves absent, empty and multi-valued keys unresolved', () => {
		expect(resolveTemplate(parseTemplate('${aws:PrincipalTag/team}', true), ctx)).toBeNull();
		expect(resolveTemplate(parseTemplate('${aws:TagKeys}', true), ctx)).toBeNull();
		expect(resolveTemplate(parseTemplate('${aws:empty}', true), ctx)).toBeNull();
	});
	it('keeps the text literal when variables are off (Version 2008-10-17)', () => {
		expect(parseTemplate('${aws:username}', false).dynamic).toBe(false);
	});
	it('marks substituted text as literal for wildcard matching', () => {
		expect(resolveTemplate(parseTemplate('x${*}', true), ctx)).toEqual([
			{ text: 'x', glob: true },
			{ text: '*', glob: false }
		]);
	});
});
