import { forgetAuditActor } from "./audit.js";
import { forgetBroadcastAuthor } from "./broadcasts.js";
import { forgetFeedOf } from "./calendar-feeds.js";
import { forgetConversationOf } from "./conversation-storage.js";
import { type Db, writeTransaction } from "./db.js";
import { forgetOutboxOf } from "./outbox.js";
import { forgetQuestionUser } from "./questions.js";
import { forgetRatings } from "./ratings.js";
import { forgetCapacitySetter } from "./rooms.js";
import { forgetSearchesOf } from "./search-pages.js";
import { forgetSubscriptionsOf } from "./subscriptions.js";
import { forgetUserRow } from "./users.js";

/**
 * One table's part in forgetting a user: deletes the rows it keeps about them, or (for records the conference
 * keeps in totals: ratings, questions, votes, broadcasts, the audit log) strips their id from them.
 */
export type UserEraser = (db: Db, userId: number) => void;

/**
 * Every table's eraser. A module that adds a table holding a user id (or a chat id, which for a private chat is
 * the user id) adds its eraser here; src/store/forget-user.test.ts fills every table through the bot and then
 * scans every column of every table for the id, so a table left out fails it. The users row goes last: other
 * tables refer to it.
 */
const ERASERS: readonly UserEraser[] = [
  forgetSubscriptionsOf,
  forgetOutboxOf,
  forgetSearchesOf,
  forgetFeedOf,
  forgetConversationOf,
  forgetBroadcastAuthor,
  forgetAuditActor,
  forgetQuestionUser,
  forgetRatings,
  forgetCapacitySetter,
  forgetUserRow,
];

/** Forget-me: deletes everything the bot keeps about a user, in one transaction (all of it or nothing). */
export function forgetUser(db: Db, userId: number): void {
  writeTransaction(db, () => {
    for (const erase of ERASERS) erase(db, userId);
  });
}
