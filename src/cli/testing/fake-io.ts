/** A CliIo for in-process command tests: captures stdout/stderr and feeds stdin from a list. */
import type { CliIo } from '../io';

/** Captured output of a command run with a fake io. */
export interface FakeIo {
	io: CliIo;
	/** Everything written to stdout, in order. */
	out: string[];
	/** Everything written to stderr, in order. */
	err: string[];
	/** stdout read as JSON lines (blank lines skipped). */
	jsonLines(): unknown[];
	/** stderr as one string. */
	errText(): string;
}

/** Make a fake io whose stdin yields `stdin` line by line. */
export function fakeIo(stdin: string[] = []): FakeIo {
	const out: string[] = [];
	const err: string[] = [];
	return {
		io: {
			stdout: (t) => void out.push(t),
			stderr: (t) => void err.push(t),
			stdinLines: async function* () {
				yield* stdin;
			}
		},
		out,
		err,
		jsonLines: () =>
			out
				.join('')
				.split('\n')
				.filter(Boolean)
				.map((l) => JSON.parse(l)),
		errText: () => err.join('')
	};
}
