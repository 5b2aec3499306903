/**
 * The CLI entry: dispatches `iam-atlas <command>` to one module per command in ./commands.
 * Each command module exports `run(args, io)` and returns the process exit code.
 */
import type { CliIo } from './io';
import { nodeIo } from './io';

const commands: Record<
	string,
	{ summary: string; load: () => Promise<{ run: (args: string[], io: CliIo) => Promise<number> }> }
> = {
	import: {
		summary:
			'import <path>... --out <snapshot.json>   AWS CLI outputs / collections / snapshots → one snapshot',
		load: () => import('./commands/import')
	},
	eval: {
		summary:
			'eval --snapshot <snapshot.json> [<requests.jsonl>]   decisions with reasons, one JSON line per request',
		load: () => import('./commands/eval')
	},
	'who-can': {
		summary:
			"who-can --snapshot <snapshot.json> --action <a> --resource <arn> [--context '<json>']   every principal's decision, allowed first",
		load: () => import('./commands/who-can')
	},
	demo: {
		summary: 'demo --out <snapshot.json>   write the built-in demo organization as a snapshot',
		load: () => import('./commands/demo')
	},
	findings: {
		summary:
			'findings --snapshot <snapshot.json> [--json]   what a reviewer should look at (JSON: one line per finding)',
		load: () => import('./commands/findings')
	},
	escalations: {
		summary:
			'escalations --snapshot <snapshot.json> [--principal <ARN>]... [--json]   who is or can become an administrator, and how',
		load: () => import('./commands/escalations')
	},
	'what-can': {
		summary:
			'what-can --snapshot <snapshot.json> --principal <ARN> [--service <prefix>] [--json]   what a principal can do, per service and access level',
		load: () => import('./commands/what-can')
	},
	report: {
		summary:
			'report --snapshot <snapshot.json> --out <report.md|report.html>   the review report (findings, notes, decisions, saved views)',
		load: () => import('./commands/report')
	},
	diff: {
		summary:
			'diff <before.json> <after.json> [--json]   what changed between two snapshots, and who gained or lost access',
		load: () => import('./commands/diff')
	},
	redact: {
		summary:
			'redact <snapshot.json> --out <shared.json> [--map <mapping.json>]   the snapshot with ids, names and e-mails pseudonymised',
		load: () => import('./commands/redact')
	}
};

/** Run the CLI with the given arguments; resolves to the exit code. */
export async function main(argv: string[], io: CliIo = nodeIo): Promise<number> {
	const [name, ...rest] = argv;
	const command = name ? commands[name] : undefined;
	if (!command) {
		const usage = [
			'usage: iam-atlas <command> [options]',
			'',
			...Object.values(commands).map((c) => `  ${c.summary}`)
		].join('\n');
		if (name && name !== '--help' && name !== '-h') {
			io.stderr(`iam-atlas: unknown command '${name}'\n${usage}\n`);
			return 2;
		}
		io.stdout(usage + '\n');
		return name ? 0 : 2;
	}
	const module = await command.load();
	return module.run(rest, io);
}
