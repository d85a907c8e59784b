/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

/**
 * The graph is a lazy chunk (App.tsx), yet the first screen always needs it: without a hint the
 * browser asks for it only after the entry has run and React has rendered once. A modulepreload
 * link lets it download and compile while the entry runs (it counts as initial JavaScript).
 */
function preloadGraphChunk(): Plugin {
  let base = '/';
  return {
    name: 'preload-graph-chunk',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const graph = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/ui/graph/GraphView.tsx'));
        if (!graph) throw new Error('preload-graph-chunk: no chunk for src/ui/graph/GraphView.tsx (renamed? update vite.config.ts)');
        return [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${graph.fileName}` }, injectTo: 'head' }];
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), preloadGraphChunk()],
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Property tests run thousands of cases; a loaded 2-core CI machine needs more than the 5 s default.
    testTimeout: 60_000,
  },
});
