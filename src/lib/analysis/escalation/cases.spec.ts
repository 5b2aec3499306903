/** The escalation cases: every cases/*.json file holds an array of analysis cases (../testing/analysis-case.ts), one test each. */
import { describe, it } from 'vitest';
import { runAnalysisCase, type AnalysisCase } from '../testing/analysis-case';

const files = import.meta.glob<AnalysisCase[]>('./cases/*.json', {
	eager: true,
	import: 'default'
});

for (const [file, cases] of Object.entries(files))
	describe(file.replace('./cases/', ''), () => {
		for (const c of cases) it(c.name, () => runAnalysisCase(c));
	});
