// The explorer's figures in headless Chromium, each next to the same figure for a bare React Flow
// page (bench/baseline) with as many plain nodes, measured the same way in the same run: the ratio
// is the figure that counts, since the machine's speed and load cancel out of it.
//
// Time to interactive: from navigation start (performance.timeOrigin) to the moment the page
// handles a pointer event on a drawn node. The bench moves the real mouse (CDP input, the way a
// user's mouse arrives) onto a node as soon as one is drawn in the window, again and again; a
// capturing `pointermove` listener, installed before the page's own scripts, records
// performance.now() the first time such an event reaches a node. The event waits in the queue
// while the page's main thread is busy, so the time includes the page finishing what it was doing.
// For the explorer, a node is a device card; for the baseline, any node.
//
// Drag frame time: after the page has settled, the mouse presses on the node nearest the middle of
// the pane and drags it 240 x 120 px in 60 moves, one every 16 ms (a hand at 60 Hz). Frame times
// are the gaps between requestAnimationFrame callbacks from the press to the release; the figure is
// their 95th percentile. In the explorer that drag carries a device towards the driver palette (its
// ghost follows the pointer, the palette lists its drivers); in the baseline React Flow moves the node.
import { chromium, type Browser, type Page } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';
import e2eConfig from '../playwright.config.ts';
import { initialJsGzipKB } from './bundle.ts';
import { median, round } from './measure.ts';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = [500, 2000] as const;
const RUNS = 3;
const DRAG = { dx: 240, dy: 120, moves: 60, everyMs: 16 };
/** Waiting after interactive before the drag, for late work (fitView, effects) to finish. */
const SETTLE_MS = 500;
const TIMEOUT_MS = 90_000;

interface Subject {
  url: (n: number) => string;
  /** What counts as a drawn node. */
  node: string;
}

interface RunFigures {
  interactiveMs: number;
  dragP95Ms: number;
  nodesInDom: number;
}

/**
 * Installed before any of the page's scripts (as text, so the bench's own compiler adds nothing to
 * it): the first pointer event that reaches a node, a frame recorder, and a finder of drawn nodes.
 */
const PAGE_HELPERS = `
window.__bench = {
  handledAt: null,
  frames: [],
  recording: false,
  watch(selector) {
    window.addEventListener('pointermove', (e) => {
      if (this.handledAt === null && e.target instanceof Element && e.target.closest(selector)) this.handledAt = performance.now();
    }, { capture: true });
  },
  record() {
    this.frames = [];
    this.recording = true;
    const tick = (t) => {
      if (!this.recording) return;
      this.frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  },
  stop() {
    this.recording = false;
    return this.frames;
  },
  // A drawn node wholly inside the pane: the one nearest the pane's middle, or (first) any.
  nodeInView(selector, nearestMiddle) {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    if (!pane) return null;
    const mid = { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 };
    let best = null;
    for (const el of document.querySelectorAll(selector)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.left < pane.left || r.top < pane.top || r.right > pane.right || r.bottom > pane.bottom) continue;
      const c = { x: r.left + r.width / 2, y: r.top + r.height / 2, d: Math.hypot(r.left + r.width / 2 - mid.x, r.top + r.height / 2 - mid.y) };
      if (!nearestMiddle) return { ...c, pane: { right: pane.right, bottom: pane.bottom } };
      if (best === null || c.d < best.d) best = c;
    }
    return best && { ...best, pane: { right: pane.right, bottom: pane.bottom } };
  },
};
`;

interface NodeInView {
  x: number;
  y: number;
  pane: { right: number; bottom: number };
}

/** Runs one of PAGE_HELPERS' methods in the page. */
function helper<T>(page: Page, call: string): Promise<T> {
  return page.evaluate(`window.__bench.${call}`) as Promise<T>;
}

const nodeInView = (page: Page, selector: string, nearestMiddle: boolean) => helper<NodeInView | null>(page, `nodeInView(${JSON.stringify(selector)}, ${nearestMiddle})`);

async function timeToInteractive(page: Page, subject: Subject): Promise<number> {
  const deadline = Date.now() + TIMEOUT_MS;
  let wiggle = 0;
  while (Date.now() < deadline) {
    try {
      const handledAt = await helper<number | null>(page, 'handledAt');
      if (handledAt !== null) return handledAt;
      const target = await nodeInView(page, subject.node, false);
      if (target) await page.mouse.move(target.x + (wiggle ^= 1), target.y);
      else await page.waitForTimeout(5);
    } catch (e) {
      // The document is still being replaced at the start of navigation: try again.
      if (!(e instanceof Error && /context was destroyed|navigat|__bench/i.test(e.message))) throw e;
    }
  }
  throw new Error(`no node of ${subject.url(0)} answered a pointer within ${TIMEOUT_MS} ms`);
}

