/**
 * vitest global setup: builds the Mini App's front end (webapp/ → webapp/dist) when its sources are newer than
 * the build, so that the server's tests and the browser tests serve what the sources say.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const WEBAPP = fileURLToPath(new URL("../../webapp/", import.meta.url));

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function builtAt(): number {
  try {
    return statSync(join(WEBAPP, "dist", "index.html")).mtimeMs;
  } catch {
    return 0;
  }
}

/** Builds webapp/dist unless it is up to date. */
export default async function setup(): Promise<void> {
  const sources = Math.max(
    newest(join(WEBAPP, "src")),
    newest(join(WEBAPP, "index.html")),
    newest(join(WEBAPP, "vite.config.ts")),
    newest(fileURLToPath(new URL("../../src/webapp/api-types.ts", import.meta.url))),
  );
  if (builtAt() >= sources) return;
  // vitest sets NODE_ENV=test, under which Vite would bundle the libraries' development builds.
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      root: WEBAPP,
      configFile: join(WEBAPP, "vite.config.ts"),
      logLevel: "warn",
      mode: "production",
    });
  } finally {
    process.env.NODE_ENV = env;
  }
}
