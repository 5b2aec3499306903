/**
 * Links that travel: the MFA path's link carries its key and the chip flips it; the same link in
 * a fresh browser profile that imported the same demo shows the same view; a fingerprint this
 * browser does not hold says so and traces nothing; a typo and a bucket/object mismatch are
 * flagged with their fixes; "Try these" opens a designed path's link and trace.
 */
import assert from 'node:assert/strict';
import { decisionOf, demoFingerprint, linkFor, openLink, paths } from '../lib/meeting.js';

export const name = 'graph: links across profiles, wrong fingerprint, question checks, Try these';

export default async function (page, ctx) {
	await page.setViewportSize({ width: 1600, height: 900 });
	const fp = await demoFingerprint(page);
	// Path f needs the user's MFA: its link carries it, and flipping the chip off denies.
	const f = paths.find((p) => p.id === 'f-break-glass-with-mfa');
	await openLink(
		page,
		linkFor(fp, f.request, { 'ctx.aws:MultiFactorAuthPresent': 'true' }),
		f.request
	);
	assert.equal(await decisionOf(page), 'allowed');
	await page.getByTestId('ctx-mfa').click();
	await page.waitForFunction(
		() =>
			document.querySelector('[data-testid="trace-decision"]')?.dataset.decision === 'explicitDeny'
	);
	assert.equal(new URL(page.url()).searchParams.get('ctx.aws:MultiFactorAuthPresent'), 'false');

	// The same link in a fresh browser profile that imported the same demo: the same view.
	const b = paths.find((p) => p.id === 'b-region-guard-at-workloads-ou');
	const fresh = await ctx.context.browser().newContext({
		baseURL: ctx.origin,
		viewport: { width: 1280, height: 720 }
	});
	try {
		const other = await fresh.newPage();
		assert.equal(await demoFingerprint(other), fp, 'same content, same fingerprint');
		await openLink(other, linkFor(fp, b.request), b.request);
		assert.equal(await decisionOf(other), b.expected);
		await ctx.screenshot('fresh-profile-same-link', other);
	} finally {
		await fresh.close();
	}

	// A fingerprint this browser does not hold: a clear message, nothing traced.
	await page.goto(linkFor('ffffffffffffffffffffffff', b.request));
	await page.getByTestId('link-problem').waitFor({ timeout: 30000 });
	assert.match(await page.getByTestId('link-problem').innerText(), /does not hold/);
	await page.waitForTimeout(1000);
	assert.equal(await page.getByTestId('trace-decision').count(), 0, 'nothing traced');

	// A typo: flagged, with the real action offered; clicking it traces.
	const a = paths.find((p) => p.id.startsWith('a-'));
	await openLink(page, linkFor(fp, { ...a.request, action: 's3:GetObjekt' }), a.request);
	const unknown = page.getByTestId('question-unknown-action');
	await unknown.waitFor({ timeout: 30000 });
	await unknown.getByRole('button', { name: 's3:GetObject' }).click();
	assert.equal(await decisionOf(page), 'allowed');

	// An object action on the bucket: flagged, and the fix asks about the bucket's objects.
	const bucket = 'arn:aws:s3:::meridian-loan-applications-prod';
	await openLink(page, linkFor(fp, { ...a.request, resource: bucket }), {
		...a.request,
		resource: bucket
	});
	await page.getByTestId('question-mismatch').waitFor({ timeout: 30000 });
	await page.getByTestId('object-actions').waitFor({ timeout: 30000 });
	await ctx.screenshot('bucket-mismatch');
	await page.getByTestId('question-fix').click();
	await page.waitForFunction(
		(arn) => new URL(location.href).searchParams.get('resource') === arn,
		`${bucket}/*`
	);

	// Try these: on the demo, with nothing traced, one click opens a path's link and its trace.
	await page.goto(`/?snapshot=${fp}`);
	await page.getByTestId('graph-canvas').waitFor({ timeout: 60000 });
	await page.getByTestId('tab-trace').click();
	const item = page.getByTestId('try-these').locator(`a[data-path="${b.id}"]`);
	assert.match(await item.getAttribute('href'), /[?&]snapshot=[0-9a-f]{24}&principal=/);
	await item.click();
	assert.equal(await decisionOf(page), b.expected);
	assert.equal(new URL(page.url()).searchParams.get('principal'), b.request.principal);
	await ctx.screenshot('try-these-opened');
}
