import { describe, expect, it } from 'vitest';
import { xmlProblem } from './xml-well-formed';

describe('xmlProblem', () => {
	it('accepts well-formed XML', () => {
		expect(
			xmlProblem('<svg a="1" b=\'&amp;&#x41;\'><g><!-- c --><t>x &lt; y 😀</t></g><e/></svg>')
		).toBeNull();
	});
	it.each([
		['<svg>\u0001</svg>', 'forbidden character U+0001'],
		['<svg>\uFFFF</svg>', 'forbidden character U+FFFF'],
		['<svg>\uD800x</svg>', 'forbidden character U+D800'],
		['<svg>&#1;</svg>', 'reference to a forbidden character at 5'],
		['<svg><g></svg>', '</svg> does not close the open element at 13'],
		['<svg a="1" a="2"/>', 'attribute a repeated at 11'],
		['<svg>a & b</svg>', 'bad reference at 7'],
		['<svg/><svg/>', 'a second root element at 10'],
		['<svg>', '<svg> is never closed']
	])('refuses %j: %s', (xml, problem) => {
		expect(xmlProblem(xml)).toBe(problem);
	});
});
