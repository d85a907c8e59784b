// The JavaScript a page loads at start, from a build's index.html: the entry module and every
// module it preloads (`<link rel="modulepreload">`), gzip-compressed as a server would send them.
// Chunks loaded later on demand and web workers are not counted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function initialScripts(outDir: string): string[] {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  return [...new Set([...entries, ...preloads])];
}

/** Kilobytes (1,024 bytes), gzip level 9, of the scripts the page loads at start. */
export function initialJsGzipKB(outDir: string): number {
  const bytes = initialScripts(outDir).reduce((sum, src) => sum + gzipSync(readFileSync(join(outDir, src.replace(/^\//, ''))), { level: 9 }).length, 0);
  return Math.round((bytes / 1024) * 10) / 10;
}
