/**
 * A tiny static server for bench/store.js that sends the app's Content Security Policy as a
 * response header on every file, so the import worker runs under the same policy as the app
 * (a worker takes its CSP from its own response, not from the page's meta tag).
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { MIME_TYPES } from '../../tests/e2e/lib/static-server.js';

/** The CSP the app declares in svelte.config.js, as a header value. */
export async function appCsp() {
	const { default: config } = await import('../../svelte.config.js');
	return Object.entries(config.kit.csp.directives)
		.map(([name, values]) =>
			[
				name,
				...values.map((v) => (/^(self|none|unsafe-|wasm-|strict-)/.test(v) ? `'${v}'` : v))
			].join(' ')
		)
		.join('; ');
}

/** Serve `root` on 127.0.0.1 with `csp` on every response; resolves to { origin, close }. */
export async function startCspServer(root, csp) {
	const server = createServer(async (req, res) => {
		const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
		const file = path.normalize(path.join(root, pathname));
		if (!file.startsWith(path.resolve(root))) return void res.writeHead(403).end();
		try {
			const body = await readFile(file);
			const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
			res.writeHead(200, {
				'content-type': type,
				'content-length': body.length,
				'content-security-policy': csp
			});
			res.end(body);
		} catch {
			res.writeHead(404, { 'content-security-policy': csp }).end('not found');
		}
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		origin: `http://127.0.0.1:${server.address().port}`,
		close: () => new Promise((resolve) => server.close(resolve))
	};
}
