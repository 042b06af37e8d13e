import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/support/tmp.js";
import { openDatabase } from "./db.js";
import { acquireLease, leaseHolder, releaseLease } from "./leases.js";

describe("leases", () => {
  it("lets one holder at a time have it; another takes it over only once it expired", () => {
    const file = join(tempDir(), "db.sqlite");
    const a = openDatabase(file);
    const b = openDatabase(file);
    expect(acquireLease(a, "dispatch", "A", 1000, 500)).toBe(true);
    expect(acquireLease(b, "dispatch", "B", 1100, 500)).toBe(false);
    // A renews; B still has to wait.
    expect(acquireLease(a, "dispatch", "A", 1400, 500)).toBe(true);
    expect(acquireLease(b, "dispatch", "B", 1800, 500)).toBe(false);
    expect(leaseHolder(b, "dispatch")).toEqual({ holder: "A", expiresAt: 1900 });
    // A stops renewing: at its expiry B takes over, and A cannot renew any more.
    expect(acquireLease(b, "dispatch", "B", 1900, 500)).toBe(true);
    expect(acquireLease(a, "dispatch", "A", 1950, 500)).toBe(false);
    expect(leaseHolder(a, "dispatch")?.holder).toBe("B");
  });

  it("is free at once when its holder releases it", () => {
    const db = openDatabase(join(tempDir(), "db.sqlite"));
    expect(acquireLease(db, "dispatch", "A", 0, 10_000)).toBe(true);
    releaseLease(db, "dispatch", "B");
    expect(acquireLease(db, "dispatch", "B", 1, 10_000)).toBe(false);
    releaseLease(db, "dispatch", "A");
    expect(acquireLease(db, "dispatch", "B", 2, 10_000)).toBe(true);
  });
});
