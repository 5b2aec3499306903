import { describe, expect, it } from 'vitest';
import { traceBadges, TRACE_CLASS } from './trace-classes';
import { decisionHeadline, DECISION_TONE, TRACE_MARKS } from './trace-vocabulary';
import { buildStyle } from './style';
import { LIGHT_THEME } from './theme';

describe('the trace vocabulary', () => {
	it('names the three decisions, the implicit deny with its gap', () => {
		expect(decisionHeadline('allowed', null)).toBe('ALLOWED');
		expect(decisionHeadline('explicitDeny', null)).toBe(
			'DENIED — an explicit Deny statement matched'
		);
		expect(decisionHeadline('implicitDeny', 'scp')).toBe(
			'DENIED — no Allow in service control policies (SCPs) (implicit deny)'
		);
		expect(DECISION_TONE).toEqual({ allowed: 'allow', explicitDeny: 'deny', implicitDeny: 'gap' });
	});

	it('is what the graph draws and badges say', () => {
		const badges = traceBadges(
			new Map([
				['a', [TRACE_CLASS.gap]],
				['b', [TRACE_CLASS.deny]]
			])
		);
		expect(badges.get('a')).toBe(TRACE_MARKS.gap.badge);
		expect(badges.get('b')).toBe(TRACE_MARKS.deny.badge);
		const style = buildStyle(LIGHT_THEME);
		const rule = (selector: string) => style.find((r) => r.selector === selector)?.style;
		expect(rule('node.tr-gap')?.['border-style']).toBe('dashed');
		expect(rule('node.tr-deny')?.['border-style']).toBe('double');
		expect(TRACE_MARKS.gap.dash).not.toBe('');
	});
});
