// Where the graph goes in an exported picture: every node inside, a margin around, drawn at its
// on-screen size (zoom 1) unless that would pass what a browser canvas can hold, then scaled down.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ImageFrame {
  /** Picture size in CSS pixels (the PNG has pixelRatio times as many). */
  width: number;
  height: number;
  /** The CSS transform that puts the graph's bounds inside the margin. */
  transform: string;
  zoom: number;
}

/** Margin around the graph, CSS pixels. */
export const IMAGE_MARGIN = 24;
/** Chromium's canvas limits: 32,767 pixels a side and 268,435,456 in all; kept well inside. */
const MAX_SIDE_PX = 16_000;
const MAX_AREA_PX = 120_000_000;

export function imageFrame(bounds: Rect, pixelRatio: number): ImageFrame {
  const fullW = bounds.width + 2 * IMAGE_MARGIN;
  const fullH = bounds.height + 2 * IMAGE_MARGIN;
  const zoom = Math.min(1, MAX_SIDE_PX / (fullW * pixelRatio), MAX_SIDE_PX / (fullH * pixelRatio), Math.sqrt(MAX_AREA_PX / (fullW * fullH * pixelRatio * pixelRatio)));
  const width = Math.ceil(bounds.width * zoom + 2 * IMAGE_MARGIN);
  const height = Math.ceil(bounds.height * zoom + 2 * IMAGE_MARGIN);
  const dx = IMAGE_MARGIN - bounds.x * zoom;
  const dy = IMAGE_MARGIN - bounds.y * zoom;
  return { width, height, zoom, transform: `translate(${dx}px, ${dy}px) scale(${zoom})` };
}

/** The smallest rectangle holding all of them; null for none. */
export function unionOf(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x, y, width: right - x, height: bottom - y };
}
