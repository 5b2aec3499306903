/**
 * Which known resources a policy statement's Resource pattern reaches on the graph — compiled and
 * matched by the engine itself (`compileResource` / `matchResource`: per-part ARN rules, variables,
 * the one wildcard matcher in `engine/match`), so the graph and the evaluator agree on what a
 * pattern names. Deciding access is the engine's job, not this module's: with no request there is
 * no value for a policy variable, so a pattern that needs one reaches nothing (as in the engine).
 */
import { compileResource } from '../engine/policy/compile';
import { matchResource } from '../engine/policy/judge';
import { NO_CONTEXT } from '../engine/policy/variables';

/** Tests whether a Resource pattern reaches a known resource (`isBucket`: an S3 bucket). */
export type ResourceReach = (resourceArn: string, isBucket: boolean) => boolean;

/**
 * Compile a Resource pattern for the graph (`variables`: the policy has Version 2012-10-17). It
 * reaches the resource it matches, and a bucket holding the objects it names, e.g.
 * `arn:aws:s3:::bucket/*` reaches the bucket.
 */
export function resourceReach(pattern: string, variables: boolean): ResourceReach {
	const whole = compileResource(pattern, variables);
	const slash = pattern.indexOf('/');
	const bucket = slash > 0 ? compileResource(pattern.slice(0, slash), variables) : null;
	return (arn, isBucket) =>
		matchResource(whole, arn, NO_CONTEXT) ||
		(isBucket && bucket !== null && matchResource(bucket, arn, NO_CONTEXT));
}
