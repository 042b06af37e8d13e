import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/support/tmp.js";
import { searchCodeVersion, sourceFingerprint } from "./code-version.js";

/** An app folder with the index's sources and packages in it. */
function app(files: Record<string, string>): string {
  const root = tempDir();
  const all = {
    "src/programme/model.ts": "model",
    "node_modules/@orama/stemmers/package.json": '{"version":"3.1.0"}',
    "node_modules/@orama/stopwords/package.json": '{"version":"3.1.0"}',
    "node_modules/fuse.js/package.json": '{"version":"7.0.0"}',
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe("the search code's fingerprint", () => {
  it("changes with the index's sources and packages, not with their tests", () => {
    const base = { "src/search/index.ts": "v1", "src/text/romanize.ts": "r" };
    const one = sourceFingerprint(app(base));
    expect(sourceFingerprint(app(base))).toBe(one);
    expect(sourceFingerprint(app({ ...base, "src/search/index.test.ts": "a test" }))).toBe(one);
    expect(sourceFingerprint(app({ ...base, "src/search/index.ts": "v2" }))).not.toBe(one);
    expect(sourceFingerprint(app({ ...base, "src/text/romanize.ts": "r2" }))).not.toBe(one);
    expect(sourceFingerprint(app({ ...base, "data/lexicon/tech.tsv": "gevent\tcoroutine\n" }))).not.toBe(one);
    expect(
      sourceFingerprint(app({ ...base, "node_modules/fuse.js/package.json": '{"version":"7.1.0"}' })),
    ).not.toBe(one);
  });

  it("is the sources' when run from source", () => {
    expect(searchCodeVersion()).toMatch(/^[\w-]{22}$/);
    expect(searchCodeVersion()).toBe(searchCodeVersion());
  });
});
