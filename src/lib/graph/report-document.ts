/**
 * The review report as a file, the one entry the app's export and `iam-atlas report` share: runs
 * the findings (unless given), draws every saved view's figure (view-figure.ts) with one
 * evaluator, gathers the content (analysis/report) and renders Markdown or HTML. It lives in
 * graph/ because it joins the analysis to the figures, and analysis may not import graph.
 */
import { findFindings } from '../analysis/findings/find-findings';
import type { PrincipalVerdict } from '../analysis/findings/plugged';
import type { Finding } from '../analysis/findings/types';
import { renderHtml } from '../analysis/report/render-html';
import { renderMarkdown } from '../analysis/report/render-markdown';
import { reviewReport, type ReportFigure } from '../analysis/report/review-report';
import { createEvaluator } from '../engine/evaluate';
import type { Snapshot } from '../model/snapshot';
import { indexSnapshot } from '../model/snapshot-index';
import { GraphSource } from './graph-source';
import { viewFigure } from './view-figure';

/** The report's file formats. */
export type ReportFormat = 'md' | 'html';

/** The format a file name asks for (by its extension), or null. */
export function reportFormatOf(fileName: string): ReportFormat | null {
	const ext = fileName.toLowerCase().match(/\.([a-z]+)$/)?.[1];
	return ext === 'md' || ext === 'markdown'
		? 'md'
		: ext === 'html' || ext === 'htm'
			? 'html'
			: null;
}

/** What to write a report with. */
export interface ReportOptions {
	format: ReportFormat;
	/** ISO time written into the report. */
	generatedAt: string;
	/** Findings already computed (the app's, from the worker); computed here when absent. */
	findings?: readonly Finding[];
	/** The access-path analysis' verdicts, when it was run. */
	verdicts?: readonly PrincipalVerdict[];
}

/** The report's text. */
export function reportDocument(snapshot: Snapshot, options: ReportOptions): string {
	const evaluator = createEvaluator(snapshot);
	const findings = options.findings ?? findFindings(snapshot, { evaluator });
	const figures = new Map<string, ReportFigure>();
	if (snapshot.views.length) {
		const source = new GraphSource(indexSnapshot(snapshot));
		for (const view of snapshot.views) {
			const f = viewFigure(source, view, (req) => evaluator.evaluate(req));
			figures.set(view.id, {
				svg: f.svg,
				summary: f.result?.summary ?? null,
				reasons: f.result?.reasons ?? []
			});
		}
	}
	const content = reviewReport({
		snapshot,
		findings,
		verdicts: options.verdicts,
		figures,
		generatedAt: options.generatedAt
	});
	return options.format === 'html' ? renderHtml(content) : renderMarkdown(content);
}
