import { type Db, statement } from "./db.js";

/** How long handled update ids are remembered: far beyond Telegram's re-deliveries, well short of id reuse. */
export const HANDLED_UPDATES_KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * Claims a Telegram update for handling: true the first time its id is seen, false when it was handled
 * already (a webhook re-delivery, a second process). Every 500th claim prunes ids older than `keepMs`.
 */
export function claimUpdate(
  db: Db,
  updateId: number,
  now: number,
  keepMs = HANDLED_UPDATES_KEEP_MS,
): boolean {
  const claimed =
    statement(
      db,
      "INSERT INTO handled_updates (update_id, handled_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
    ).run(updateId, now).changes === 1;
  if (claimed && updateId % 500 === 0)
    statement(db, "DELETE FROM handled_updates WHERE handled_at < ?").run(now - keepMs);
  return claimed;
}

/** How many handled update ids are remembered. */
export function countHandledUpdates(db: Db): number {
  return (statement(db, "SELECT count(*) AS n FROM handled_updates").get() as { n: number }).n;
}
