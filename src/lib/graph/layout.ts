/**
 * The hierarchical top-down layout, as a pure function producing `preset` positions.
 * The org spine gets a tidy tree (OUs side by side, an OU's accounts in a grid). Everything an
 * expansion reveals is placed as a block of rows beneath the node that revealed it; nodes already
 * placed never move, except those below the new block in its column band, which shift straight
 * down just enough to make room (with their whole rows and subtrees, so rows stay aligned).
 */
import type { GraphView } from './graph-view';
import {
	ACCOUNT_COLS,
	ACCOUNT_SLOT_W,
	BLOCK_COLS,
	ROW_H,
	SLOT_W,
	TAG_SIZE,
	type Point
} from './geometry';

/** Positions by node id. */
export type Positions = Map<string, Point>;

const isTag = (kind: string) => kind === 'scp' || kind === 'rcp';

function childrenMap(view: GraphView): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const [id, parent] of view.parent) {
		if (parent === null || !view.nodes.has(id)) continue;
		const list = out.get(parent) ?? [];
		list.push(id);
		out.set(parent, list);
	}
	return out;
}

/**
 * Columns of an OU's account grid: a single column for a few accounts (the tree stays narrow
 * enough to read on a projector), growing like a square root for large OUs.
 */
export const accountCols = (n: number): number =>
	n <= 4 ? 1 : Math.min(ACCOUNT_COLS, Math.ceil(Math.sqrt(n / 2)));

/** Tidy tree of the org units and accounts (the spine), root at (0, 0). */
function layoutSpine(
	view: GraphView,
	rootId: string,
	kids: Map<string, string[]>,
	pos: Positions
): void {
	const width = new Map<string, number>();
	const split = (id: string) => {
		const list = kids.get(id) ?? [];
		const units = list.filter((c) => view.nodes.get(c)?.kind === 'ou');
		const accounts = list.filter((c) => view.nodes.get(c)?.kind === 'account');
		return { units, accounts };
	};
	const measure = (id: string): number => {
		const { units, accounts } = split(id);
		const grid = accountCols(accounts.length) * ACCOUNT_SLOT_W;
		const w = Math.max(ACCOUNT_SLOT_W, units.reduce((s, u) => s + measure(u), 0) + grid);
		width.set(id, w);
		return w;
	};
	const place = (id: string, left: number, y: number) => {
		const w = width.get(id) ?? ACCOUNT_SLOT_W;
		pos.set(id, { x: left + w / 2, y });
		const { units, accounts } = split(id);
		const cols = accountCols(accounts.length);
		const inner = units.reduce((s, u) => s + (width.get(u) ?? 0), 0) + cols * ACCOUNT_SLOT_W;
		let x = left + (w - inner) / 2;
		for (const u of units) {
			place(u, x, y + ROW_H);
			x += width.get(u) ?? 0;
		}
		accounts.forEach((a, i) => {
			pos.set(a, {
				x: x + ((i % cols) + 0.5) * ACCOUNT_SLOT_W,
				y: y + ROW_H * (1 + Math.floor(i / cols))
			});
		});
	};
	const total = measure(rootId);
	place(rootId, -total / 2, 0);
}

/** Place the SCP/RCP tags of a node beside it, stacked downwards. */
function placeTags(target: Point, tags: string[], pos: Positions): void {
	tags.forEach((t, i) => pos.set(t, { x: target.x + 64, y: target.y - 16 + i * (TAG_SIZE + 6) }));
}

/** Rows of a block: siblings grouped by their `row`, each wrapped at BLOCK_COLS. */
function blockRows(view: GraphView, ids: string[]): string[][] {
	const byRow = new Map<number, string[]>();
	for (const id of ids) {
		const r = view.nodes.get(id)?.row ?? 0;
		byRow.set(r, [...(byRow.get(r) ?? []), id]);
	}
	const lines: string[][] = [];
	for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
		const list = byRow.get(r) ?? [];
		for (let i = 0; i < list.length; i += BLOCK_COLS) lines.push(list.slice(i, i + BLOCK_COLS));
	}
	return lines;
}

