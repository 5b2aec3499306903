/**
 * A tiny static file server for the browser journeys: serves build/ on 127.0.0.1 at an
 * ephemeral port, with index.html as the SPA fallback for paths that name no file.
 * It never rewrites content; caching and offline behaviour are the service worker's job.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** Content types by file extension (the browser is strict about modules, manifests and workers). */
export const MIME_TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.wasm': 'application/wasm',
	'.zip': 'application/zip',
	'.map': 'application/json; charset=utf-8'
};

/**
 * Serve `root` and resolve to `{ origin, close, requests }` once listening.
 * `requests` lists every path asked for, so a journey can check what reached the server.
 */
export async function startStaticServer(root) {
	const requests = [];
	const server = createServer(async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		requests.push(url.pathname);
		const file = await resolveFile(root, decodeURIComponent(url.pathname));
		if (!file) {
			res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
			res.end('not found');
			return;
		}
		const body = await readFile(file);
		const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
		res.writeHead(200, { 'content-type': type, 'content-length': body.length });
		res.end(req.method === 'HEAD' ? undefined : body);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	return {
		origin: `http://127.0.0.1:${port}`,
		requests,
		close: () => new Promise((resolve) => server.close(resolve))
	};
}

/** The file to answer with: the path itself, its index.html, or the SPA fallback; null for a missing asset. */
async function resolveFile(root, pathname) {
	const target = path.normalize(path.join(root, pathname));
	if (!target.startsWith(path.resolve(root))) return null; // no escaping the build folder
	for (const candidate of [target, path.join(target, 'index.html')]) {
		const info = await stat(candidate).catch(() => null);
		if (info?.isFile()) return candidate;
	}
	// Paths with an extension are assets: a missing one is a real 404, not the app shell.
	if (path.extname(pathname)) return null;
	return path.join(root, 'index.html');
}
