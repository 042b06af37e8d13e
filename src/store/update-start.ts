import { type Db, statement } from "./db.js";
import { type User, type UserRow, userFromRow } from "./users.js";

/**
 * What the bot reads at the start of every update from a user, in one statement instead of four: the user's
 * row, the dialogue state of the chat (the conversations plugin's, src/store/conversation-storage.ts), and
 * whether a question draft or a rating's wait for its comment is on (the features that take the next message
 * as one read those rows only then).
 */
export interface UpdateStart {
  user: User | undefined;
  /** The chat's stored dialogue state, as JSON text (null when there is none). */
  conversation: string | null;
  /** Whether a question draft row exists (src/store/questions.ts `draftOf`), whatever its age. */
  drafting: boolean;
  /** Whether a comment wait row exists (src/store/ratings.ts `commentWait`), whether or not it has expired. */
  awaitingComment: boolean;
}

type Row = Partial<UserRow> & { conversation: string | null; drafting: number; awaiting_comment: number };

/** Reads {@link UpdateStart} for user `userId` writing in the chat whose dialogue is stored under `chatKey`. */
export function readUpdateStart(db: Db, userId: number, chatKey: string): UpdateStart {
  const row = statement<{ id: number; key: string }, Row>(
    db,
    `SELECT u.*,
       (SELECT data FROM conversations WHERE key = @key) AS conversation,
       EXISTS (SELECT 1 FROM question_drafts WHERE user_id = @id) AS drafting,
       EXISTS (SELECT 1 FROM comment_waits WHERE user_id = @id) AS awaiting_comment
     FROM (SELECT @id AS wanted) LEFT JOIN users u ON u.id = wanted`,
  ).get({ id: userId, key: chatKey }) as Row;
  return {
    user: row.id == null ? undefined : userFromRow(row as UserRow),
    conversation: row.conversation,
    drafting: row.drafting !== 0,
    awaitingComment: row.awaiting_comment !== 0,
  };
}
