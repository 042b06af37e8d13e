/**
 * `npm run build` (and so every `npm start`): bundles the bot (src/main.ts → dist/bot.cjs, started by
 * dist/main.js) and the CLI (src/cli/main.ts → dist/cli/main.js) with esbuild, each into one file with its
 * dependencies inside. Node then resolves, reads and compiles one file instead of some 600 modules (ours and
 * node_modules'), which was a quarter of the start-up; better-sqlite3 stays outside, being native. The bot is one
 * CommonJS script so that dist/main.js (src/bundle-main.ts) can compile it through V8's code cache, which this
 * build records (dist/bot.cjs.cache) by loading it once with `npm start`'s node flags: V8 rejects a cache made
 * under other flags. Paths the code finds relative to the app (the locales, the Mini App's build) go through
 * src/app-root.ts, right in src/ and in dist/ alike. Type checking is `npm run typecheck`'s job, not this one's.
 * BUILD_OUTDIR builds elsewhere (a test's bundle).
 */
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

/** Bundles `entry` on its own and calls its export `name` (with the repository's folder): a value to build in. */
async function probe(entry, name) {
  const file = join(tmpdir(), `confbot-probe-${name}-${process.pid}.mjs`);
  await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: "node",
    format: "esm",
    logLevel: "warning",
  });
  try {
    const module = await import(pathToFileURL(file).href);
    return module[name](process.cwd());
  } finally {
    rmSync(file, { force: true });
  }
}

const outdir = process.env.BUILD_OUTDIR || "dist";
const define = {
  // The search code's fingerprint (src/search/code-version.ts): whether a stored index snapshot is still this code's.
  __SEARCH_CODE_VERSION__: JSON.stringify(await probe("src/search/code-version.ts", "sourceFingerprint")),
  // The glossary words' stems (src/search/glossary.ts), which every start would otherwise work out again: as a
  // string of JSON (an object would be a module of its own, initialised from every other).
  __GLOSSARY_STEMS__: JSON.stringify(JSON.stringify(await probe("src/search/glossary.ts", "glossaryStems"))),
};
rmSync(outdir, { recursive: true, force: true });
/** What the bot's and the CLI's bundles share. */
const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  external: ["better-sqlite3"],
  // Bundling renames clashing classes (abort-controller's AbortSignal → AbortSignal2), and node-fetch, under
  // grammY, recognises a signal by its class's name: names are kept.
  keepNames: true,
  sourcemap: "linked",
  logLevel: "warning",
};
await build({
  ...common,
  entryPoints: { bot: "src/main.ts" },
  outdir,
  outExtension: { ".js": ".cjs" },
  format: "cjs",
  // The loader (dist/main.js) starts the bot; a module's own place (import.meta.url) is the bundle's file.
  define: { ...define, __BUNDLE_LOADER__: "true", "import.meta.url": "__bundleUrl" },
  // Strict, as the ES modules bundled into it were.
  banner: { js: '"use strict"; const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
});
await build({
  ...common,
  entryPoints: { main: "src/bundle-main.ts", "cli/main": "src/cli/main.ts" },
  outdir,
  format: "esm",
  define,
  // CommonJS dependencies call require(): an ES module has none of its own.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});

// esbuild writes string literals in ASCII but keeps comments and regular expressions as written: a single
// "ё" makes V8 hold the whole 4 MB source as a two-byte string (8 MB). As \u escapes they mean the same.
for (const file of ["bot.cjs", "cli/main.js"]) {
  const path = join(outdir, file);
  const text = readFileSync(path, "utf8");
  const ascii = text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  if (ascii !== text) writeFileSync(path, ascii);
}

// The code cache, recorded under the node flags `npm start` runs the bot with (package.json's start script).
const startFlags = JSON.parse(readFileSync("package.json", "utf8"))
  .scripts.start.split(/\s+/)
  .filter((word) => word.startsWith("--"));
execFileSync(process.execPath, [...startFlags, join(outdir, "main.js")], {
  env: { ...process.env, CONFBOT_CODE_CACHE: "record" },
  stdio: "inherit",
});
