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
import { checkPrompt } from "./prompts.js";

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

/**
 * The dispatcher's pre-send check: reminders are checked against the programme and subscriptions now, rating
 * prompts against the session, the user's prompts switch and a rating given meanwhile.
 */
export function outboxCheck(db: Db): PreSendCheck {
  return (row, now) => {
    if (row.kind === "reminder") return checkReminder(db, row, now);
    if (row.kind === "prompt") return checkPrompt(db, row);
    return undefined;
  };
}

/** Both hooks a dispatcher over `db` needs. */
export function outboxHooks(db: Db): { check: PreSendCheck; record: RecordOutcome } {
  return { check: outboxCheck(db), record: outboxRecorder(db) };
}
