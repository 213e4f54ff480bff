import { defineConfig } from 'tsup';

// The published build (`pnpm pack` runs it as `prepack`): ESM and .d.ts in dist/. Inside the
// workspace the package is consumed from src/ (package.json `exports`; `publishConfig` swaps in
// dist/ when packing), so the API and the tests need no build step.
export default defineConfig({
  entry: { index: 'src/index.ts', money: 'src/money/index.ts', bin: 'src/cli/bin.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  dts: { entry: { index: 'src/index.ts', money: 'src/money/index.ts' } },
  clean: true,
  sourcemap: false,
  splitting: true,
  // zod is a dependency: resolved from node_modules, not bundled.
  external: ['zod'],
});
