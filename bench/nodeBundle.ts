// The Node figures are measured on the model as it ships: bundled by Vite (the Check panel's Web
// Worker runs such a bundle), not through the development loader that runs the bench's own code,
// whose module-by-module transform makes the checker a third slower. The bundle is built into a
// temporary directory and run in a child Node process.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function bundledNodeFigures(): Promise<Record<string, number>> {
  const outDir = mkdtempSync(join(tmpdir(), 'ioasid-bench-node-'));
  try {
    await build({
      root: REPO,
      configFile: false,
      logLevel: 'error',
      // Everything in the bundle, dependencies too, as in the app's.
      ssr: { noExternal: true },
      build: { ssr: join(REPO, 'bench/nodeMain.ts'), outDir, emptyOutDir: true, target: 'node20' },
    });
    const out = execFileSync(process.execPath, [join(outDir, 'nodeMain.js'), REPO], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    return JSON.parse(out) as Record<string, number>;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
