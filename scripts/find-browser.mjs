// Finds a Chromium for the end-to-end tests, installing one when the machine has none, and says
// what it did. Order: an explicit E2E_CHROMIUM_PATH; Playwright's own browser; Debian's
// /usr/bin/chromium; `apt-get install chromium` where apt works; `npx playwright install chromium`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

function playwrightOwnBrowser() {
  try {
    const { chromium } = createRequire(import.meta.url)('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function run(cmd, args) {
  console.log(`[browser] running: ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { stdio: 'inherit' }).status === 0;
}

function canApt() {
  try {
    execFileSync('apt-get', ['--version'], { stdio: 'ignore' });
    return typeof process.getuid === 'function' && process.getuid() === 0;
  } catch {
    return false;
  }
}

/** Returns `{ path, how }`; `path` null means "use Playwright's default" (its own browser). */
export function findBrowser() {
  const explicit = process.env.E2E_CHROMIUM_PATH;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`E2E_CHROMIUM_PATH=${explicit} does not exist`);
    return { path: explicit, how: `using E2E_CHROMIUM_PATH (${explicit})` };
  }
  const own = playwrightOwnBrowser();
  if (own) return { path: null, how: `using Playwright's own Chromium (${own})` };
  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, how: `using Debian's Chromium (${DEBIAN_CHROMIUM})` };
  if (canApt()) {
    console.log('[browser] no Chromium found; installing Debian\'s chromium package');
    if (run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', 'chromium']) && existsSync(DEBIAN_CHROMIUM)) {
      return { path: DEBIAN_CHROMIUM, how: `installed Debian's Chromium with apt-get (${DEBIAN_CHROMIUM})` };
    }
  }
  console.log('[browser] trying Playwright\'s own download');
  if (run('npx', ['playwright', 'install', 'chromium']) && playwrightOwnBrowser()) {
    return { path: null, how: 'installed Playwright\'s own Chromium with `npx playwright install chromium`' };
  }
  throw new Error('no Chromium could be found or installed: install Debian\'s chromium package or set E2E_CHROMIUM_PATH');
}
