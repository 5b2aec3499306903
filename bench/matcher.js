#!/usr/bin/env node
/**
 * Worst-case wildcard patterns (issue 9, item 1): the shapes that made the old regular expressions
 * backtrack — `arn:aws:s3:::*a*a…*b` with 17 stars against 35 and 40 characters (17 s and 110 s
 * before), 1,000 stars, 10,000-character patterns and values, `?` runs, many stars inside one ARN
 * part — timed per match on the engine's matcher (bundled with esbuild, as the app's worker is), and
 * one whole evaluation with such a pattern in a bucket policy. Each answer is checked. Prints human
 * lines and a final `BENCH {json}` (microseconds per match, CPU time of this process).
 */
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'out', 'matcher');
mkdirSync(out, { recursive: true });
writeFileSync(
	join(out, 'entry.ts'),
	[
		`export { compilePattern, matchArn } from '../../../src/lib/engine/match/pattern';`,
		`export { createEvaluator } from '../../../src/lib/engine/evaluate';`,
		`export { worldToSnapshot } from '../../../src/lib/engine/testing/world';`
	].join('\n') + '\n'
);
await build({
	entryPoints: [join(out, 'entry.ts')],
	bundle: true,
	platform: 'neutral',
	format: 'esm',
	outfile: join(out, 'matcher.bundle.mjs'),
	logLevel: 'warning'
});
const { compilePattern, createEvaluator, worldToSnapshot } = await import(
	pathToFileURL(join(out, 'matcher.bundle.mjs')).href
);

const stars = (n, unit = 'a') => `*${unit}`.repeat(n);
const a = (n) => 'a'.repeat(n);
const S3 = 'arn:aws:s3:::';
const compile = (text, mode) => compilePattern([{ text, glob: true }], mode);

/** [name, pattern text, mode, value, expected answer] */
const shapes = [
	['resource17Stars35Chars', `${S3}${stars(17)}*b`, 'resource', `${S3}${a(35)}`, false],
	['resource17Stars40Chars', `${S3}${stars(17)}*b`, 'resource', `${S3}${a(40)}`, false],
	['resource17Stars40CharsMatch', `${S3}${stars(17)}*b`, 'resource', `${S3}${a(40)}b`, true],
	['stringLike17Stars40Chars', `${stars(17)}*b`, 'plain', a(40), false],
	['arnLike17Stars40Chars', `${S3}${stars(17)}*b`, 'arnCondition', `${S3}${a(40)}`, false],
	['resource1000Stars5000Chars', `${S3}${stars(1000)}*b`, 'resource', `${S3}${a(5000)}`, false],
	[
		'resource1000StarsOneShort',
		`${S3}${stars(1000)}*b`,
		'resource',
		`${S3}${'xa'.repeat(999)}b`,
		false
	],
	['resource1000StarsMatch', `${S3}${stars(1000)}*b`, 'resource', `${S3}${a(5000)}b`, true],
	['pattern10000Chars', `${S3}${stars(4993)}*b`, 'resource', `${S3}${a(9987)}`, false],
	['pattern10000CharsMatch', `${S3}${stars(4993)}*b`, 'resource', `${S3}${a(9986)}b`, true],
	['question10000', '?'.repeat(10000), 'resource', 'x'.repeat(10000), true],
	[
		'questionRunsNearMiss',
		`*${`${'?'.repeat(20)}b*`.repeat(100)}c`,
		'plain',
		`${a(10000)}c`,
		false
	],
	[
		'questionAStarsNearMiss',
		`*${'?a*'.repeat(2000)}b`,
		'plain',
		`${'xa'.repeat(1999)}${'x'.repeat(5000)}b`,
		false
	],
	[
		'arnLikeStarsInRegion',
		`arn:aws:sns:${stars(3000)}*b:111111111111:topic`,
		'arnCondition',
		`arn:aws:sns:${a(10000)}:111111111111:topic`,
		false
	],
	[
		'resourceSpanningManyParts',
		`arn:aws:*:a*a::${stars(1000, 'd')}*b`,
		'resource',
		`arn:aws:x:${'aa::'.repeat(2500)}${'d'.repeat(999)}b`,
		false
	]
];

/** CPU microseconds per call of `fn`, repeated for about `ms` (at least 3 times). */
function perCall(fn, ms = 150) {
	const t0 = performance.now();
	const c0 = process.cpuUsage();
	let n = 0;
	while (n < 3 || performance.now() - t0 < ms) {
		fn();
		n++;
	}
	const c = process.cpuUsage(c0);
	return (c.user + c.system) / n;
}

const round = (us) => (us < 10 ? Math.round(us * 100) / 100 : Math.round(us));
const results = {};
let wrong = 0;
for (const [name, text, mode, value, want] of shapes) {
	const compileUs = perCall(() => compile(text, mode));
	const p = compile(text, mode);
	const got = p.test(value);
	if (got !== want) wrong++;
	const matchUs = perCall(() => p.test(value));
	results[name] = {
		patternChars: text.length,
		valueChars: value.length,
		matchUs: round(matchUs),
		compileUs: round(compileUs)
	};
	console.log(
		`${name}: ${text.length}-char ${mode} pattern vs ${value.length} chars → ${got}${got === want ? '' : ` (WRONG, expected ${want})`}: ${round(matchUs)} µs per match, ${round(compileUs)} µs to compile`
	);
}

// one evaluation through the whole engine, with the pattern in a bucket policy
const A = '111111111111';
const bucket = `${S3}${a(40)}b`;
const snapshot = worldToSnapshot({
	accounts: {
		[A]: {
			users: [{ name: 'alice' }],
			resources: [
				{
					arn: bucket,
					kind: 's3-bucket',
					policy: {
						Version: '2012-10-17',
						Statement: [
							{
								Effect: 'Allow',
								Principal: '*',
								Action: 's3:GetObject',
								Resource: `${S3}${stars(17)}*b/*`,
								Condition: { StringLike: { 'aws:userid': `${stars(17)}*b` } }
							}
						]
					}
				}
			]
		}
	}
});
const request = {
	principal: `arn:aws:iam::${A}:user/alice`,
	action: 's3:GetObject',
	resource: `${bucket}/key`,
	resourceAccount: A
};
const evalColdUs = perCall(() => createEvaluator(snapshot).evaluate(request), 300);
const ev = createEvaluator(snapshot);
const decision = ev.evaluate(request).decision;
if (decision !== 'implicitDeny') wrong++;
const evalWarmUs = perCall(() => ev.evaluate(request, { trace: false }));
console.log(
	`evaluation with a 17-star bucket policy: ${decision}; ${round(evalColdUs)} µs with a fresh evaluator, ${round(evalWarmUs)} µs warm`
);
if (wrong) console.log(`${wrong} WRONG answers`);
console.log(
	`BENCH ${JSON.stringify({
		wrongAnswers: wrong,
		shapes: results,
		evaluation17StarBucketPolicy: { decision, coldUs: round(evalColdUs), warmUs: round(evalWarmUs) }
	})}`
);
process.exitCode = wrong ? 1 : 0;
