import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../test/support/tmp.js";
import { APP_ROOT, packageRoot } from "./app-root.js";

describe("the app's folder", () => {
  it("is the nearest folder above a module that holds package.json", () => {
    const root = tempDir();
    writeFileSync(join(root, "package.json"), "{}");
    const deep = join(root, "dist", "cli");
    mkdirSync(deep, { recursive: true });
    expect(packageRoot(deep)).toBe(root);
    expect(packageRoot(root)).toBe(root);
  });

  it("holds the locales when run from source", () => {
    expect(existsSync(join(APP_ROOT, "locales", "en.json"))).toBe(true);
  });
});
