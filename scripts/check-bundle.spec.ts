import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS build script without type declarations
import { check, signatures } from './check-bundle.js';

const root = resolve(import.meta.dirname, '..');

describe('check-bundle', () => {
	const sigs = signatures();
	it('knows distinctive literals of the AGPL packages', () => {
		expect(sigs.length).toBeGreaterThan(20);
	});
	it('flags the iam-simulate dist itself', () => {
		expect(check(join(root, 'node_modules/@cloud-copilot/iam-simulate/dist/esm'), sigs).bad).toBe(true);
	});
	it('passes our own engine source', () => {
		expect(check(join(root, 'src/lib/engine'), sigs).bad).toBe(false);
	});
	it('flags a bundle that names the package', () => {
		const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
		writeFileSync(join(dir, 'chunk.js'), 'import"@cloud-copilot/iam-simulate";');
		expect(check(dir, sigs).bad).toBe(true);
	});
});
