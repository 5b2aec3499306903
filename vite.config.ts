import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	worker: { format: 'es' },
	test: {
		include: [
			'src/**/*.spec.ts',
			'tests/unit/**/*.spec.ts',
			'scripts/**/*.spec.ts',
			'collector/**/*.spec.ts'
		],
		exclude: ['**/*.corpus.spec.ts', 'node_modules/**'],
		environment: 'node',
		// The ajv validators and their types are generated (gitignored): make them before any test.
		globalSetup: ['scripts/build-schemas.setup.js'],
		expect: { requireAssertions: true },
		testTimeout: 30000
	}
});
