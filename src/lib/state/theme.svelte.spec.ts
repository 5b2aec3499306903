import { describe, expect, it } from 'vitest';
import { THEME_SETTING, Theme, type SettingsPort } from './theme.svelte';

function settings(
	initial: Record<string, unknown> = {}
): SettingsPort & { data: Map<string, unknown> } {
	const data = new Map(Object.entries(initial));
	return {
		data,
		getSetting: async (k) => data.get(k),
		setSetting: async (k, v) => void data.set(k, v)
	};
}

describe('Theme', () => {
	it('follows the system until a choice is stored, then remembers the toggle', async () => {
		const store = settings();
		const theme = new Theme(store);
		await theme.load();
		expect(theme.choice).toBe('system');
		expect(['light', 'dark']).toContain(theme.resolved);
		const before = theme.resolved;
		await theme.toggle();
		expect(theme.resolved).not.toBe(before);
		expect(store.data.get(THEME_SETTING)).toBe(theme.resolved);
	});

	it('loads a stored choice and ignores junk', async () => {
		const dark = new Theme(settings({ [THEME_SETTING]: 'dark' }));
		await dark.load();
		expect(dark.resolved).toBe('dark');
		const junk = new Theme(settings({ [THEME_SETTING]: '<script>' }));
		await junk.load();
		expect(junk.choice).toBe('system');
	});

	it('keeps working when storage fails', async () => {
		const broken: SettingsPort = {
			getSetting: () => Promise.reject(new Error('no idb')),
			setSetting: () => Promise.reject(new Error('no idb'))
		};
		const theme = new Theme(broken);
		await theme.load();
		await theme.choose('dark');
		expect(theme.resolved).toBe('dark');
	});
});
