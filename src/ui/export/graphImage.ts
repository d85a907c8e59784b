// Pictures of the graph as drawn, after React Flow's "download image" example: html-to-image (1.11.11,
// pinned: later releases drop the edges) renders the viewport element with a transform that frames
// every node, on white, at twice the screen's pixels so text stays crisp when zoomed.
import { toBlob, toSvg } from 'html-to-image';
import { imageFrame, unionOf, type ImageFrame, type Rect } from './imageFrame.ts';
import { withoutCustomProperties } from './slimSvg.ts';

const PIXEL_RATIO = 2;
const BACKGROUND = '#ffffff';

/** A node's place in graph coordinates: React Flow positions each one with a translate(). */
function nodeRects(viewport: HTMLElement): Rect[] {
  return [...viewport.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => {
    const m = new DOMMatrixReadOnly(getComputedStyle(el).transform);
    return { x: m.m41, y: m.m42, width: el.offsetWidth, height: el.offsetHeight };
  });
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Large graphs render only the nodes in view; a zoomed-in view would export a fragment. When some
 * node reaches past the pane, the view is fitted first, as the fit-view button does.
 */
async function wholeGraphRendered(pane: HTMLElement): Promise<void> {
  const box = pane.getBoundingClientRect();
  const outside = [...pane.querySelectorAll('.react-flow__node')].some((el) => {
    const r = el.getBoundingClientRect();
    return r.left < box.left || r.top < box.top || r.right > box.right || r.bottom > box.bottom;
  });
  const fit = pane.querySelector<HTMLButtonElement>('.react-flow__controls-fitview');
  if (!outside || !fit) return;
  fit.click();
  await nextFrame();
  await nextFrame();
}

/**
 * Arrowheads are <marker>s defined in an SVG beside the viewport; only the viewport is captured, so
 * a copy of those definitions rides inside it while capturing. Returns the undo.
 */
function carryMarkers(pane: HTMLElement, viewport: HTMLElement): () => void {
  const copies = [...pane.querySelectorAll('svg')]
    .filter((svg) => !viewport.contains(svg) && svg.querySelector('marker'))
    .map((svg) => viewport.appendChild(svg.cloneNode(true)));
  return () => copies.forEach((c) => c.parentNode?.removeChild(c));
}

/** Captures the graph: every node framed with a margin, arrowheads included. */
async function capture<T>(render: (viewport: HTMLElement, frame: ImageFrame) => Promise<T>): Promise<T> {
  const pane = document.querySelector<HTMLElement>('.react-flow');
  if (!pane) throw new Error('The graph is not on screen yet.');
  await wholeGraphRendered(pane);
  const viewport = pane.querySelector<HTMLElement>('.react-flow__viewport');
  const bounds = viewport ? unionOf(nodeRects(viewport)) : null;
  if (!viewport || !bounds) throw new Error('The graph has not been drawn yet; wait for its layout.');
  const restore = carryMarkers(pane, viewport);
  try {
    return await render(viewport, imageFrame(bounds, PIXEL_RATIO));
  } finally {
    restore();
  }
}

function options(frame: ImageFrame) {
  return {
    backgroundColor: BACKGROUND,
    skipFonts: true,
    width: frame.width,
    height: frame.height,
    style: { width: `${frame.width}px`, height: `${frame.height}px`, transform: frame.transform },
  };
}

/** The graph as PNG bytes. */
export async function graphPng(): Promise<Uint8Array> {
  const blob = await capture((viewport, frame) => toBlob(viewport, { ...options(frame), pixelRatio: PIXEL_RATIO }));
  if (!blob) throw new Error('The browser could not make the picture (the graph may be too large for a canvas).');
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * The graph as an SVG document. Its boxes are HTML inside a foreignObject, serialised by the
 * browser's XMLSerializer: names from an imported machine stay text, escaped, never markup.
 */
export async function graphSvg(): Promise<string> {
  const url = await capture((viewport, frame) => toSvg(viewport, options(frame)));
  return withoutCustomProperties(decodeURIComponent(url.slice(url.indexOf(',') + 1)));
}
