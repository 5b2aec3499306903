import { describe, expect, it } from 'vitest';
import { emptyViewState, encodeViewHash } from './view-hash';
import { decodeViewLink, encodeViewQuery, withoutViewQuery } from './view-link';

const base = 'http://app.test/';

describe('view links', () => {
	it('writes readable query parameters and reads them back', () => {
		const v = {
			...emptyViewState('0123456789abcdef01234567'),
			principal: 'arn:aws:iam::704137259486:user/staff/james.chen',
			resource: 'arn:aws:s3:::meridian-loan-applications-prod/applications/james.chen/a b.pdf',
			action: 's3:GetObject',
			context: { 'aws:SourceIp': '203.0.113.24', 'aws:MultiFactorAuthPresent': true },
			expanded: ['r-mb7k', 'ou-mb7k-w0rkl0ad'],
			selected: 'ou-mb7k-w0rkl0ad',
			focus: { id: 'r-mb7k', hops: 2 }
		};
		const q = encodeViewQuery(v);
		expect(q).toContain(
			'?snapshot=0123456789abcdef01234567&principal=arn:aws:iam::704137259486:user/staff/james.chen'
		);
		expect(q).toContain(
			'&action=s3:GetObject&ctx.aws:SourceIp=203.0.113.24&ctx.aws:MultiFactorAuthPresent=true'
		);
		expect(q).toContain('a%20b.pdf');
		expect(decodeViewLink(new URL(base + q))).toEqual({ ...v, legacy: false });
	});

	it('reads links written by hand with URLSearchParams encoding, repeated ctx keys as lists', () => {
		const p = new URLSearchParams();
		p.set('principal', 'arn:aws:iam::1:role/R');
		p.append('ctx.aws:TagKeys', 'a');
		p.append('ctx.aws:TagKeys', 'b');
		p.set('ctx.aws:SecureTransport', 'false');
		const v = decodeViewLink(new URL(`${base}?${p}`));
		expect(v.principal).toBe('arn:aws:iam::1:role/R');
		expect(v.snapshot).toBeNull();
		expect(v.context).toEqual({ 'aws:TagKeys': ['a', 'b'], 'aws:SecureTransport': false });
	});

	it('still opens the older hash links', () => {
		const old = {
			...emptyViewState('store-id'),
			principal: 'arn:aws:iam::1:user/u',
			action: 'a:B'
		};
		const v = decodeViewLink(new URL(base + encodeViewHash(old)));
		expect(v.legacy).toBe(true);
		expect(v.principal).toBe('arn:aws:iam::1:user/u');
		expect(v.snapshot).toBe('store-id');
		expect(decodeViewLink(new URL(base)).legacy).toBe(false);
	});

	it('keeps parameters that are not part of the view', () => {
		expect(String(withoutViewQuery(new URL(`${base}?debug=1&principal=x&ctx.a=b`)))).toBe(
			'debug=1'
		);
	});
});
