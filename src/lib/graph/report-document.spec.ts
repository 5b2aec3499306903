import { describe, expect, it } from 'vitest';
import { worldToSnapshot } from '../engine/testing/world';
import type { Snapshot } from '../model/snapshot';
import { findingKey } from '../analysis/review/review-notes';
import { findFindings } from '../analysis/findings/find-findings';
import { reportDocument, reportFormatOf } from './report-document';

const EVIL = '<script>alert(1)</script>';
const ROLE = 'arn:aws:iam::111111111111:role/open';
const BUCKET = 'arn:aws:s3:::data';

/** A snapshot with a public-trust role, hostile strings everywhere a reviewer can type, a note, a decision and a saved trace. */
function hostile(): Snapshot {
	const s = worldToSnapshot({
		accounts: {
			'111111111111': {
				users: [{ name: EVIL, managed: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }],
				roles: [
					{
						name: 'open',
						trust: {
							Version: '2012-10-17',
							Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }]
						},
						policies: [
							{
								Version: '2012-10-17',
								Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `${BUCKET}/*` }]
							}
						]
					}
				]
			}
		}
	});
	const key = findingKey({ rule: 'role-trusts-everyone', subject: ROLE });
	const at = '2026-01-02T00:00:00Z';
	const note = { author: EVIL, createdAt: at, updatedAt: at, owner: null, due: null };
	return {
		...s,
		meta: { ...s.meta, name: `Bank ${EVIL}` },
		notes: [
			{ id: 'n1', targetKind: 'finding', target: key, text: `why ${EVIL}`, status: null, ...note },
			{
				id: 'n2',
				targetKind: 'finding',
				target: key,
				text: '',
				...note,
				status: 'accepted-risk',
				owner: `Ana ${EVIL}`,
				due: '2026-03-01'
			},
			{
				id: 'n3',
				targetKind: 'node',
				target: ROLE,
				text: `node note ${EVIL}`,
				status: null,
				...note
			}
		],
		views: [
			{
				id: 'v1',
				title: `Trace ${EVIL}`,
				note: `see ${EVIL}`,
				expanded: [],
				selected: null,
				principal: ROLE,
				resource: `${BUCKET}/k`,
				action: 's3:GetObject',
				context: {},
				camera: null,
				createdAt: at
			}
		]
	};
}

describe('reportDocument', () => {
	it('reads the format from the extension', () => {
		expect([
			reportFormatOf('r.MD'),
			reportFormatOf('a/b.html'),
			reportFormatOf('x.htm'),
			reportFormatOf('r.pdf')
		]).toEqual(['md', 'html', 'html', null]);
	});

	it('HTML: escapes every snapshot string, has no script and no external reference, shows decisions, notes and the figure', () => {
		const html = reportDocument(hostile(), { format: 'html', generatedAt: '2026-01-03T00:00:00Z' });
		expect(html).not.toContain('<script');
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
		expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
		expect(html).toContain(`default-src 'none'`);
		expect(html).toContain('@media print');
		expect(html).toContain('Accepted risk (owner: Ana &lt;script&gt;');
		expect(html).toContain('why &lt;script&gt;');
		expect(html).toContain('node note &lt;script&gt;');
		expect(html).toContain('data-section="access-not-computed"');
		expect(html).toMatch(/<figure><svg[\s\S]*<\/svg><\/figure>/);
		expect(html).toMatch(/<p class="decision">[^<]*(Allowed|Denied)[^<]*<\/p>/);
	});

	it('Markdown: same content, specials escaped, the figure inline as a data URI', () => {
		const md = reportDocument(hostile(), { format: 'md', generatedAt: '2026-01-03T00:00:00Z' });
		const prose = md.replace(/^(`{3,})json\n[\s\S]*?\n\1$/gm, '');
		// Outside the evidence blocks (verbatim by Markdown's rules) every '<' is backslash-escaped.
		expect(prose).not.toMatch(/(^|[^\\])<script/m);
		expect(md).toContain('\\<script\\>');
		expect(md).toMatch(/^# Access review: Bank \\<script\\>/m);
		expect(md).toContain('| role-trusts-everyone | critical | 1 | 1 | 0 |');
		expect(md).toContain('**Accepted risk (owner: Ana \\<script\\>');
		expect(md).toMatch(/!\[Trace [^\]]*\]\(data:image\/svg\+xml,%3Csvg[^)\s]*\)/);
		expect(md).toContain('Not computed');
	});

	it('lists administrators and escalation paths when the verdicts are given', () => {
		const s = hostile();
		const md = reportDocument(s, {
			format: 'md',
			generatedAt: '2026-01-03T00:00:00Z',
			findings: findFindings(s),
			verdicts: [
				{ principal: ROLE, status: 'admin', evidence: {} },
				{ principal: 'arn:aws:iam::111111111111:user/e', status: 'conditional', evidence: {} }
			]
		});
		expect(md).not.toContain('Not computed');
		expect(md).toContain('### Administrators (1)\n\n- arn:aws:iam::111111111111:role/open');
		expect(md).toContain('### Can become administrators under some conditions (1)');
	});

	it('past 25 findings of a rule, the rest are listed one line each without evidence (unless noted)', () => {
		const users = Array.from({ length: 30 }, (_, i) => ({
			name: `u${String(i).padStart(2, '0')}`,
			managed: ['arn:aws:iam::aws:policy/ReadOnlyAccess']
		}));
		const s = worldToSnapshot({ accounts: { '111111111111': { users } } });
		const html = reportDocument(s, { format: 'html', generatedAt: '2026-01-03T00:00:00Z' });
		expect(html.match(/<div class="finding /g)).toHaveLength(25);
		expect(html).toContain('5 more low findings');
		const md = reportDocument(s, { format: 'md', generatedAt: '2026-01-03T00:00:00Z' });
		expect(md.match(/^```json$/gm)).toHaveLength(25);
		expect(md).toMatch(/#### 5 more \(one line each[\s\S]*- `policy-on-user` u29 has 1 policy/);
	});
});
