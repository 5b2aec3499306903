/**
 * What can be checked of the collector without an AWS API: its permissions file against the
 * calls the script makes, and its usage errors. Its behaviour against a real AWS API (moto's
 * server, with the real AWS CLI v2 and v1) is tests/collector/ (`npm run test:collector`).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { actionOf, cliCallsOf } from './cli-actions';

const here = fileURLToPath(new URL('.', import.meta.url));
const SCRIPT = join(here, '..', 'iam-atlas-collect.sh');
const script = readFileSync(SCRIPT, 'utf8');

describe('iam-atlas-collect.sh, read without running AWS', () => {
	it('collector-policy.json grants exactly the actions of the calls the script makes', () => {
		const called = new Set(cliCallsOf(script).map(([cli, op]) => actionOf(cli, op)));
		const policy = JSON.parse(readFileSync(join(here, '..', 'collector-policy.json'), 'utf8'));
		const granted = new Set<string>(policy.Statement.flatMap((s: { Action: string | string[] }) => s.Action));
		expect([...called].sort()).toEqual([...granted].sort());
		expect(called.size).toBeGreaterThan(40);
	});

	it('makes only read-only calls (plus sts:AssumeRole)', () => {
		for (const [cli, op] of cliCallsOf(script))
			expect(`${cli} ${op}`).toMatch(/^(\S+ (describe|list|get|generate)-\S+|sts assume-role)$/);
	});

	it('--help prints usage; an unknown option or a bad --parallel is a usage error', () => {
		const help = spawnSync('bash', [SCRIPT, '--help'], { encoding: 'utf8' });
		expect(help.status).toBe(0);
		expect(help.stdout).toContain('--resume');
		const bad = spawnSync('bash', [SCRIPT, '--bogus'], { encoding: 'utf8' });
		expect(bad.status).toBe(2);
		expect(bad.stderr).toContain('unknown option --bogus');
		const parallel = spawnSync('bash', [SCRIPT, '--parallel', 'x'], { encoding: 'utf8' });
		expect(parallel.status).toBe(2);
		expect(parallel.stderr).toContain('--parallel needs a whole number');
	});
});
