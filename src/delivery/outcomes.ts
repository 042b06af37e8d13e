import type { Db } from "../store/db.js";
import {
  dropPendingForUser,
  markDropped,
  markFailed,
  markRetry,
  markSent,
  type OutboxRow,
} from "../store/outbox.js";
import { markUserBlocked } from "../store/users.js";
import type { Outcome, PreSendCheck, RecordOutcome } from "./dispatcher.js";
import { checkReminder } from "./planner.js";

/**
 * The dispatcher's recorder over SQLite: each outcome becomes the row's new status; a blocked user is marked
 * blocked and everything still pending for them dropped, in one transaction.
 */
export function outboxRecorder(db: Db): RecordOutcome {
  const blocked = db.transaction((row: OutboxRow, now: number) => {
    markFailed(db, row.id, "blocked", now);
    markUserBlocked(db, row.userId, now);
    dropPendingForUser(db, row.userId, "user-blocked", now);
  });
  return (row: OutboxRow, outcome: Outcome, now: number): boolean => {
    switch (outcome.type) {
      case "sent":
        return markSent(db, row.id, now);
      case "retry":
        markRetry(db, row.id, outcome.at, outcome.error, outcome.countAttempt);
        return true;
      case "failed":
        markFailed(db, row.id, outcome.error, now);
        return true;
      case "blocked":
        blocked(row, now);
        return true;
      case "dropped":
        return markDropped(db, row.id, outcome.reason, now);
    }
  };
}

/** The dispatcher's pre-send check: reminders are checked against the programme and subscriptions now. */
export function outboxCheck(db: Db): PreSendCheck {
  return (row, now) => (row.kind === "reminder" ? checkReminder(db, row, now) : undefined);
}

/** Both hooks a dispatcher over `db` needs. */
export function outboxHooks(db: Db): { check: PreSendCheck; record: RecordOutcome } {
  return { check: outboxCheck(db), record: outboxRecorder(db) };
}
