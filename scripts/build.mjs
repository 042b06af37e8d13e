/**
 * `npm run build` (and so every `npm start`): bundles the bot (src/main.ts → dist/main.js) and the CLI
 * (src/cli/main.ts → dist/cli/main.js) with esbuild, each into one ES module with its dependencies inside.
 * Node then resolves, reads and compiles one file instead of some 600 modules (ours and node_modules'), which
 * was a quarter of the start-up; better-sqlite3 stays outside, being native. Paths the code finds relative to
 * the app (the locales, the Mini App's build) go through src/app-root.ts, right in src/ and in dist/ alike.
 * Type checking is `npm run typecheck`'s job, not this one's. BUILD_OUTDIR builds elsewhere (a test's bundle).
 */
import { rmSync } from "node:fs";
import { build } from "esbuild";

const outdir = process.env.BUILD_OUTDIR || "dist";
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { main: "src/main.ts", "cli/main": "src/cli/main.ts" },
  outdir,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["better-sqlite3"],
  // Bundling renames clashing classes (abort-controller's AbortSignal → AbortSignal2), and node-fetch, under
  // grammY, recognises a signal by its class's name: names are kept.
  keepNames: true,
  // CommonJS dependencies call require(): an ES module has none of its own.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  sourcemap: "linked",
  logLevel: "warning",
});
