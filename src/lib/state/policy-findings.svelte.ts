/**
 * The catalog's findings on the policy documents a panel shows (unknown actions, condition keys),
 * asked of the engine (in its worker) once per document and kept reactively, so the details
 * panel only reads `findings.of(document)`. A missing catalog or a failed question flags nothing.
 */
import { SvelteMap } from 'svelte/reactivity';
import type { CatalogFinding } from '../engine/catalog/lint-policy';
import type { PolicyDocument } from '../model/policy-document';
import type { ExplorerEngine } from './explorer-engine';

/** Findings per policy document, fetched on first read. */
export class PolicyFindings {
	readonly #engine: Pick<ExplorerEngine, 'lintPolicy'>;
	readonly #found = new SvelteMap<PolicyDocument, CatalogFinding[]>();
	readonly #asked = new WeakSet<PolicyDocument>();

	/** Ask `engine` (the explorer's) about documents. */
	constructor(engine: Pick<ExplorerEngine, 'lintPolicy'>) {
		this.#engine = engine;
	}

	/** What the catalog flags in `document` (empty until the answer arrives). */
	of(document: PolicyDocument): CatalogFinding[] {
		if (!this.#asked.has(document)) {
			this.#asked.add(document);
			this.#engine
				.lintPolicy(document)
				.then((f) => this.#found.set(document, f))
				.catch(() => this.#found.set(document, []));
		}
		return this.#found.get(document) ?? [];
	}
}
