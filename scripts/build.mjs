/**
 * `npm run build` (and so every `npm start`): bundles the bot (src/main.ts → dist/main.js) and the CLI
 * (src/cli/main.ts → dist/cli/main.js) with esbuild, each into one ES module with its dependencies inside.
 * Node then resolves, reads and compiles one file instead of some 600 modules (ours and node_modules'), which
 * was a quarter of the start-up; better-sqlite3 stays outside, being native. Paths the code finds relative to
 * the app (the locales, the Mini App's build) go through src/app-root.ts, right in src/ and in dist/ alike.
 * Type checking is `npm run typecheck`'s job, not this one's. BUILD_OUTDIR builds elsewhere (a test's bundle).
 */
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
  define,
  // CommonJS dependencies call require(): an ES module has none of its own.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  sourcemap: "linked",
  logLevel: "warning",
});

// esbuild writes string literals in ASCII but keeps comments and regular expressions as written: a single
// "ё" makes V8 hold the whole 4 MB source as a two-byte string (8 MB). As \u escapes they mean the same.
for (const file of ["main.js", "cli/main.js"]) {
  const path = join(outdir, file);
  const text = readFileSync(path, "utf8");
  const ascii = text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  if (ascii !== text) writeFileSync(path, ascii);
}
