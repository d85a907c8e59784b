// Builds the app, finds (or installs) Chromium, and runs the Playwright suite against `vite preview`.
// Extra arguments go to `playwright test` (e.g. a spec file or --grep).
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { findBrowser } from './find-browser.mjs';

/** A port nothing listens on, so a preview server or another test run elsewhere does not collide. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function step(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const browser = findBrowser();
console.log(`[browser] ${browser.how}`);
// E2E_OUT_DIR lets two runs at once (two people, two terminals) build and serve their own copies.
const outDir = process.env.E2E_OUT_DIR ?? 'dist';
// Mode e2e: a production build plus the error boundaries' fire drill (src/ui/app/faultDrill.ts).
step('node_modules/.bin/vite', ['build', '--mode', 'e2e', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir']);
const env = { ...process.env, E2E_OUT_DIR: outDir, E2E_PORT: String(process.env.E2E_PORT ?? (await freePort())) };
if (browser.path) env.E2E_CHROMIUM_PATH = browser.path;
step('node_modules/.bin/playwright', ['test', ...process.argv.slice(2)], env);
