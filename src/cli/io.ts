/** The CLI's access to the outside world, injectable so commands are tested without a process. */
import { createReadStream } from 'node:fs';

/** What a command may use to talk to the user and read stdin. */
export interface CliIo {
	stdout(text: string): void;
	stderr(text: string): void;
	/** stdin as a stream of text lines. */
	stdinLines(): AsyncIterable<string>;
	/** stdin as text chunks of any size (faster for commands that split lines themselves). */
	stdinChunks?(): AsyncIterable<string>;
}

/** A file (or stdin when path is undefined) as UTF-8 text chunks of up to 1 MiB. */
export async function* readChunks(path?: string): AsyncIterable<string> {
	const input = path
		? createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })
		: process.stdin.setEncoding('utf8');
	for await (const chunk of input) yield chunk as string;
}

const dropCr = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);

/**
 * Text chunks as batches of lines: split on "\n", a trailing "\r" dropped; a final newline ends the
 * last line rather than starting an empty one (as readline counts them). Linear in the input even
 * for one huge line (the pieces of an unfinished line are joined once).
 */
export async function* linesOf(chunks: AsyncIterable<string>): AsyncIterable<string[]> {
	let parts: string[] = [];
	for await (const chunk of chunks) {
		const nl = chunk.lastIndexOf('\n');
		if (nl < 0) {
			if (chunk) parts.push(chunk);
			continue;
		}
		parts.push(chunk.slice(0, nl));
		const text = parts.length === 1 ? parts[0] : parts.join('');
		parts = nl + 1 < chunk.length ? [chunk.slice(nl + 1)] : [];
		const lines = text.split('\n');
		for (let i = 0; i < lines.length; i++) lines[i] = dropCr(lines[i]);
		yield lines;
	}
	const rest = parts.join('');
	if (rest !== '') yield [dropCr(rest)];
}

/** Lines (as a CliIo's stdinLines gives them) as chunks for linesOf. */
export async function* chunksOfLines(lines: AsyncIterable<string>): AsyncIterable<string> {
	for await (const line of lines) yield line + '\n';
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
	stdinLines: () => readLines(),
	stdinChunks: () => readChunks()
};
