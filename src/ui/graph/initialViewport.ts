// Where the view starts on a new layout. A machine that fits the pane at a readable zoom is shown
// whole, as before. A big one (hundreds of functions) would fit only at a zoom where no address can
// be read, and every one of its boxes would be drawn at once: it starts instead at a readable zoom
// on the drawing's top left, its first root bus, where lspci starts too; the rest is a pan or a
// zoom away, and only the boxes in view are drawn (GraphView's visible-only rendering).
import type { Box } from './treeLayout.ts';

/** The smallest zoom the first view uses: device addresses (13 px) still read at about 7 px. */
export const READABLE_ZOOM = 0.55;
/** fitView's padding, a fraction of the pane. */
const FIT_PADDING = 0.06;
/** Room between the pane's top and the drawing when it starts at its top left, in pixels. */
const MARGIN = 24;
/** Room at the left: the zoom buttons stand in the pane's bottom left corner, clear of the drawing. */
const LEFT_MARGIN = 64;

export type InitialView =
  | { fit: true; padding: number; maxZoom: number }
  | { fit: false; viewport: { x: number; y: number; zoom: number } };

export function initialViewport(bounds: Box, pane: { width: number; height: number }): InitialView {
  const room = 1 - 2 * FIT_PADDING;
  const fitZoom = Math.min((pane.width * room) / bounds.width, (pane.height * room) / bounds.height);
  if (!(fitZoom < READABLE_ZOOM)) return { fit: true, padding: FIT_PADDING, maxZoom: 1 };
  const zoom = READABLE_ZOOM;
  // A drawing narrower than the pane at this zoom (tall, not wide) is centred across it.
  const spare = pane.width - bounds.width * zoom;
  const x = (spare > 2 * LEFT_MARGIN ? spare / 2 : LEFT_MARGIN) - bounds.x * zoom;
  return { fit: false, viewport: { x, y: MARGIN - bounds.y * zoom, zoom } };
}
