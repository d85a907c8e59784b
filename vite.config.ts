/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

/**
 * Chunks the entry (src/main.tsx) imports dynamically yet may need at once: the React part
 * (src/ui/app/mount.tsx), which loads while the entry opens the machine, and the saved-session
 * reader, evaluated only when this browser holds a session. Without a hint the browser would ask
 * for them only once the entry runs: modulepreload links for them and every chunk they import let
 * all of it download and compile beside the entry (they count as initial JavaScript).
 */
function preloadStartChunks(): Plugin {
  const FACADES = ['/src/ui/app/mount.tsx', '/src/persist/loadSavedSession.ts'];
  let base = '/';
  return {
    name: 'preload-start-chunks',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
        const files = new Set<string>();
        const add = (fileName: string) => {
          if (files.has(fileName)) return;
          files.add(fileName);
          for (const imported of chunks.find((c) => c.fileName === fileName)?.imports ?? []) add(imported);
        };
        for (const facade of FACADES) {
          const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(facade));
          if (!chunk) throw new Error(`preload-start-chunks: no chunk for ${facade} (renamed? update vite.config.ts)`);
          add(chunk.fileName);
        }
        return [...files]
          .filter((f) => !html.includes(`${base}${f}"`))
          .map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${f}` }, injectTo: 'head' as const }));
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), preloadStartChunks()],
  server: { port: 5173 },
  preview: { port: 4173 },
  build: {
    rolldownOptions: {
      output: {
        // React Flow's and d3's code in a chunk of its own beside the React part (above): every
        // first screen draws the graph, so both load at start, and the files stream and compile in
        // parallel. Code only: React Flow's style sheet stays with the entry's, in the page's head.
        // React itself and zustand, which the entry uses too, first go into a chunk of their own, or
        // the React Flow chunk would take them along and the entry would have to wait for all of it.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|zustand|use-sync-external-store)[\\/]/, priority: 2 },
            { name: 'react-flow', test: /node_modules[\\/](@xyflow[\\/]|d3-).*\.m?js$/, priority: 1 },
          ],
        },
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Property tests run thousands of cases; a loaded 2-core CI machine needs more than the 5 s default.
    testTimeout: 60_000,
  },
});
