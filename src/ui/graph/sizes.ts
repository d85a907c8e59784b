// Sizes of the drawn boxes, shared by the layout (which must know them) and the node components.
export const DEVICE_SIZE = { width: 224, height: 70 };
/** A root bus's frame: its title bar on top, then everything that descends from the bus. */
export const FRAME_PADDING = { top: 44, side: 16 };
/** Space inside a group region around its members; the top holds the title and the viability badge. */
export const REGION_PADDING = { top: 50, side: 10, bottom: 10 };
/**
 * The group's default-domain node sits below its region's right corner, in space the layout
 * reserves, reaching `overhang` past the corner so the tree edge leaving a one-device region's
 * centre passes clear of it.
 */
export const DEFAULT_PILL = { width: 112, height: 24, gap: 10, overhang: 12 };
export const DOMAIN_SIZE = { width: 220, height: 62 };
/** The shared domains stand in a row this far below the tree. */
export const DOMAIN_ROW_GAP = 64;
export const DOMAIN_GAP = 40;
/** Where a region's edge to a shared domain leaves its bottom border, from the left. */
export const AWAY_HANDLE_LEFT = 32;
