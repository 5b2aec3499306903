/**
 * vitest globalSetup: writes any missing or stale ajv validator (and its types) before the tests
 * run, so `npx vitest run` works on a fresh clone even when `npm run prepare` did not run.
 */
import { buildSchemas } from './build-schemas.js';

/** Generate the validators; prints what it wrote. */
export default async function setup() {
	for (const path of await buildSchemas()) console.log(`build-schemas: wrote ${path}`);
}
