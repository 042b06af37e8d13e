/**
 * The search index through a store of snapshots: restored when the store holds one for this programme and
 * this search code, else built and stored. Restoring costs a small part of building (see Benchmarks), which
 * is most of a restart's start-up at FOSDEM size, and spares the memory that building churns through.
 */
import { createHash } from "node:crypto";
import type { Programme } from "../programme/model.js";
import { searchCodeVersion } from "./code-version.js";
import { buildSearchIndex, restoreSearchIndex, type SearchIndex, searchIndexSnapshot } from "./index.js";

/** Where snapshots are kept (src/store/search-index.ts in SQLite). */
export interface IndexSnapshots {
  read(key: string): Uint8Array | undefined;
  write(key: string, snapshot: Uint8Array): void;
}

/** How the index was had, for the log and the tests. */
export type IndexSource = "restored" | "built";

/** The key of a programme's index: its content and the search code that indexes it. */
export function indexKey(programme: Programme, codeVersion = searchCodeVersion()): string {
  return createHash("sha256")
    .update(codeVersion)
    .update("\0")
    .update(JSON.stringify(programme))
    .digest("base64url")
    .slice(0, 32);
}

/**
 * The programme's search index: restored from `snapshots` when they hold it, else built and written there.
 * A snapshot that cannot be read back, or a store that cannot be written (a full disk), costs only the
 * build: `onError` hears of it and search works the same.
 */
export function cachedSearchIndex(
  programme: Programme,
  snapshots: IndexSnapshots,
  onError: (err: unknown) => void = () => undefined,
  codeVersion = searchCodeVersion(),
): { index: SearchIndex; source: IndexSource } {
  const key = indexKey(programme, codeVersion);
  let stored: Uint8Array | undefined;
  try {
    stored = snapshots.read(key);
    if (stored) return { index: restoreSearchIndex(stored), source: "restored" };
  } catch (err) {
    onError(err);
  }
  const index = buildSearchIndex(programme);
  try {
    snapshots.write(key, searchIndexSnapshot(index));
  } catch (err) {
    onError(err);
  }
  return { index, source: "built" };
}
