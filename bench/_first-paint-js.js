/**
 * The JS a built app (build/) loads before its first paint, gzipped, and its lazy chunks: the
 * entry scripts of build/index.html, the root layout and page nodes, and every module they import
 * statically. Shared by bench/graph.js and bench/first-paint.js.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** A guess at what a lazy chunk holds, from strings that survive minification. */
function label(file) {
	const src = readFileSync(file, 'utf8');
	if (file.includes('engine.worker')) return 'engine worker';
	if (file.includes('import.worker')) return 'import worker';
	if (src.includes('graph-explorer')) return 'graph explorer UI';
	if (/cytoscape/i.test(src) && src.length > 200000) return 'cytoscape';
	if (src.includes('Outline of')) return 'outline';
	return '';
}

/** gzipped size of the JS the built app loads before its first paint, and the lazy chunks. */
export function firstPaintJs(buildDir) {
	const html = join(buildDir, 'index.html');
	if (!existsSync(html)) return { error: 'build/index.html missing: run `npm run build` first' };
	const text = readFileSync(html, 'utf8');
	const eager = new Set();
	for (const m of text.matchAll(/(?:href|src)="([^"]+\.js)"/g)) eager.add(m[1]);
	for (const m of text.matchAll(/import\("([^"]+\.js)"\)/g)) eager.add(m[1]);
	const gz = (file) => gzipSync(readFileSync(file)).length;
	const eagerFiles = [...eager].map((p) => join(buildDir, p.replace(/^(\.\/|\/)/, '')));
	// The SPA shell paints `/` only once the root layout (nodes/0) and the page (nodes/2) are in.
	const nodesDir = join(buildDir, '_app', 'immutable', 'nodes');
	if (existsSync(nodesDir))
		for (const n of readdirSync(nodesDir))
			if (/^[02]\./.test(n)) eagerFiles.push(join(nodesDir, n));
	// Follow static imports of eager modules (they load before the page can paint its shell).
	const seen = new Set();
	const queue = eagerFiles.filter(existsSync);
	while (queue.length) {
		const f = queue.pop();
		if (seen.has(f)) continue;
		seen.add(f);
		const src = readFileSync(f, 'utf8');
		for (const m of src.matchAll(
			/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g
		)) {
			const dep = resolve(dirname(f), m[1]);
			if (existsSync(dep)) queue.push(dep);
		}
	}
	const all = [];
	const walk = (d) =>
		readdirSync(d).forEach((n) =>
			statSync(join(d, n)).isDirectory()
				? walk(join(d, n))
				: n.endsWith('.js') && all.push(join(d, n))
		);
	walk(join(buildDir, '_app'));
	const eagerBytes = [...seen].reduce((n, f) => n + gz(f), 0);
	const lazy = all
		.filter((f) => !seen.has(f))
		.map((f) => ({
			file: relative(buildDir, f),
			what: label(f),
			gzipKB: +(gz(f) / 1024).toFixed(1)
		}))
		.sort((a, b) => b.gzipKB - a.gzipKB);
	const eagerTop = [...seen]
		.map((f) => ({ file: relative(buildDir, f), gzipKB: +(gz(f) / 1024).toFixed(1) }))
		.sort((a, b) => b.gzipKB - a.gzipKB)
		.slice(0, 8);
	return {
		eagerKB: +(eagerBytes / 1024).toFixed(1),
		eagerFiles: seen.size,
		eagerTop,
		lazyTop: lazy.slice(0, 8),
		lazyCount: lazy.length
	};
}
