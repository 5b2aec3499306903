/**
 * The review report as one self-contained HTML file: inline CSS (with print rules, so "Print → PDF"
 * gives clean pages), inline SVG figures, no script, and a Content-Security-Policy that forbids
 * every request, so opening it offline fetches nothing. Every snapshot-derived string goes
 * through `htmlEscape`; the figures are svg-export.ts output, which escapes its own text.
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

/** Escape text for HTML content and quoted attribute values. */
export const htmlEscape = (s: string): string =>
	s.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);

const e = htmlEscape;

const CSS = `
:root{--fg:#16202b;--muted:#4a5866;--line:#d5dbe1;--soft:#f3f5f7;--critical:#8b1020;--high:#c0392b;--medium:#b35c00;--low:#1f6f8b;--info:#4a5866}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--fg);max-width:60rem;margin:2rem auto;padding:0 1.25rem}
h1{font-size:1.7rem;margin:0 0 .25rem}h2{font-size:1.3rem;border-bottom:2px solid var(--line);padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.1rem;margin:1.4rem 0 .5rem}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid var(--line);padding:.25rem .6rem;text-align:left;vertical-align:top}th{background:var(--soft)}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.finding{border:1px solid var(--line);border-left:5px solid var(--sev);border-radius:4px;padding:.5rem .75rem;margin:.6rem 0;break-inside:avoid}
.finding h4{margin:0 0 .2rem;font-size:1rem}
.meta{color:var(--muted);font-size:.9rem;margin:0;overflow-wrap:anywhere}
.sev{display:inline-block;color:#fff;background:var(--sev);border-radius:3px;padding:0 .4rem;font-size:.8rem;font-weight:700;text-transform:uppercase}
.decision{font-weight:700;margin:.3rem 0}
.notes{margin:.3rem 0;padding-left:1.2rem}
details summary{cursor:pointer;color:var(--muted);font-size:.9rem}
pre{background:var(--soft);padding:.5rem;overflow:auto;font-size:.8rem;white-space:pre-wrap;overflow-wrap:anywhere}
.not-computed{border:1px dashed var(--muted);padding:.5rem .75rem;color:var(--muted)}
figure{margin:.5rem 0;break-inside:avoid}figure svg{max-width:100%;height:auto;border:1px solid var(--line)}
.critical{--sev:var(--critical)}.high{--sev:var(--high)}.medium{--sev:var(--medium)}.low{--sev:var(--low)}.info{--sev:var(--info)}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}h3,h4{break-after:avoid}details{display:block}details::details-content{display:contents;content-visibility:visible}details>pre,details>table{display:block}
pre{white-space:pre-wrap;max-height:none}a{color:inherit;text-decoration:none}section.views{break-before:page}@page{margin:15mm}}
`;

const notesHtml = (notes: ReviewNote[]): string => {
	const said = notes.filter((n) => n.text);
	return said.length
		? `<ul class="notes">${said.map((n) => `<li>${e(n.text)} <span class="meta">— ${e(noteByline(n))}</span></li>`).join('')}</ul>`
		: '';
};

const verdictSection = (title: string, vs: PrincipalVerdict[]): string =>
	`<h3>${e(title)} (${vs.length})</h3>` +
	(vs.length ? `<ul>${vs.map((v) => `<li>${e(v.principal)}</li>`).join('')}</ul>` : '<p>None.</p>');

