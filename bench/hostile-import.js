#!/usr/bin/env node
// Hostile archives through the CLI (issue 9 item 2 and 4): a 6.2 MB nested zip bomb (3 inner zips
// × 4 entries × 500 MiB of zeros = 6 GiB expanded; every entry and inner zip under the 512 MiB
// per-file limit) and a zip of 100,000 small text files. Each runs `node bin/iam-atlas.js import`
// in a fresh process; time and peak RSS come from /usr/bin/time. Inputs are built into
// bench/out/hostile/ (the bomb's deflate stream is made once with node:zlib and reused).
// BEFORE=<dir of an older checkout with node_modules> also runs that tree, for comparison;
// ONLY=bomb|text100k runs one input.
// Prints human lines and a final `BENCH {json}`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import { Zip, ZipPassThrough, zipSync, strToU8 } from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench/out/hostile');
mkdirSync(out, { recursive: true });

/** A zip of the given entries; deflated entries come with their raw deflate data ready. */
function zip(entries) {
	const parts = [];
	const z = new Zip((err, chunk) => {
		if (err) throw err;
		parts.push(chunk);
	});
	for (const e of entries) {
		if (e.deflated) {
			const f = { filename: e.name, size: e.size, crc: e.crc, compression: 8 };
			z.add(f);
			f.ondata(null, e.deflated, true);
		} else {
			const f = new ZipPassThrough(e.name);
			z.add(f);
			f.push(e.bytes, true);
		}
	}
	z.end();
	return Buffer.concat(parts);
}

const bombPath = join(out, 'nested-bomb.zip');
if (!existsSync(bombPath)) {
	const t = performance.now();
	const zeros = Buffer.alloc(500 * 1024 * 1024);
	const entry = {
		size: zeros.length,
		crc: crc32(zeros),
		deflated: deflateRawSync(zeros, { level: 9 })
	};
	const inner = zip([0, 1, 2, 3].map((i) => ({ ...entry, name: `zeros-${i}.json` })));
	writeFileSync(bombPath, zip([0, 1, 2].map((i) => ({ name: `inner-${i}.zip`, bytes: inner }))));
	console.log(`built the bomb in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
const manyPath = join(out, 'text-100k.zip');
if (!existsSync(manyPath)) {
	const files = {};
	for (let i = 0; i < 100_000; i++)
		files[`notes/n${String(i).padStart(6, '0')}.txt`] = strToU8(`note ${i}\n`);
	writeFileSync(manyPath, zipSync(files, { level: 1 }));
}

/** Run the CLI of `tree` on one input: seconds, peak RSS (MiB), exit code, stderr length and lines. */
function run(tree, input) {
	const args = [join(tree, 'bin/iam-atlas.js'), 'import', input, '--out', join(out, 'out.json')];
	const timed = existsSync('/usr/bin/time');
	const t = performance.now();
	const r = timed
		? spawnSync('/usr/bin/time', ['-f', 'PEAK_KB %M CPU_S %U %S', process.execPath, ...args], {
				encoding: 'utf8',
				maxBuffer: 1 << 30
			})
		: spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
	const seconds = (performance.now() - t) / 1000;
	const peak = /PEAK_KB (\d+) CPU_S ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
	const stderr = (r.stderr ?? '')
		.replace(/PEAK_KB .*\n?/, '')
		.replace(/Command exited with non-zero status \d+\n?/, '');
	return {
		seconds: +seconds.toFixed(2),
		peakMiB: peak ? Math.round(Number(peak[1]) / 1024) : null,
		cpuSeconds: peak ? +(Number(peak[2]) + Number(peak[3])).toFixed(2) : null,
		exit: r.status,
		stderrBytes: stderr.length,
		stderrLines: stderr.split('\n').filter(Boolean).length,
		firstLines: stderr.split('\n').slice(0, 3)
	};
}

const bench = {
	bombBytes: readFileSync(bombPath).length,
	manyBytes: readFileSync(manyPath).length
};
for (const [label, tree] of [
	['after', root],
	...(process.env.BEFORE ? [['before', process.env.BEFORE]] : [])
]) {
	for (const [name, input] of [
		['bomb', bombPath],
		['text100k', manyPath]
	].filter(([n]) => !process.env.ONLY || process.env.ONLY === n)) {
		const r = run(tree, input);
		console.log(
			`${label} ${name}: ${r.seconds} s wall, ${r.cpuSeconds} s CPU, peak ${r.peakMiB} MiB, exit ${r.exit}, stderr ${r.stderrLines} lines / ${r.stderrBytes} bytes`
		);
		for (const l of r.firstLines) console.log(`    ${l.slice(0, 300)}`);
		bench[`${label}.${name}`] = {
			seconds: r.seconds,
			cpuSeconds: r.cpuSeconds,
			peakMiB: r.peakMiB,
			exit: r.exit,
			stderrLines: r.stderrLines,
			stderrBytes: r.stderrBytes
		};
	}
}
console.log(`BENCH ${JSON.stringify(bench)}`);
