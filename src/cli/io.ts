/** The CLI's access to the outside world, injectable so commands are tested without a process. */
import { createReadStream } from 'node:fs';

/** What a command may use to talk to the user and read stdin. */
export interface CliIo {
	stdout(text: string): void;
	stderr(text: string): void;
	/** stdin as a stream of text lines. */
	stdinLines(): AsyncIterable<string>;
}

/** Read a file (or stdin when path is undefined) line by line. */
export async function* readLines(path?: string): AsyncIterable<string> {
	const { createInterface } = await import('node:readline');
	const input = path ? createReadStream(path, 'utf8') : process.stdin;
	const rl = createInterface({ input, crlfDelay: Infinity });
	for await (const line of rl) yield line;
}

/** The real process streams. */
export const nodeIo: CliIo = {
	stdout: (text) => void process.stdout.write(text),
	stderr: (text) => void process.stderr.write(text),
	stdinLines: () => readLines()
};
