import { defineConfig } from 'vitest/config';

/** Tests that read the shared corpus (../shared/corpus); run by `npm run test:corpus` and CI. */
export default defineConfig({
	test: {
		include: ['src/**/*.corpus.spec.ts', 'tests/corpus/**/*.spec.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		testTimeout: 120000
	}
});
