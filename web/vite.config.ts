import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The web app is built into dist/web, beside the server's build, and served by the NestJS process
// (src/web). No inline scripts or styles: the app runs under a CSP of 'self' only.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    sourcemap: false,
    target: 'es2022',
    rolldownOptions: {
      // The CSS transform of USWDS's 540 KB stylesheet takes most of the build; nothing to act on.
      checks: { pluginTimings: false },
      // "use client" in TanStack Query means nothing outside React Server Components.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
