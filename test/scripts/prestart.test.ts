import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without types
import { buildChanged } from "../../scripts/prestart.mjs";
import { tempDir } from "../support/tmp.js";

describe("npm start's prestart", () => {
  it("builds a target only when the content of its inputs changed", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "src"));
    mkdirSync(join(dir, "out"));
    writeFileSync(join(dir, "src", "a.ts"), "one");
    let runs = 0;
    const targets = [
      { name: "t", inputs: [join(dir, "src")], stamp: join(dir, "out", ".inputs-hash"), run: () => runs++ },
    ];
    expect(buildChanged(false, targets)).toEqual(["t"]);
    expect(buildChanged(false, targets)).toEqual([]);
    // A test file is no input; the same bytes written again change nothing (times do not count).
    writeFileSync(join(dir, "src", "a.test.ts"), "test");
    writeFileSync(join(dir, "src", "a.ts"), "one");
    expect(buildChanged(false, targets)).toEqual([]);
    writeFileSync(join(dir, "src", "a.ts"), "two");
    expect(buildChanged(false, targets)).toEqual(["t"]);
    expect(buildChanged(true, targets)).toEqual(["t"]);
    expect(runs).toBe(3);
  });
});
