import { describe, expect, it } from 'vitest';
import { openedLink, requestedSnapshotId } from './url-state';

describe('url state', () => {
	it('reads the requested snapshot from the query, else from an older hash link', () => {
		expect(requestedSnapshotId(new URL('http://x/?snapshot=q'))).toBe('q');
		expect(requestedSnapshotId(new URL('http://x/#s=h&x=%5B%5D'))).toBe('h');
		expect(requestedSnapshotId(new URL('http://x/'))).toBeNull();
	});

	it('reads the view a link opens, or null', () => {
		expect(openedLink(new URL('http://x/'))).toBeNull();
		expect(openedLink(new URL('http://x/?principal=arn:aws:iam::1:user/u'))?.principal).toBe(
			'arn:aws:iam::1:user/u'
		);
		expect(openedLink(new URL('http://x/#p=arn:aws:iam::1:user/u'))?.legacy).toBe(true);
	});
});
