import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readEvalSet } from "../../bench/devset.js";
import { REAL_DIR } from "../../test/support/real-schedules.js";
import { tempDir } from "../../test/support/tmp.js";
import { readScheduleFile } from "../programme/formats/index.js";
import { readProgrammeFile } from "../programme/read.js";
import { openDatabase } from "../store/db.js";
import { databaseSnapshots, writeIndexSnapshot } from "../store/search-index.js";
import { cachedSearchIndex, type IndexSnapshots, indexKey } from "./index-cache.js";

const PYCON = readProgrammeFile("data/pycon-ru-2013.yaml");

/** Snapshots in a real SQLite file, as the bot keeps them. */
function sqliteSnapshots(): IndexSnapshots & { db: ReturnType<typeof openDatabase> } {
  const db = openDatabase(join(tempDir(), "db.sqlite"));
  return { db, ...databaseSnapshots(db) };
}

describe("the search index through stored snapshots", () => {
  it("is built and stored the first time, restored the next, and built again for another programme", () => {
    const snapshots = sqliteSnapshots();
    expect(cachedSearchIndex(PYCON, snapshots, undefined, "code-1").source).toBe("built");
    const again = cachedSearchIndex(PYCON, snapshots, undefined, "code-1");
    expect(again.source).toBe("restored");
    expect(again.index.search("ронахер")[0]?.name).toBe("Armin Ronacher");

    const moved = structuredClone(PYCON);
    moved.sessions[0] = { ...(moved.sessions[0] as (typeof moved.sessions)[0]), title: { en: "Renamed" } };
    expect(cachedSearchIndex(moved, snapshots, undefined, "code-1").source).toBe("built");
    expect(cachedSearchIndex(moved, snapshots, undefined, "code-1").source).toBe("restored");
  });

  it("is built again by other search code, never served from the old code's snapshot", () => {
    const snapshots = sqliteSnapshots();
    cachedSearchIndex(PYCON, snapshots, undefined, "code-1");
    expect(indexKey(PYCON, "code-1")).not.toBe(indexKey(PYCON, "code-2"));
    expect(cachedSearchIndex(PYCON, snapshots, undefined, "code-2").source).toBe("built");
  });

  it("builds when the snapshot is unreadable or cannot be stored, and says so", () => {
    const snapshots = sqliteSnapshots();
    const errors: unknown[] = [];
    writeIndexSnapshot(snapshots.db, indexKey(PYCON, "code-1"), Buffer.from("not a snapshot"));
    const broken = cachedSearchIndex(PYCON, snapshots, (e) => errors.push(e), "code-1");
    expect(broken.source).toBe("built");
    expect(errors).toHaveLength(1);
    expect(cachedSearchIndex(PYCON, snapshots, undefined, "code-1").source).toBe("restored");

    snapshots.db.pragma("query_only = 1");
    const readOnly = cachedSearchIndex(PYCON, snapshots, (e) => errors.push(e), "code-2");
    expect(readOnly.source).toBe("built");
    expect(errors).toHaveLength(2);
    expect(readOnly.index.search("flask").length).toBeGreaterThan(0);
  });

  it.each([
    ["fosdem-2026-prelim.pretalx-fosdem.xml", "own-queries-fosdem2026.tsv"],
    ["38c3.hub.frab.xml", "own-queries-38c3.tsv"],
  ])("restored from %s, answers every query of its set as the index it was taken of", (file, queries) => {
    const programme = readScheduleFile(join(REAL_DIR, file)).programme;
    const snapshots = sqliteSnapshots();
    const built = cachedSearchIndex(programme, snapshots, undefined, "code-1");
    const restored = cachedSearchIndex(programme, snapshots, undefined, "code-1");
    expect([built.source, restored.source]).toEqual(["built", "restored"]);
    const cases = readEvalSet(join(import.meta.dirname, queries));
    expect(cases.length).toBeGreaterThan(20);
    for (const { query } of [...cases, { query: "ронахер" }, { query: "адфыл" }, { query: "zzqx" }])
      expect(restored.index.search(query), query).toEqual(built.index.search(query));
    expect(restored.index.stats).toEqual(built.index.stats);
  });
});
