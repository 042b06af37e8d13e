/**
 * `npm start`'s dist/main.js: loads the bundled bot (dist/bot.cjs, built from src/main.ts by scripts/build.mjs)
 * through V8's code cache (src/code-cache.ts) and starts it. `npm run build` runs it once with
 * CONFBOT_CODE_CACHE=record: the bundle's modules are loaded, the bot is not started, and the code cache is
 * recorded for every start after.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type CodeCacheState, loadScript, writeCodeCache } from "./code-cache.js";

const bot = join(dirname(fileURLToPath(import.meta.url)), "bot.cjs");
const loaded = loadScript(bot);
if (process.env.CONFBOT_CODE_CACHE === "record") writeCodeCache(bot, loaded);
else (loaded.exports.start as (codeCache: CodeCacheState) => void)(loaded.codeCache);
