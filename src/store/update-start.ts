import { type Db, statement } from "./db.js";
import { type User, type UserRow, userFromRow } from "./users.js";

/**
 * What the bot reads at the start of every update from a user, in one statement instead of three: the user's
 * row, and whether a question draft or a rating's wait for its comment is on (the features that take the next
 * message as one read those rows only then).
 */
export interface UpdateStart {
  user: User | undefined;
  /** Whether a question draft row exists (src/store/questions.ts `draftOf`), whatever its age. */
  drafting: boolean;
  /** Whether a comment wait row exists (src/store/ratings.ts `commentWait`), whether or not it has expired. */
  awaitingComment: boolean;
}

type Row = Partial<UserRow> & { drafting: number; awaiting_comment: number };

/** Reads {@link UpdateStart} for user `userId`. */
export function readUpdateStart(db: Db, userId: number): UpdateStart {
  const row = statement<{ id: number }, Row>(
    db,
    `SELECT u.*,
       EXISTS (SELECT 1 FROM question_drafts WHERE user_id = @id) AS drafting,
       EXISTS (SELECT 1 FROM comment_waits WHERE user_id = @id) AS awaiting_comment
     FROM (SELECT @id AS wanted) LEFT JOIN users u ON u.id = wanted`,
  ).get({ id: userId }) as Row;
  return {
    user: row.id == null ? undefined : userFromRow(row as UserRow),
    drafting: row.drafting !== 0,
    awaitingComment: row.awaiting_comment !== 0,
  };
}
