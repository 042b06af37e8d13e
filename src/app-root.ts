import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The nearest folder at or above `dir` that holds package.json (`dir` itself when none does). */
export function packageRoot(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, "package.json"))) return d;
    if (dirname(d) === d) return dir;
  }
}

/**
 * The app's folder (where package.json, locales/ and webapp/ are), found from this module: src/ when run
 * from source, dist/ when bundled — a module's own place differs between the two, the app's does not.
 */
export const APP_ROOT = packageRoot(dirname(fileURLToPath(import.meta.url)));
