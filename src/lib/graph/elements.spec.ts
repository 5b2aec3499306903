import { describe, expect, it } from 'vitest';
import { indexSnapshot } from '../model/snapshot-index';
import { makeAccount, makeOrg, makeOrgAccount, makeSnapshot, makeUser } from '../testing/builders';
import { diffElements, drawnStateOf, toElements, type NodeDefinition } from './elements';
import { GraphSource } from './graph-source';
import { buildView } from './graph-view';
import { extendLayout } from './layout';
import { exportSvg } from './svg-export';
import { buildStyle } from './style';
import { DARK_THEME, LIGHT_THEME } from './theme';
import { KIND_LOOK } from './shapes';
import { ARN, BANK, smallBank } from './testing/small-bank';
import { xmlProblem } from './testing/xml-well-formed';

const s = new GraphSource(indexSnapshot(smallBank()));
const els = (expanded: string[], decor = {}) => {
	const view = buildView(s, expanded);
	return toElements(view, extendLayout(new Map(), view, s.rootId), decor);
};

describe('toElements', () => {
	it('gives every node a position, a kind and a two-line display; expandable nodes say so', () => {
		const list = els([BANK.prod]);
		const acct = list.find((e) => e.data.id === BANK.prod) as NodeDefinition;
		expect(acct.position).toEqual(
			expect.objectContaining({ x: expect.any(Number), y: expect.any(Number) })
		);
		expect(acct.data.display).toBe(`core-banking\n${BANK.prod} · 3 principals  ⊖`);
		expect(acct.classes).toBe('expanded');
		const alice = list.find((e) => e.data.id === ARN.alice) as NodeDefinition;
		expect(alice.classes).toBe('expandable');
		expect(alice.data.glyph).toBe('U');
	});

	it('diffs: expanding adds only the new elements; a trace only updates classes', () => {
		const before = els([]);
		const after = els([BANK.prod]);
		const d = diffElements(drawnStateOf(before), after);
		expect(d.remove).toEqual([]);
		expect(d.add.map((e) => e.data.id)).toContain(ARN.alice);
		expect(d.update.map((e) => e.data.id)).toEqual([BANK.prod]);
		const traced = els([BANK.prod], { classes: new Map([[ARN.alice, ['tr-subject']]]) });
		const t = diffElements(drawnStateOf(after), traced);
		expect([t.add.length, t.remove.length, t.move.length, t.update.map((e) => e.data.id)]).toEqual([
			0,
			0,
			0,
			[ARN.alice]
		]);
		expect(diffElements(drawnStateOf(after), before).remove).toContain(ARN.alice);
	});
});

describe('buildStyle', () => {
	it('gives each node kind its own shape, and both themes every kind', () => {
		const shapes = Object.values(KIND_LOOK).map((k) => k.shape);
		expect(new Set(shapes).size).toBe(shapes.length);
		for (const theme of [LIGHT_THEME, DARK_THEME]) {
			const style = buildStyle(theme);
			expect(style.find((r) => r.selector === 'node[kind = "role"]')?.style.shape).toBe('diamond');
			expect(style.find((r) => r.selector === 'node.tr-deny')?.style['border-color']).toBe(
				theme.deny
			);
		}
	});
});

describe('exportSvg', () => {
	it('renders shapes, labels and trace colours, escaping names', () => {
		const snap = makeSnapshot({
			organization: makeOrg({ accounts: [makeOrgAccount({ name: '<script>x</script> & co' })] }),
			accounts: [makeAccount({ users: [makeUser({ name: 'al"ice' })] })]
		});
		const src = new GraphSource(indexSnapshot(snap));
		const view = buildView(src, ['111111111111']);
		const list = toElements(view, extendLayout(new Map(), view, src.rootId), {
			classes: new Map([['arn:aws:iam::111111111111:user/al"ice', ['tr-deny']]])
		});
		const svg = exportSvg(list, LIGHT_THEME);
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		expect(svg).not.toContain('<script>');
		expect(svg).toContain('&lt;script&gt;x&lt;/script&gt; &amp; co');
		expect(svg).toContain('al&quot;ice');
		expect(svg).toContain(`stroke="${LIGHT_THEME.deny}" stroke-width="8"`);
		expect(svg.match(/<ellipse/g)?.length).toBe(1);
		expect(svg).toContain('<polygon'); // the root's star
		expect(svg).toContain('<title>IAM Atlas</title>');
		expect(svg).toContain('⚠ GAP: no Allow here'); // the legend travels with the picture
	});
});

describe('exportSvg well-formedness', () => {
	it('drops the characters XML 1.0 forbids, so the file parses as XML', () => {
		const nasty = 'a\u0001b\u0008c\u000Bd\u000Ce\u001Ff\uFFFEg\uFFFFh\uD800i\uDFFFj 😀 tab\there';
		const snap = makeSnapshot({
			organization: makeOrg({ accounts: [makeOrgAccount({ name: nasty })] }),
			accounts: [makeAccount({ users: [makeUser({ name: `user${nasty}` })] })]
		});
		const src = new GraphSource(indexSnapshot(snap));
		const view = buildView(src, ['111111111111']);
		const svg = exportSvg(
			toElements(view, extendLayout(new Map(), view, src.rootId), {}),
			LIGHT_THEME,
			`t${nasty}`
		);
		expect(xmlProblem(svg)).toBeNull();
		expect(svg).toContain('abcdefghij 😀 tab\there');
	});
});
