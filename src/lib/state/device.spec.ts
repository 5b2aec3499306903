import { describe, expect, it } from 'vitest';
import { formatStorage } from './device.svelte';

describe('formatStorage', () => {
	it.each([
		[0, '1 kB'],
		[12_345, '12 kB'],
		[12_345_678, '12.3 MB'],
		[2_500_000_000, '2.5 GB']
	])('%d bytes → %s', (bytes, text) => {
		expect(formatStorage(bytes)).toBe(text);
	});
});
