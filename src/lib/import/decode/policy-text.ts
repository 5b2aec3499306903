/**
 * A policy document arrives as an object (AWS CLI, boto3), a JSON string (resource policies,
 * SCP Content) or a URL-encoded JSON string (raw API, JS SDK v3). This turns any of them
 * into a value; checking that the value is a policy is the validator's job.
 */

/** The decoded value, or a reason in plain words. */
export type DecodedPolicy = { ok: true; value: unknown } | { ok: false; reason: string };

/** Decode a policy document given as an object, a JSON string or a URL-encoded JSON string. */
export function decodePolicyValue(raw: unknown): DecodedPolicy {
	if (typeof raw !== 'string') return { ok: true, value: raw };
	let text = raw.trim();
	if (text.startsWith('%') || /^%7B/i.test(text) || (!text.startsWith('{') && text.includes('%'))) {
		try {
			text = decodeURIComponent(text).trim();
		} catch {
			return { ok: false, reason: 'the URL-encoded policy text has a malformed % escape' };
		}
	}
	if (!text.startsWith('{'))
		return { ok: false, reason: 'the policy text is neither JSON nor URL-encoded JSON' };
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (e) {
		return {
			ok: false,
			reason: `the policy text is not valid JSON (${(e as Error).message.split(',')[0].toLowerCase()})`
		};
	}
}
