import { describe, expect, it } from 'vitest';
import { requestedSnapshotId, withSnapshotParam } from './url-state';

describe('url state', () => {
	it('sets the snapshot param and keeps other params and the hash', () => {
		expect(withSnapshotParam(new URL('http://x/?a=1#s=old&p=arn'), 'new-id')).toBe(
			'?a=1&snapshot=new-id#s=old&p=arn'
		);
		expect(withSnapshotParam(new URL('http://x/?snapshot=a'), 'b')).toBe('?snapshot=b');
	});

	it('reads the requested snapshot from the explorer hash first, then the query', () => {
		expect(requestedSnapshotId(new URL('http://x/?snapshot=q#s=h&x=%5B%5D'))).toBe('h');
		expect(requestedSnapshotId(new URL('http://x/?snapshot=q'))).toBe('q');
		expect(requestedSnapshotId(new URL('http://x/'))).toBeNull();
	});
});
