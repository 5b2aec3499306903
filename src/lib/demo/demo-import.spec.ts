import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../model/snapshot';
import { findDanglingReferences } from '../model/references';
import { importFiles } from '../import/import-files';
import counts from './demo-counts.json';
import { loadDemoFiles } from './demo-files';
import { readDemoFilesFromDisk } from './demo-files-node';

function importDemo(): Snapshot {
	const outcome = importFiles(readDemoFilesFromDisk(), {
		name: 'Demo bank',
		now: '2024-03-14T00:00:00Z'
	});
	if (!outcome.ok)
		throw new Error(outcome.errors.map((e) => `${e.where?.file}: ${e.message}`).join('\n'));
	expect(outcome.warnings).toEqual([]);
	return outcome.snapshot;
}

describe('demo bank import', () => {
	it('the browser loader (import.meta.glob) and the disk loader give the same files', async () => {
		const viaGlob = await loadDemoFiles();
		const viaDisk = readDemoFilesFromDisk();
		expect(viaGlob.map((f) => f.path)).toEqual(viaDisk.map((f) => f.path));
		expect(viaGlob.map((f) => new TextDecoder().decode(f.bytes))).toEqual(
			viaDisk.map((f) => new TextDecoder().decode(f.bytes))
		);
		expect(viaDisk.length).toBe(counts.files);
	});

	it('imports with no errors or warnings and the exact counts', () => {
		const s = importDemo();
		const org = s.organization!;
		expect(org.units.length).toBe(counts.organization.units);
		expect(org.accounts.length).toBe(counts.organization.accounts);
		expect(org.policies.filter((p) => p.type === 'SCP').length).toBe(counts.organization.scps);
		expect(org.policies.filter((p) => p.type === 'RCP').length).toBe(counts.organization.rcps);
		const actual = Object.fromEntries(
			s.accounts.map((a) => [
				a.id,
				{
					name: a.name,
					users: a.users.length,
					groups: a.groups.length,
					roles: a.roles.length,
					policies: a.policies.length,
					resources: a.resources.length
				}
			])
		);
		expect(actual).toEqual(counts.accounts);
		expect(s.accounts.flatMap((a) => a.resources).filter((r) => r.policy).length).toBe(
			counts.resourcesWithPolicy
		);
	});

	it('has no dangling references', () => {
		expect(findDanglingReferences(importDemo())).toEqual([]);
	});

	it('puts the allow-list, not FullAWSAccess, on the Regulated OU', () => {
		const org = importDemo().organization!;
		const regulated = org.units.find((u) => u.name === 'Regulated')!;
		const attached = org.policies
			.filter((p) => p.type === 'SCP' && p.targets.includes(regulated.id))
			.map((p) => p.name);
		expect(attached.sort()).toEqual(['DenyOutsideApprovedRegions', 'RegulatedApprovedServices']);
	});

	it('keeps the HTML in a tag value as text', () => {
		const sofia = importDemo()
			.accounts.flatMap((a) => a.users)
			.find((u) => u.name === 'sofia.martin')!;
		expect(sofia.tags['display-name']).toBe('<b>Sofia</b> Martin (branch lead)');
	});
});
