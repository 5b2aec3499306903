/** Sizes shared by the layout, the Cytoscape style and the SVG export, so all three agree. */

/** Diameter of a regular node's shape, in model units (pixels at zoom 1). */
export const NODE_SIZE = 44;
/** Diameter of an SCP/RCP tag drawn beside its target. */
export const TAG_SIZE = 26;
/** Horizontal distance between sibling centres in a block. */
export const SLOT_W = 180;
/** Horizontal distance between accounts in an OU's grid (room for their SCP tags). */
export const ACCOUNT_SLOT_W = 260;
/** Vertical distance between rows. */
export const ROW_H = 120;
/** Widest label, in model units. */
export const LABEL_W = 160;
/** Most columns of an OU's account grid. */
export const ACCOUNT_COLS = 12;
/** Columns of an expanded node's block. */
export const BLOCK_COLS = 10;

/** A position. */
export interface Point {
	x: number;
	y: number;
}

/** How far a curved edge bows out from the straight line at its middle. */
export const CURVE_BEND = 48;
