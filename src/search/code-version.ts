/**
 * A fingerprint of the code that decides what a search index holds: a stored index snapshot is reused only by
 * the code that built it, so a deploy that changes tokenizing, stemming or scoring never serves an index of the
 * old rules. The bundle (scripts/build.mjs) computes it from the sources at build time; run from source it is
 * computed on first use.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { APP_ROOT } from "../app-root.js";

declare const __SEARCH_CODE_VERSION__: string | undefined;

/** Folders and files (from the app's folder) whose sources build the index; the list of what software is too. */
const SOURCES = ["src/search", "src/text", "src/programme/model.ts", "data/lexicon/tech.tsv"];
/** Packages the index is built with: their versions count too. */
const PACKAGES = ["@orama/stemmers", "@orama/stopwords", "fuse.js"];

/** The fingerprint of the index-building sources and packages under the app folder `root`. */
export function sourceFingerprint(root: string): string {
  const hash = createHash("sha256");
  for (const source of SOURCES) {
    const path = join(root, source);
    const files = /\.tsv?$/.test(source)
      ? existsSync(path)
        ? [path]
        : []
      : readdirSync(path, { recursive: true, encoding: "utf8" })
          .filter((f) => !f.endsWith(".test.ts"))
          .sort()
          .map((f) => join(path, f));
    for (const file of files) {
      if (!/\.(ts|tsv|json)$/.test(file)) continue;
      hash.update(file.slice(root.length)).update("\0").update(readFileSync(file)).update("\0");
    }
  }
  for (const name of PACKAGES) {
    const { version } = JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8"));
    hash.update(`${name}@${version}\0`);
  }
  return hash.digest("base64url").slice(0, 22);
}

let computed: string | undefined;

/** The running search code's fingerprint: the bundle's, or the sources' when run from source. */
export function searchCodeVersion(): string {
  if (typeof __SEARCH_CODE_VERSION__ === "string") return __SEARCH_CODE_VERSION__;
  computed ??= sourceFingerprint(APP_ROOT);
  return computed;
}
