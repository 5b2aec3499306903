import { describe, expect, it } from 'vitest';
import { ipInBlock, parseDate, parseIpBlock, parseNumber } from './values';

describe('condition values', () => {
	it.each([
		['203.0.113.0/24', '203.0.113.255', true],
		['203.0.113.0/24', '203.0.114.1', false],
		['10.0.0.1', '10.0.0.1', true],
		['2001:DB8:1234:5678::/64', '2001:db8:1234:5678:ffff::1', true],
		['2001:DB8:1234:5678::/64', '2001:db8:1234:5679::1', false],
		['::ffff:10.0.0.0/120', '::ffff:10.0.0.7', true],
		['10.0.0.0/8', '::1', false]
	])('%s contains %s: %s', (block, ip, want) => {
		expect(ipInBlock(parseIpBlock(ip)!, parseIpBlock(block)!)).toBe(want);
	});
	it('refuses malformed addresses and numbers', () => {
		expect(parseIpBlock('10.0.0.256')).toBeNull();
		expect(parseIpBlock('10.0.0.0/33')).toBeNull();
		expect(parseIpBlock('1::2::3')).toBeNull();
		expect(parseNumber('ten')).toBeNull();
		expect(parseNumber('1e3')).toBe(1000);
	});
	it('reads dates as ISO 8601 or epoch seconds', () => {
		expect(parseDate('1700000000')).toBe(Date.parse('2023-11-14T22:13:20Z'));
		expect(parseDate('2020-01-01T00:00:00Z')).toBe(Date.UTC(2020, 0, 1));
		expect(parseDate('yesterday')).toBeNull();
	});
});
