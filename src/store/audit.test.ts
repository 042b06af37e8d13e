import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/support/tmp.js";
import { recentAudit, recordAudit } from "./audit.js";
import { openDatabase } from "./db.js";

describe("audit log", () => {
  it("records who did what and when, and lists it newest first with paging", () => {
    const db = openDatabase(join(tempDir(), "a.sqlite"));
    recordAudit(db, { at: 1000, adminId: 1, action: "move", details: { session: "flask" } });
    recordAudit(db, { at: 2000, adminId: 2, action: "cancel", details: { session: "scaling" } });
    const third = recordAudit(db, { at: 3000, adminId: 1, action: "reload" });
    const latest = recentAudit(db, 2);
    expect(latest).toEqual([
      { id: third, at: 3000, adminId: 1, action: "reload", details: {} },
      { id: third - 1, at: 2000, adminId: 2, action: "cancel", details: { session: "scaling" } },
    ]);
    expect(recentAudit(db, 10, third - 1).map((e) => e.action)).toEqual(["move"]);
    db.close();
  });
});
