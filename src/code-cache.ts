/**
 * The bundled bot through V8's code cache. Node 20 compiles an ES module from its source at every start (it has
 * no module compile cache before Node 22): at FOSDEM size a tenth of a start's CPU went to parsing and compiling
 * the 4.7 MB bundle and the functions its modules run as they load. So the bot is bundled as one CommonJS
 * script (dist/bot.cjs), compiled here with `vm.Script` and the code cache `npm run build` recorded beside it
 * (dist/bot.cjs.cache) after loading it once. V8 checks a cache against its own version, its flags and the
 * source's length, and rejects one that does not fit: the script is then compiled from source, as before.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { Script } from "node:vm";

/** Whether a load used the recorded cache, found one V8 rejected (another Node or other flags), or found none. */
export type CodeCacheState = "used" | "rejected" | "missing";

/** A CommonJS script loaded, with its exports and how its code cache served. */
export interface LoadedScript {
  exports: Record<string, unknown>;
  codeCache: CodeCacheState;
  /** The compiled script, whose code cache (with every function compiled so far) {@link writeCodeCache} records. */
  script: Script;
}

/** The code cache recorded for `file` (an absolute path): the file beside it, with ".cache" added. */
export function codeCacheFile(file: string): string {
  return `${file}.cache`;
}

/**
 * Compiles and runs the CommonJS script `file` (an absolute path) as Node's require would — its own
 * `require`, `module`, `exports`, `__filename`, `__dirname` — through its recorded code cache when there is one.
 */
export function loadScript(file: string): LoadedScript {
  const source = readFileSync(file, "utf8");
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(codeCacheFile(file));
  } catch {
    // No cache recorded (a build that skipped it, or a copy without it): compiled from source.
  }
  // Node's own CommonJS wrapper: the script's names are a module's, not globals.
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
  const script = new Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const codeCache: CodeCacheState = !cachedData ? "missing" : script.cachedDataRejected ? "rejected" : "used";
  const module = { exports: {} as Record<string, unknown> };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, codeCache, script };
}

/**
 * Records `loaded`'s code cache beside its file: the functions compiled so far (every module's loading, when
 * called after {@link loadScript}) then need no compiling at the next start. Written whole or not at all.
 */
export function writeCodeCache(file: string, loaded: LoadedScript): void {
  const target = codeCacheFile(file);
  const part = `${target}.${process.pid}.part`;
  try {
    writeFileSync(part, loaded.script.createCachedData());
    renameSync(part, target);
  } finally {
    rmSync(part, { force: true });
  }
}
