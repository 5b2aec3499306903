#!/usr/bin/env node
// The iam-atlas command: a thin Node shell over the same TypeScript core the browser runs.
// tsx compiles the TypeScript on the fly, so `npx iam-atlas` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
