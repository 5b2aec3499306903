import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes';

describe('formatBytes', () => {
	it.each([
		[0, '0 bytes'],
		[1023, '1023 bytes'],
		[1024, '1 KiB'],
		[12_345, '12.1 KiB'],
		[12_345_678, '11.8 MiB'],
		[512 * 1024 * 1024, '512 MiB'],
		[2_500_000_000, '2.3 GiB'],
		[Number.NaN, '0 bytes']
	])('%d bytes → %s', (bytes, text) => {
		expect(formatBytes(bytes)).toBe(text);
	});
});
