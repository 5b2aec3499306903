/**
 * The two presentation themes as plain data: the Cytoscape style, the SVG export and the legend
 * are all built from one of these, so the projector shows what the export shows. Colours pass
 * WCAG AA against their background; verdicts are never told by colour alone (see style.ts).
 */
import type { NodeKind } from './kinds';

/** Colours of one theme. */
export interface GraphTheme {
	name: 'light' | 'dark';
	background: string;
	text: string;
	textMuted: string;
	/** Halo behind labels so they stay readable over edges. */
	labelHalo: string;
	edge: string;
	/** Per node kind: fill and outline. */
	kinds: Record<NodeKind, { fill: string; line: string }>;
	allow: string;
	deny: string;
	gap: string;
	path: string;
	focus: string;
	selected: string;
}

const kinds = (dark: boolean): GraphTheme['kinds'] => {
	const k = (fillLight: string, fillDark: string, line: string, lineDark: string) => ({
		fill: dark ? fillDark : fillLight,
		line: dark ? lineDark : line
	});
	return {
		root: k('#e8eefc', '#1d2b4a', '#1f3c88', '#9fb5f0'),
		ou: k('#e8eefc', '#1d2b4a', '#1f3c88', '#9fb5f0'),
		account: k('#eef3f8', '#1f2a36', '#2f4a66', '#a8c0d8'),
		scp: k('#f4ecfb', '#2e2140', '#6b3fa0', '#c9a7f0'),
		rcp: k('#fbecf4', '#40212f', '#9c2f6b', '#f0a7cb'),
		group: k('#e9f6f4', '#173330', '#1f6f66', '#8fd6cc'),
		user: k('#eaf4ff', '#182c40', '#1d5fa8', '#9cc7f5'),
		role: k('#fff4e0', '#3a2c12', '#8a5a00', '#f0c46a'),
		policy: k('#f3f3f3', '#2a2a2a', '#555555', '#c8c8c8'),
		inline: k('#f3f3f3', '#2a2a2a', '#555555', '#c8c8c8'),
		resource: k('#eef8e8', '#1e3318', '#3d7a1f', '#a8e08a'),
		external: k('#fdf0ec', '#3d231b', '#a0441f', '#f2a68a')
	};
};

/** Light theme: dark text on white, for bright rooms and print. */
export const LIGHT_THEME: GraphTheme = {
	name: 'light',
	background: '#ffffff',
	text: '#16202b',
	textMuted: '#4a5866',
	labelHalo: '#ffffff',
	edge: '#8a96a3',
	kinds: kinds(false),
	allow: '#137333',
	deny: '#c5221f',
	gap: '#b35c00',
	path: '#1a56c4',
	focus: '#1a56c4',
	selected: '#0b57d0'
};

/** Dark theme: light text on near-black, for dim rooms and projectors. */
export const DARK_THEME: GraphTheme = {
	name: 'dark',
	background: '#11161c',
	text: '#eef2f6',
	textMuted: '#b4c0cc',
	labelHalo: '#11161c',
	edge: '#6d7a88',
	kinds: kinds(true),
	allow: '#5bd17a',
	deny: '#ff6b60',
	gap: '#ffb347',
	path: '#7fb0ff',
	focus: '#7fb0ff',
	selected: '#a8c7fa'
};

/** The theme of a name. */
export const themeNamed = (name: string): GraphTheme =>
	name === 'dark' ? DARK_THEME : LIGHT_THEME;
