/**
 * `npm start`'s prestart: builds the Mini App (Vite → webapp/dist) and the bundle (scripts/build.mjs → dist/)
 * only when their inputs changed since the last build — a content hash of every input file (not times, which
 * a checkout or a copy changes), kept beside each output. An unchanged tree starts at once instead of
 * spending 1.7 s rebuilding both. `--force` builds both anyway.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Every file under `paths` (files or folders), sorted, tests left out. */
function files(paths) {
  return paths
    .flatMap((p) => {
      if (!existsSync(p)) return [];
      if (!statSync(p).isDirectory()) return [p];
      return files(readdirSync(p).map((name) => join(p, name)));
    })
    .filter((f) => !/\.test\.tsx?$/.test(f))
    .sort();
}

/** The content hash of the inputs: their paths and bytes. */
export function inputsHash(paths) {
  const hash = createHash("sha256");
  for (const file of files(paths)) hash.update(file).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

/** The targets: what each build reads, where it writes, and how it is run. */
export const TARGETS = [
  {
    name: "Mini App",
    inputs: [
      "webapp/src",
      "webapp/index.html",
      "webapp/vite.config.ts",
      "src/webapp/api-types.ts",
      "package-lock.json",
    ],
    stamp: "webapp/dist/.inputs-hash",
    // The pinned Vite from node_modules, or fail: never one fetched by npx.
    run: () =>
      execFileSync(
        process.execPath,
        ["node_modules/vite/bin/vite.js", "build", "webapp", "--logLevel", "warn"],
        { stdio: "inherit" },
      ),
  },
  {
    name: "bundle",
    // package.json: its start script's node flags are the ones the code cache is recorded under.
    inputs: ["src", "scripts/build.mjs", "package.json", "package-lock.json", "tsconfig.json"],
    stamp: "dist/.inputs-hash",
    run: () => execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" }),
  },
];

/** Builds the targets whose inputs changed (all with `force`); returns the names of those built. */
export function buildChanged(force = false, targets = TARGETS) {
  const built = [];
  for (const target of targets) {
    const hash = inputsHash(target.inputs);
    const stamped = existsSync(target.stamp) ? readFileSync(target.stamp, "utf8").trim() : "";
    if (!force && stamped === hash) continue;
    target.run();
    writeFileSync(target.stamp, `${hash}\n`);
    built.push(target.name);
  }
  return built;
}

if (import.meta.url === `file://${process.argv[1]}`) buildChanged(process.argv.includes("--force"));
