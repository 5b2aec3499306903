/**
 * The review report as Markdown. Every snapshot-derived string is escaped (Markdown and HTML
 * specials backslash-escaped, line breaks flattened), so a hostile name cannot become a link,
 * markup or a heading when the file is rendered; evidence sits in fenced blocks longer than any
 * backtick run it holds; figures are inline `data:` SVG images, so the file stands alone.
 */
import type { PrincipalVerdict } from '../findings/plugged';
import type { ReviewNote } from '../../model/snapshot';
import type { ReviewReport } from './review-report';
import {
	ACCESS_NOT_COMPUTED,
	BRIEF_NOTE,
	decisionWords,
	evidenceJson,
	noteByline,
	summaryRows
} from './report-words';

/** Escape text for Markdown inline content (one line). */
export const mdText = (s: string): string =>
	s
		.replace(/[\r\n]+/g, ' ')
		.replace(/[\\`*_[\]<>&|~]/g, (c) => `\\${c}`)
		// What only means something at the start of a line: headings, lists, quotes.
		.replace(/^(\s*)([#+\-=]|\d+[.)])/, '$1\\$2');

/** A fenced code block that no backtick run inside `text` can close. */
export function mdFence(text: string, lang = ''): string {
	const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
	const fence = '`'.repeat(longest + 1);
	return `${fence}${lang}\n${text}\n${fence}`;
}

const noteLines = (notes: ReviewNote[], indent = ''): string[] =>
	notes
		.filter((n) => n.text)
		.map((n) => `${indent}- ${mdText(n.text)} — *${mdText(noteByline(n))}*`);

const verdictList = (title: string, vs: PrincipalVerdict[]): string[] => [
	`### ${title} (${vs.length})`,
	'',
	...(vs.length ? vs.map((v) => `- ${mdText(v.principal)}`) : ['None.']),
	''
];

/** An SVG as a `data:` URI that a Markdown link destination cannot end early (no spaces or parentheses). */
const svgDataUri = (svg: string): string =>
	'data:image/svg+xml,' +
	encodeURIComponent(svg).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'));

/** Render the report as Markdown. */
export function renderMarkdown(r: ReviewReport): string {
	const out: string[] = [`# Access review: ${mdText(r.title)}`, ''];
	out.push('## Organization summary', '', '| | |', '|---|---|');
	for (const [k, v] of summaryRows(r)) out.push(`| ${k} | ${mdText(v)} |`);
	out.push('', '## Findings', '');
	const total = r.bySeverity.reduce((n, s) => n + s.rows.length, 0);
	out.push(
		`${total} finding${total === 1 ? '' : 's'}: ` +
			r.bySeverity.map((s) => `${s.rows.length} ${s.severity}`).join(', ') +
			`. Decisions: ${r.decisions.accepted} accepted risk, ${r.decisions.toFix} to fix.`,
		''
	);
	if (r.rules.length) {
		out.push('| Rule | Severity | Findings | Accepted | To fix |', '|---|---|---:|---:|---:|');
		for (const x of r.rules)
			out.push(`| ${mdText(x.rule)} | ${x.severity} | ${x.count} | ${x.accepted} | ${x.toFix} |`);
		out.push('');
	}
	for (const { severity, rows } of r.bySeverity) {
		if (!rows.length) continue;
		out.push(`### ${severity[0].toUpperCase()}${severity.slice(1)} (${rows.length})`, '');
		const brief = rows.filter((x) => x.brief);
		for (const { finding: f, decision, notes } of rows.filter((x) => !x.brief)) {
			out.push(`#### ${mdText(f.title)}`, '');
			out.push(`- Rule: \`${f.rule.replace(/`/g, '')}\``, `- Subject: ${mdText(f.subject)}`);
			const d = decisionWords(decision);
			if (d) out.push(`- Decision: **${mdText(d)}**`);
			if (notes.some((n) => n.text)) out.push('- Notes:', ...noteLines(notes, '  '));
			out.push('', mdFence(evidenceJson(f.evidence), 'json'), '');
		}
		if (brief.length) {
			out.push(`#### ${brief.length} more (${BRIEF_NOTE})`, '');
			for (const { finding: f } of brief)
				out.push(`- \`${f.rule.replace(/`/g, '')}\` ${mdText(f.title)} — ${mdText(f.subject)}`);
			out.push('');
		}
	}
	out.push('## Administrators and escalation paths', '');
	if (!r.access) out.push(`*${ACCESS_NOT_COMPUTED}*`, '');
	else
		out.push(
			...verdictList('Administrators', r.access.admins),
			...verdictList('Can make themselves administrators', r.access.escalates),
			...verdictList('Can become administrators under some conditions', r.access.conditional)
		);
	if (r.nodeNotes.length) {
		out.push('## Notes on the graph', '');
		for (const { target, notes } of r.nodeNotes)
			out.push(`- ${mdText(target)}`, ...noteLines(notes, '  '));
		out.push('');
	}
	if (r.views.length) {
		out.push('## Saved views', '');
		for (const { view, figure } of r.views) {
			out.push(`### ${mdText(view.title || 'Untitled view')}`, '');
			if (view.note) out.push(mdText(view.note), '');
			if (view.principal && view.action && view.resource)
				out.push(
					`Question: may ${mdText(view.principal)} do ${mdText(view.action)} on ${mdText(view.resource)}?`,
					''
				);
			if (figure?.summary) out.push(`**${mdText(figure.summary)}**`, '');
			for (const reason of figure?.reasons ?? [])
				out.push(`- ${mdText(reason.message ?? `${reason.effect} by ${reason.policy}`)}`);
			if (figure?.reasons.length) out.push('');
			if (figure) out.push(`![${mdText(view.title || 'view')}](${svgDataUri(figure.svg)})`, '');
		}
	}
	return out.join('\n');
}
