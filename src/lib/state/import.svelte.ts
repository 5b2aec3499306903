/**
 * One import at a time, from a file pick, a folder pick or a drop: reads the files, hands them to
 * the import worker (which parses, validates and stores in one transaction), and keeps what the UI
 * shows — the phase, progress, and on failure every error grouped by file, with nothing stored.
 */
import type { InputFile } from '../import/import-files';
import type { AtlasError } from '../model/result';
import { readDroppedItems, readPickedFiles, type ReadFiles } from './input-files';
import { groupByFile } from './group-errors';
import type { ImporterPort, ImportProgress } from './ports';

/** Where the current import is. */
export type ImportPhase = 'idle' | 'reading' | 'importing' | 'done' | 'failed';

/** Reactive state of the current (or last) import. */
export class ImportJob {
	phase = $state<ImportPhase>('idle');
	progress = $state.raw<ImportProgress | null>(null);
	errors = $state.raw<AtlasError[]>([]);
	warnings = $state.raw<AtlasError[]>([]);
	/** The name of the snapshot the last successful import stored. */
	storedName = $state<string | null>(null);
	/** How many input files the current/last import had. */
	fileCount = $state(0);
	/** True while files are dragged over the page. */
	dragging = $state(false);

	/** True while files are read or imported. */
	busy = $derived(this.phase === 'reading' || this.phase === 'importing');
	/** Progress as 0–100, or null when unknown. */
	percent = $derived(
		this.progress && this.progress.total > 0
			? Math.round((100 * this.progress.done) / this.progress.total)
			: null
	);
	/** Errors grouped by the file they name, in first-seen order. */
	errorsByFile = $derived(groupByFile(this.errors));

	#importer: ImporterPort;
	#onStored: (id: string) => Promise<unknown>;

	/** `onStored` runs with the new snapshot's id once it is stored (the shell names and opens it; it may resolve to the final name). */
	constructor(importer: ImporterPort, onStored: (id: string) => Promise<unknown>) {
		this.#importer = importer;
		this.#onStored = onStored;
	}

	/** Import files from a file input (files or a webkitdirectory folder). */
	fromPicked(files: ArrayLike<File>): Promise<void> {
		if (this.busy) return Promise.resolve();
		return this.#run(readPickedFiles(files, undefined, this.#reading));
	}

	/** Import a drop; call it synchronously from the drop handler (see readDroppedItems). */
	fromDrop(data: DataTransfer): Promise<void> {
		this.dragging = false;
		if (this.busy) return Promise.resolve();
		return this.#run(readDroppedItems(data, undefined, this.#reading));
	}

	/** Note that files are (or no longer are) dragged over the page. */
	dragOver(active: boolean): void {
		this.dragging = active;
	}

	/** Import files already read (used by tests and by programmatic imports). */
	fromInputFiles(files: InputFile[]): Promise<void> {
		return this.#run(Promise.resolve({ files, errors: [] }));
	}

	/** Forget the last outcome (closes the error list). */
	dismiss(): void {
		if (this.busy) return;
		this.phase = 'idle';
		this.errors = [];
		this.warnings = [];
		this.progress = null;
	}

	/** Reading progress (throttled to whole percents so a big folder does not flood the UI). */
	#reading = (done: number, total: number): void => {
		const step = Math.max(1, Math.floor(total / 100));
		if (done % step === 0 || done === total)
			this.progress = { done, total, file: '', phase: 'reading' };
	};

	async #run(reading: Promise<ReadFiles>): Promise<void> {
		if (this.busy) return;
		this.phase = 'reading';
		this.errors = [];
		this.warnings = [];
		this.storedName = null;
		this.progress = null;
		try {
			const { files, errors } = await reading;
			this.fileCount = files.length + errors.length;
			if (errors.length) return this.#fail(errors);
			if (files.length === 0)
				return this.#fail([
					{
						code: 'import.input.empty',
						message: 'Nothing to import: no files were chosen or the folder was empty.'
					}
				]);
			this.phase = 'importing';
			this.progress = { done: 0, total: files.length, file: '', phase: 'importing' };
			const outcome = await this.#importer.importAndStore(files, {
				onProgress: (p) => (this.progress = p)
			});
			if (!outcome.ok) return this.#fail(outcome.errors);
			this.warnings = outcome.warnings;
			this.storedName = outcome.name;
			this.phase = 'done';
			const finalName = await this.#onStored(outcome.id);
			// The shell may rename it (a re-import gets "… (2)"): show the name it is listed under.
			if (typeof finalName === 'string') this.storedName = finalName;
		} catch (error) {
			this.#fail([
				{ code: 'import.failed', message: error instanceof Error ? error.message : String(error) }
			]);
		}
	}

	#fail(errors: AtlasError[]): void {
		this.errors = errors;
		this.phase = 'failed';
	}
}
