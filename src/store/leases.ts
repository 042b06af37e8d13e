import { type Db, statement } from "./db.js";

/**
 * Takes or renews the lease `name` for `holder` until `now + ttlMs`: succeeds when nobody holds it, when
 * `holder` already does, or when the last holder let it expire (it died or hangs). Returns whether
 * `holder` holds it now. One statement, so two processes racing for it cannot both win.
 */
export function acquireLease(db: Db, name: string, holder: string, now: number, ttlMs: number): boolean {
  const result = statement(
    db,
    `INSERT INTO leases (name, holder, expires_at, acquired_at) VALUES (@name, @holder, @expires, @now)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at,
         acquired_at = CASE WHEN leases.holder = excluded.holder THEN leases.acquired_at ELSE excluded.acquired_at END
       WHERE leases.holder = excluded.holder OR leases.expires_at <= @now`,
  ).run({ name, holder, expires: now + ttlMs, now });
  return result.changes === 1;
}

/** Gives the lease up at once (a graceful stop), so that a standby need not wait for it to expire. */
export function releaseLease(db: Db, name: string, holder: string): void {
  statement(db, "DELETE FROM leases WHERE name = ? AND holder = ?").run(name, holder);
}

/** Who holds the lease `name` and until when (expired or not), if anyone took it. */
export function leaseHolder(db: Db, name: string): { holder: string; expiresAt: number } | undefined {
  const row = statement(db, "SELECT holder, expires_at FROM leases WHERE name = ?").get(name) as
    | { holder: string; expires_at: number }
    | undefined;
  return row && { holder: row.holder, expiresAt: row.expires_at };
}
