/// <reference types="vitest/config" />
import { defineConfig, type Plugin, type Rolldown } from 'vite';
import { SESSION_KEY } from './src/persist/savedSession.ts';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

/** A chunk and every chunk it imports, transitively: what must load before it runs. */
function withImports(chunks: readonly Rolldown.OutputChunk[], facade: string): string[] {
  const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(facade));
  if (!chunk) throw new Error(`preload-start-chunks: no chunk for ${facade} (renamed? update vite.config.ts)`);
  const files = new Set<string>();
  const add = (fileName: string) => {
    if (files.has(fileName)) return;
    files.add(fileName);
    for (const imported of chunks.find((c) => c.fileName === fileName)?.imports ?? []) add(imported);
  };
  add(chunk.fileName);
  return [...files];
}

/**
 * Chunks the entry (src/main.tsx) imports dynamically yet may need at once. The React part
 * (src/ui/app/mount.tsx) loads while the entry opens the machine: modulepreload links for it and
 * every chunk it imports let all of it download and compile beside the entry (they count as initial
 * JavaScript). The saved-session reader (src/persist/loadSavedSession.ts, with zod) is needed only
 * when this browser holds a session: a line of script in the page asks for it then, and a first
 * visit or a link does not compile zod beside the start.
 */
function preloadStartChunks(): Plugin {
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
        const inPage = (f: string) => html.includes(`${base}${f}"`);
        const reactPart = withImports(chunks, '/src/ui/app/mount.tsx').filter((f) => !inPage(f));
        const sessionReader = withImports(chunks, '/src/persist/loadSavedSession.ts').filter((f) => !inPage(f) && !reactPart.includes(f));
        const preloadIfSaved = `try{if(localStorage.getItem(${JSON.stringify(SESSION_KEY)})!==null)for(const href of ${JSON.stringify(sessionReader.map((f) => `${base}${f}`))}){const l=document.createElement("link");l.rel="modulepreload";l.crossOrigin="";l.href=href;document.head.append(l)}}catch{}`;
        return [
          ...reactPart.map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${f}` }, injectTo: 'head' as const })),
          { tag: 'script', children: preloadIfSaved, injectTo: 'head' as const },
        ];
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
        // d3-hierarchy (the tree layout) stays with the entry, which makes the drawing (main.tsx).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|zustand|use-sync-external-store)[\\/]/, priority: 2 },
            { name: 'react-flow', test: /node_modules[\\/](@xyflow[\\/]|d3-(?!hierarchy)).*\.m?js$/, priority: 1 },
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
