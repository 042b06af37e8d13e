import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { codeCacheFile, loadScript, writeCodeCache } from "./code-cache.js";

let dir: string;
let file: string;

/** A CommonJS script that shows what it was given: its require, module names and strictness. */
function writeScript(answer: number): void {
  writeFileSync(
    file,
    `"use strict";
const { basename } = require("node:path");
exports.answer = () => ${answer};
exports.names = { file: __filename, dir: __dirname, base: basename(__filename) };
exports.sameExports = module.exports === exports;
exports.thisIsExports = this === exports;
`,
  );
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "confbot-code-cache-"));
  file = join(dir, "bot.cjs");
  writeScript(42);
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("loadScript", () => {
  it("runs a CommonJS script as require would, and says when no code cache was recorded", () => {
    const loaded = loadScript(file);
    expect(loaded.codeCache).toBe("missing");
    expect((loaded.exports.answer as () => number)()).toBe(42);
    expect(loaded.exports.names).toEqual({ file, dir, base: "bot.cjs" });
    expect(loaded.exports.sameExports).toBe(true);
    expect(loaded.exports.thisIsExports).toBe(true);
  });

  it("compiles through the code cache recorded after a load", () => {
    writeCodeCache(file, loadScript(file));
    expect(existsSync(codeCacheFile(file))).toBe(true);
    // Written whole: no part file is left beside it.
    expect(readdirSync(dir).sort()).toEqual(["bot.cjs", "bot.cjs.cache"]);
    const again = loadScript(file);
    expect(again.codeCache).toBe("used");
    expect((again.exports.answer as () => number)()).toBe(42);
  });

  it("compiles from source when V8 rejects the cache: another script's, or not a cache at all", () => {
    writeCodeCache(file, loadScript(file));
    // A longer script (another build) than the one the cache was recorded for.
    writeScript(4242);
    const changed = loadScript(file);
    expect(changed.codeCache).toBe("rejected");
    expect((changed.exports.answer as () => number)()).toBe(4242);
    // A script this process has not compiled yet (V8 reuses what it compiled in the same process, cache or not).
    writeScript(7);
    writeFileSync(codeCacheFile(file), "not a code cache");
    const junk = loadScript(file);
    expect(junk.codeCache).toBe("rejected");
    expect((junk.exports.answer as () => number)()).toBe(7);
  });
});
