import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const outDir = resolve(import.meta.dirname, 'dist');

// Vite empties dist/ before each build; the Go package embeds dist/ and a
// fresh clone (no Node run yet) must still compile, so the committed
// placeholder is put back after every build.
function keepGitkeep(): Plugin {
  return {
    name: 'crosscheck-keep-gitkeep',
    apply: 'build',
    closeBundle() {
      writeFileSync(resolve(outDir, '.gitkeep'), '');
    },
  };
}

export default defineConfig({
  plugins: [keepGitkeep()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    // `npm run dev` against a server started with `make run` (LISTEN_ADDR 127.0.0.1:8080).
    proxy: {
      '/api': process.env.CROSSCHECK_API ?? 'http://127.0.0.1:8080',
      '/healthz': process.env.CROSSCHECK_API ?? 'http://127.0.0.1:8080',
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
