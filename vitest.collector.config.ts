import { defineConfig } from 'vitest/config';

/** The collector against a local AWS API emulator (moto) with the real AWS CLI v2 and v1; `npm run test:collector`. */
export default defineConfig({
	test: {
		include: ['tests/collector/**/*.spec.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		testTimeout: 1800000,
		hookTimeout: 600000,
		fileParallelism: false
	}
});
