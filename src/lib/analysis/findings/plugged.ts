/**
 * The two rules that rest on the access-path analysis (issue 12: admin-principal, escalation-path).
 * This module does not compute administrators or escalation paths: the caller runs that analysis
 * and hands its per-principal verdicts here, and gets rules to pass as `extraRules` to findFindings.
 */
import { accountOfArn } from '../../model/ids';
import type { Finding, FindingRule } from './types';

/** One principal's verdict from the access-path analysis, with whatever explains it. */
export interface PrincipalVerdict {
	principal: string;
	/** `admin` for an administrator; `escalates` / `conditional` for a principal that can become one. */
	status: 'admin' | 'escalates' | 'conditional';
	/** The analysis' explanation (path, statements, conditions), copied into the finding. */
	evidence: Record<string, unknown>;
}

const name = (arn: string) => arn.split('/').at(-1) ?? arn;
const make = (
	v: PrincipalVerdict,
	rule: string,
	severity: Finding['severity'],
	title: string
): Finding => ({
	rule,
	severity,
	subject: v.principal,
	title,
	evidence: v.evidence,
	graphTarget: v.principal,
	account: accountOfArn(v.principal)
});

/** admin-principal: every principal the analysis found to be an administrator (severity high). */
export const adminPrincipalRule = (verdicts: PrincipalVerdict[]): FindingRule => ({
	id: 'admin-principal',
	run: () =>
		verdicts
			.filter((v) => v.status === 'admin')
			.map((v) => make(v, 'admin-principal', 'high', `${name(v.principal)} is an administrator`))
});

/** escalation-path: `escalates` at high, `conditional` (only under some condition) at medium. */
export const escalationPathRule = (verdicts: PrincipalVerdict[]): FindingRule => ({
	id: 'escalation-path',
	run: () =>
		verdicts
			.filter((v) => v.status === 'escalates' || v.status === 'conditional')
			.map((v) =>
				v.status === 'escalates'
					? make(
							v,
							'escalation-path',
							'high',
							`${name(v.principal)} can make itself an administrator`
						)
					: make(
							v,
							'escalation-path',
							'medium',
							`${name(v.principal)} can become an administrator under some conditions`
						)
			)
});
