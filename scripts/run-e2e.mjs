// Builds the app, finds (or installs) Chromium, and runs the Playwright suite against `vite preview`.
// Extra arguments go to `playwright test` (e.g. a spec file or --grep).
import { spawnSync } from 'node:child_process';
import { findBrowser } from './find-browser.mjs';

function step(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const browser = findBrowser();
console.log(`[browser] ${browser.how}`);
step('node_modules/.bin/vite', ['build', '--logLevel', 'warn']);
const env = { ...process.env };
if (browser.path) env.E2E_CHROMIUM_PATH = browser.path;
step('node_modules/.bin/playwright', ['test', ...process.argv.slice(2)], env);
