/**
 * Every designed demo path but the MFA one, opened as a link with NO context at 1280×720: the
 * decision element carries the designed decision (the default context makes it right), the URL
 * keeps the fingerprint and carries no ctx.; nothing in the trace panel overflows. One screenshot.
 */
import assert from 'node:assert/strict';
import {
	assertNoOverflow,
	decisionOf,
	demoFingerprint,
	linkFor,
	NEEDS_USER_CONTEXT,
	openLink,
	paths
} from '../lib/meeting.js';

export const name = 'graph: every designed path as a link with no context, at 1280×720';

export default async function (page, ctx) {
	await page.setViewportSize({ width: 1280, height: 720 });
	const fp = await demoFingerprint(page);
	assert.match(fp, /^[0-9a-f]{24}$/);
	for (const path of paths.filter((p) => !NEEDS_USER_CONTEXT.has(p.id))) {
		await openLink(page, linkFor(fp, path.request), path.request);
		assert.equal(await decisionOf(page), path.expected, `${path.id}: decision`);
		const url = new URL(page.url());
		assert.equal(url.searchParams.get('snapshot'), fp, 'the URL keeps the fingerprint');
		assert.equal(url.searchParams.get('action'), path.request.action);
		assert.ok(![...url.searchParams.keys()].some((k) => k.startsWith('ctx.')), 'no ctx typed');
		await assertNoOverflow(page, `${path.id}`);
	}
	await page.waitForTimeout(500);
	await ctx.screenshot('trace-panel');
}
