import { describe, expect, it } from 'vitest';
import { summariseWarnings } from './warning-summary';

const w = (code: string, message: string, file: string) => ({ code, message, where: { file } });

describe('summariseWarnings', () => {
	it('groups skipped files by reason, in words, most files first, without raw codes', () => {
		const cmd = (c: string, f: string) =>
			w(
				'import.file.unsupported-command',
				`IAM Atlas does not read "${c}" output; this file was skipped.`,
				f
			);
		const out = summariseWarnings([
			cmd('ec2-describe-instances', 'a/1.json'),
			cmd('ec2-describe-instances', 'a/2.json'),
			w(
				'import.file.skipped',
				'Not an AWS CLI output (a licence or documentation file); skipped.',
				'LICENSE'
			),
			cmd('ec2-describe-instances', 'b/1.json')
		]);
		expect(out.map((r) => r.text)).toEqual([
			'3 files of "ec2-describe-instances" output, which IAM Atlas does not read — skipped',
			'1 licence or documentation file — skipped'
		]);
		expect(out[0].files).toEqual(['a/1.json', 'a/2.json', 'b/1.json']);
		expect(JSON.stringify(out)).not.toMatch(/import\.file/);
	});
});
