import { join } from "node:path";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/support/tmp.js";
import { waitUntil } from "../../test/support/wait.js";
import { openDatabase } from "../store/db.js";
import { Lease } from "./lease.js";

const silent = pino({ level: "silent" });

describe("the dispatch lease", () => {
  it("is held by one process at a time; the standby takes over when the holder stops renewing", async () => {
    const file = join(tempDir(), "db.sqlite");
    const changes: string[] = [];
    const a = new Lease({
      db: openDatabase(file),
      logger: silent,
      ttlMs: 300,
      onChange: (h) => changes.push(`a:${h}`),
    });
    const b = new Lease({
      db: openDatabase(file),
      logger: silent,
      ttlMs: 300,
      onChange: (h) => changes.push(`b:${h}`),
    });
    a.start();
    b.start();
    expect(a.held()).toBe(true);
    expect(b.held()).toBe(false);
    // Several heartbeats later A still holds it.
    await new Promise((r) => setTimeout(r, 500));
    expect([a.held(), b.held()]).toEqual([true, false]);
    a.stop();
    await waitUntil(() => b.held(), "the standby to take over");
    expect(a.held()).toBe(false);
    b.stop();
    expect(changes).toEqual(["a:true", "a:false", "b:true", "b:false"]);
  });

  it("lapses on its own when renewals fail, before anyone else may take it", async () => {
    const db = openDatabase(join(tempDir(), "db.sqlite"));
    let now = 1000;
    const lease = new Lease({ db, logger: silent, ttlMs: 3000, now: () => now });
    lease.start();
    expect(lease.held()).toBe(true);
    db.close(); // every renewal now throws
    now += 1500;
    expect(lease.held()).toBe(true);
    now += 500; // two thirds of the lifetime: it no longer counts as held, a third before it expires
    expect(lease.held()).toBe(false);
    lease.stop();
  });
});
