/**
 * Whether the graph's test hooks are on: `window.__atlasGraph` (the explorer state and draw
 * stats) and the hidden `[data-testid=graph-debug]` summary. A test driver turns them on by
 * setting `window.__atlasTest = true` before the app loads (the e2e journeys' init script,
 * tests/e2e/lib/journey-context.js; the graph bench's harness); a normal visit never has them.
 */

/** True when a test driver asked for the hooks. */
export function testHooksOn(): boolean {
	return (
		typeof window !== 'undefined' && (window as { __atlasTest?: unknown }).__atlasTest === true
	);
}
