/**
 * The colour theme: light or dark, following the system preference until the user picks one,
 * and remembering that choice in the store's settings table. Applying it to the page is the
 * shell's job (it sets data-theme from `resolved`).
 */
import { SETTING_KEYS } from '../model/settings';
import { MediaQuery } from 'svelte/reactivity';

/** What the user chose: an explicit theme, or follow the system. */
export type ThemeChoice = 'system' | 'light' | 'dark';

/** Where the choice is remembered (the store's settings table in the app, a Map in tests). */
export interface SettingsPort {
	getSetting(key: string): Promise<unknown>;
	setSetting(key: string, value: unknown): Promise<void>;
}

/** The settings key the theme choice is stored under. */
export const THEME_SETTING = SETTING_KEYS.theme;

/** Reactive theme state: `resolved` is what the page shows. */
export class Theme {
	choice = $state<ThemeChoice>('system');
	#systemDark = new MediaQuery('(prefers-color-scheme: dark)', false);
	#settings: SettingsPort | null;

	/** The theme in effect. */
	resolved = $derived<'light' | 'dark'>(
		this.choice === 'system' ? (this.#systemDark.current ? 'dark' : 'light') : this.choice
	);

	constructor(settings: SettingsPort | null) {
		this.#settings = settings;
	}

	/** Load the remembered choice (keeps following the system when none or when storage fails). */
	async load(): Promise<void> {
		const stored = await this.#settings?.getSetting(THEME_SETTING).catch(() => undefined);
		if (stored === 'light' || stored === 'dark' || stored === 'system') this.choice = stored;
	}

	/** Switch between light and dark and remember it. */
	async toggle(): Promise<void> {
		await this.choose(this.resolved === 'dark' ? 'light' : 'dark');
	}

	/** Set a choice and remember it. */
	async choose(choice: ThemeChoice): Promise<void> {
		this.choice = choice;
		await this.#settings?.setSetting(THEME_SETTING, choice).catch(() => undefined);
	}
}
