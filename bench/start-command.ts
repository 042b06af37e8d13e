import { readFileSync } from "node:fs";

/** `npm start`'s command line after `node` (flags and the bundle), so benchmarks run the bot exactly as it runs. */
export const START_ARGS: string[] = (
  JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } }
).scripts.start
  .split(/\s+/)
  .slice(1);