async function dragP95(page: Page, subject: Subject): Promise<number> {
  const start = await nodeInView(page, subject.node, true);
  if (!start) throw new Error(`no node in view to drag on ${page.url()}`);
  const dx = Math.min(DRAG.dx, start.pane.right - start.x - 10);
  const dy = Math.min(DRAG.dy, start.pane.bottom - start.y - 10);
  await page.mouse.move(start.x, start.y);
  await helper(page, 'record()');
  await page.mouse.down();
  for (let i = 1; i <= DRAG.moves; i++) {
    await page.mouse.move(start.x + (dx * i) / DRAG.moves, start.y + (dy * i) / DRAG.moves);
    await page.waitForTimeout(DRAG.everyMs);
  }
  await page.mouse.up();
  const frames = await helper<number[]>(page, 'stop()');
  const gaps = frames.slice(1).map((t, i) => t - frames[i]!).sort((a, b) => a - b);
  if (gaps.length < 10) throw new Error(`only ${frames.length} frames while dragging on ${page.url()}`);
  return gaps[Math.ceil(gaps.length * 0.95) - 1]!;
}

async function measureOnce(browser: Browser, subject: Subject, n: number): Promise<RunFigures> {
  const context = await browser.newContext({ viewport: e2eConfig.use?.viewport ?? { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript({ content: `${PAGE_HELPERS}\nwindow.__bench.watch(${JSON.stringify(subject.node)});` });
    await page.goto(subject.url(n), { waitUntil: 'commit' });
    const interactiveMs = await timeToInteractive(page, subject);
    await page.waitForTimeout(SETTLE_MS);
    const dragP95Ms = await dragP95(page, subject);
    const nodesInDom = await page.locator('.react-flow__node').count();
    if (errors.length > 0) throw new Error(`${subject.url(n)}: ${errors.join('; ')}`);
    return { interactiveMs, dragP95Ms, nodesInDom };
  } finally {
    await context.close();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

async function serve(outDir: string): Promise<{ server: PreviewServer; base: string }> {
  const port = await freePort();
  const server = await preview({ configFile: false, root: outDir, logLevel: 'silent', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true } });
  return { server, base: `http://127.0.0.1:${port}` };
}

/** Finds Chromium as the e2e runner does (scripts/find-browser.mjs). */
async function browserPath(): Promise<string | undefined> {
  const finder = join(REPO, 'scripts/find-browser.mjs');
  const { findBrowser } = (await import(finder)) as { findBrowser: () => { path: string | null; how: string } };
  const found = findBrowser();
  process.stderr.write(`[bench] ${found.how}\n`);
  return found.path ?? undefined;
}

export async function uiFigures() {
  const work = mkdtempSync(join(tmpdir(), 'ioasid-bench-'));
  const appDir = join(work, 'app');
  const baselineDir = join(work, 'baseline');
  const servers: PreviewServer[] = [];
  let browser: Browser | null = null;
  try {
    process.stderr.write('[bench] building the explorer and the bare React Flow page\n');
    await build({ root: REPO, configFile: join(REPO, 'vite.config.ts'), logLevel: 'error', build: { outDir: appDir, emptyOutDir: true, chunkSizeWarningLimit: 4096 } });
    await build({ root: join(REPO, 'bench/baseline'), configFile: false, logLevel: 'error', plugins: [react()], build: { outDir: baselineDir, emptyOutDir: true } });
    const app = await serve(appDir);
    const baseline = await serve(baselineDir);
    servers.push(app.server, baseline.server);
    const subjects = {
      app: { url: (n: number) => `${app.base}/?scenario=synthetic-${n}&policy=upstream&animations=off`, node: '.react-flow__node-device' },
      baseline: { url: (n: number) => `${baseline.base}/?n=${n}`, node: '.react-flow__node' },
    } satisfies Record<string, Subject>;

    browser = await chromium.launch({ executablePath: await browserPath(), args: e2eConfig.use?.launchOptions?.args ?? [] });
    const ui: Record<string, Record<string, number>> = {};
    for (const n of SIZES) {
      const runs: Record<keyof typeof subjects, RunFigures[]> = { app: [], baseline: [] };
      for (let r = 0; r < RUNS; r++) {
        // Alternate which page goes first, so neither always meets a warmer (or busier) machine.
        const order = r % 2 === 0 ? (['app', 'baseline'] as const) : (['baseline', 'app'] as const);
        for (const which of order) {
          const figures = await measureOnce(browser, subjects[which], n);
          process.stderr.write(`[bench] ${n} functions, ${which}, run ${r + 1}: ${JSON.stringify(figures)}\n`);
          runs[which].push(figures);
        }
      }
      const med = (which: keyof typeof subjects, key: keyof RunFigures) => median(runs[which].map((f) => f[key]));
      ui[`n${n}`] = {
        interactiveMs: Math.round(med('app', 'interactiveMs')),
        baselineInteractiveMs: Math.round(med('baseline', 'interactiveMs')),
        interactiveRatio: round(med('app', 'interactiveMs') / med('baseline', 'interactiveMs'), 2),
        dragP95Ms: round(med('app', 'dragP95Ms'), 1),
        baselineDragP95Ms: round(med('baseline', 'dragP95Ms'), 1),
        dragP95Ratio: round(med('app', 'dragP95Ms') / med('baseline', 'dragP95Ms'), 2),
        nodesInDom: med('app', 'nodesInDom'),
        baselineNodesInDom: med('baseline', 'nodesInDom'),
      };
    }
    return { browser: `Chromium ${browser.version()} (headless, software rendering)`, initialJsGzipKB: initialJsGzipKB(appDir), ui };
  } finally {
    await browser?.close();
    for (const s of servers) await s.close();
    rmSync(work, { recursive: true, force: true });
  }
}
