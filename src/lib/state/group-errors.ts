/** Import errors grouped by the file they name, as the import error list shows them. */
import type { AtlasError } from '../model/result';

/** The errors of one file. */
export interface FileErrors {
	file: string;
	errors: AtlasError[];
}

/** Group errors by file; errors naming no file go under "(input)". */
export function groupByFile(errors: AtlasError[]): FileErrors[] {
	const groups = new Map<string, AtlasError[]>();
	for (const error of errors) {
		const file = error.where?.file ?? '(input)';
		const list = groups.get(file) ?? [];
		list.push(error);
		groups.set(file, list);
	}
	return [...groups].map(([file, list]) => ({ file, errors: list }));
}