/** Render the report as a self-contained HTML document. */
export function renderHtml(r: ReviewReport): string {
	const out: string[] = [
		'<!doctype html>',
		'<html lang="en"><head><meta charset="utf-8">',
		`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>Access review: ${e(r.title)}</title>`,
		`<style>${CSS}</style></head><body>`,
		`<h1>Access review: ${e(r.title)}</h1>`,
		`<p class="meta">Written by IAM Atlas on ${e(r.generatedAt)}.</p>`,
		'<h2>Organization summary</h2><table>',
		...summaryRows(r).map(([k, v]) => `<tr><th>${e(k)}</th><td>${e(v)}</td></tr>`),
		'</table>',
		'<h2>Findings</h2>'
	];
	const total = r.bySeverity.reduce((n, s) => n + s.rows.length, 0);
	out.push(
		`<p>${total} finding${total === 1 ? '' : 's'}: ${r.bySeverity
			.map((s) => `<span class="${s.severity}">${s.rows.length} ${s.severity}</span>`)
			.join(
				', '
			)}. Decisions: ${r.decisions.accepted} accepted risk, ${r.decisions.toFix} to fix.</p>`
	);
	if (r.rules.length)
		out.push(
			'<table><tr><th>Rule</th><th>Severity</th><th>Findings</th><th>Accepted</th><th>To fix</th></tr>',
			...r.rules.map(
				(x) =>
					`<tr><td>${e(x.rule)}</td><td>${x.severity}</td><td class="n">${x.count}</td><td class="n">${x.accepted}</td><td class="n">${x.toFix}</td></tr>`
			),
			'</table>'
		);
	for (const { severity, rows } of r.bySeverity) {
		if (!rows.length) continue;
		out.push(`<h3 class="${severity}"><span class="sev">${severity}</span> ${rows.length}</h3>`);
		const brief = rows.filter((x) => x.brief);
		for (const { finding: f, decision, notes } of rows.filter((x) => !x.brief)) {
			const d = decisionWords(decision);
			out.push(
				`<div class="finding ${f.severity}"><h4>${e(f.title)}</h4>`,
				`<p class="meta"><span class="sev">${f.severity}</span> <code>${e(f.rule)}</code> · ${e(f.subject)}</p>`,
				d ? `<p class="decision">${e(d)}</p>` : '',
				notesHtml(notes),
				`<details><summary>Evidence</summary><pre>${e(evidenceJson(f.evidence))}</pre></details></div>`
			);
		}
		if (brief.length)
			out.push(
				`<details class="brief"><summary>${brief.length} more ${severity} findings (${e(BRIEF_NOTE)})</summary><table>`,
				...brief.map(
					({ finding: f, decision }) =>
						`<tr><td><code>${e(f.rule)}</code></td><td>${e(f.title)}</td><td class="meta">${e(f.subject)}</td><td>${e(decisionWords(decision) ?? '')}</td></tr>`
				),
				'</table></details>'
			);
	}
	out.push('<h2>Administrators and escalation paths</h2>');
	out.push(
		r.access
			? verdictSection('Administrators', r.access.admins) +
					verdictSection('Can make themselves administrators', r.access.escalates) +
					verdictSection('Can become administrators under some conditions', r.access.conditional)
			: `<p class="not-computed" data-section="access-not-computed">${e(ACCESS_NOT_COMPUTED)}</p>`
	);
	if (r.nodeNotes.length) {
		out.push('<h2>Notes on the graph</h2>');
		for (const { target, notes } of r.nodeNotes)
			out.push(`<h3 class="meta">${e(target)}</h3>`, notesHtml(notes));
	}
	if (r.views.length) {
		out.push('<section class="views"><h2>Saved views</h2>');
		for (const { view, figure } of r.views) {
			out.push(`<h3>${e(view.title || 'Untitled view')}</h3>`);
			if (view.note) out.push(`<p>${e(view.note)}</p>`);
			if (view.principal && view.action && view.resource)
				out.push(
					`<p class="meta">Question: may ${e(view.principal)} do ${e(view.action)} on ${e(view.resource)}?</p>`
				);
			if (figure?.summary) out.push(`<p class="decision">${e(figure.summary)}</p>`);
			if (figure?.reasons.length)
				out.push(
					`<ul>${figure.reasons.map((x) => `<li>${e(x.message ?? `${x.effect} by ${x.policy}`)}</li>`).join('')}</ul>`
				);
			if (figure) out.push(`<figure>${figure.svg}</figure>`);
		}
		out.push('</section>');
	}
	out.push('</body></html>');
	return out.join('\n');
}