/** Place a block of new children beneath `parent`, shifting what lies below it to make room. */
function insertBlock(
	parent: string,
	lines: string[][],
	kids: Map<string, string[]>,
	view: GraphView,
	pos: Positions
) {
	const p = pos.get(parent);
	if (!p || lines.length === 0) return;
	const cols = Math.max(...lines.map((l) => l.length));
	const top = p.y + ROW_H;
	const height = lines.length * ROW_H;
	const cx = freeCentre(p, parent, cols, top, height, pos);
	if (cx !== null) {
		placeLines(lines, cx, top, pos);
		return;
	}
	let x0 = p.x - (cols * SLOT_W) / 2;
	let x1 = p.x + (cols * SLOT_W) / 2;
	const moved = new Set<string>();
	const add = (id: string) => {
		if (moved.has(id)) return;
		moved.add(id);
		const q = pos.get(id);
		if (q) {
			x0 = Math.min(x0, q.x - SLOT_W / 2);
			x1 = Math.max(x1, q.x + SLOT_W / 2);
		}
		// Keep rows aligned: the rest of this node's block from its row down moves with it …
		const sibParent = view.parent.get(id);
		if (sibParent)
			for (const s of kids.get(sibParent) ?? []) {
				const sq = pos.get(s);
				if (sq && q && sq.y >= q.y - 1) add(s);
			}
		// … and so does everything it revealed.
		for (const c of kids.get(id) ?? []) if (pos.has(c)) add(c);
	};
	for (let changed = true; changed;) {
		changed = false;
		for (const [id, q] of pos) {
			if (moved.has(id) || q.y < top - ROW_H / 2 || id === parent) continue;
			if (q.x + SLOT_W / 2 > x0 + 1 && q.x - SLOT_W / 2 < x1 - 1) {
				add(id);
				changed = true;
			}
		}
	}
	if (moved.size > 0) {
		const minY = Math.min(...[...moved].map((id) => pos.get(id)?.y ?? Infinity));
		const dy = top + height - minY;
		if (dy > 0)
			for (const id of moved) {
				const q = pos.get(id);
				if (q) pos.set(id, { x: q.x, y: q.y + dy });
			}
	}
	placeLines(lines, p.x, top, pos);
}

/** Put each line of a block centred on `cx`, one row apart from `top`. */
function placeLines(lines: string[][], cx: number, top: number, pos: Positions): void {
	lines.forEach((line, r) => {
		const left = cx - (line.length * SLOT_W) / 2;
		line.forEach((id, c) => pos.set(id, { x: left + (c + 0.5) * SLOT_W, y: top + r * ROW_H }));
	});
}

/**
 * The nearest centre (the parent's x first, then alternately right and left, by whole slots, up
 * to the block's own width) where a block fits without touching any placed node; null if none.
 */
function freeCentre(
	p: Point,
	parent: string,
	cols: number,
	top: number,
	height: number,
	pos: Positions
): number | null {
	const half = (cols * SLOT_W) / 2;
	const below = [...pos].filter(
		([id, q]) => id !== parent && q.y >= top - ROW_H / 2 && q.y < top + height - ROW_H / 2
	);
	for (let k = 0; k <= cols; k++)
		for (const sign of k === 0 ? [0] : [1, -1]) {
			const cx = p.x + sign * k * SLOT_W;
			if (
				below.every(
					([, q]) => q.x + SLOT_W / 2 <= cx - half + 1 || q.x - SLOT_W / 2 >= cx + half - 1
				)
			)
				return cx;
		}
	return null;
}

/**
 * Positions for a view, keeping every position already in `previous` (except the shifts that
 * make room for new blocks). Nodes no longer visible are dropped.
 */
export function extendLayout(previous: Positions, view: GraphView, rootId: string): Positions {
	const pos: Positions = new Map();
	for (const [id, p] of previous) if (view.nodes.has(id)) pos.set(id, p);
	const kids = childrenMap(view);
	if (!pos.has(rootId)) {
		pos.clear();
		layoutSpine(view, rootId, kids, pos);
	}
	// Parents in the order they were revealed: the spine first, then each expansion.
	const parents = [
		...new Set([...[...view.parent.values()].filter((p): p is string => p !== null)])
	];
	const order = [...parents.filter((p) => !view.expanded.includes(p)), ...view.expanded];
	for (const parent of order) {
		const p = pos.get(parent);
		if (!p) continue;
		const fresh = (kids.get(parent) ?? []).filter((c) => !pos.has(c));
		if (fresh.length === 0) continue;
		const tags = fresh.filter((c) => isTag(view.nodes.get(c)?.kind ?? ''));
		const allTags = (kids.get(parent) ?? []).filter((c) => isTag(view.nodes.get(c)?.kind ?? ''));
		if (tags.length) placeTags(p, allTags, pos);
		const rest = fresh.filter((c) => !tags.includes(c));
		if (rest.length) insertBlock(parent, blockRows(view, rest), kids, view, pos);
	}
	return pos;
}
