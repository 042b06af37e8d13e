import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/support/tmp.js";
import { deleteConversation, readConversation, writeConversation } from "./conversation-storage.js";
import { openDatabase } from "./db.js";
import { clearDraft, draftOf, startDraft } from "./questions.js";
import { awaitComment, commentWait, endCommentWait } from "./ratings.js";
import { readUpdateStart } from "./update-start.js";
import { getUser, setUserLanguage, touchUser } from "./users.js";

describe("what an update reads at its start", () => {
  it("reads the user, the chat's dialogue and what waits for the next message as the single reads do", () => {
    const db = openDatabase(join(tempDir(), "a.sqlite"));
    const now = Date.parse("2030-03-01T10:00:00Z");
    const check = (id: number, key: string) => {
      const start = readUpdateStart(db, id, key);
      expect(start.user).toEqual(getUser(db, id));
      expect(start.conversation === null ? undefined : JSON.parse(start.conversation)).toEqual(
        readConversation(db, key),
      );
      expect(start.drafting).toBe(draftOf(db, id) !== undefined);
      // Whether a wait row is there at all: expired or not, the ratings feature then reads it with the time.
      expect(start.awaitingComment).toBe(commentWait(db, id, 0) !== undefined);
      return start;
    };

    // Nobody yet: no user, nothing stored.
    expect(check(7, "7")).toEqual({
      user: undefined,
      conversation: null,
      drafting: false,
      awaitingComment: false,
    });
    // A dialogue may be stored before the user's row is (a group's key, another chat).
    writeConversation(db, "-100", { version: [0, 1], state: { broadcast: [] } }, now);
    expect(check(7, "-100").conversation).not.toBeNull();

    touchUser(db, { id: 7, chatId: 7, firstName: "Ann", languageCode: "ru" }, now);
    setUserLanguage(db, 7, "en", now);
    touchUser(db, { id: 8, chatId: 8, firstName: "Bob" }, now);
    expect(check(7, "7").user?.language).toBe("en");

    startDraft(db, 7, "s1", now);
    expect(check(7, "7").drafting).toBe(true);
    expect(check(8, "8").drafting).toBe(false);
    awaitComment(db, 7, "s1", now + 1000, now);
    writeConversation(db, "7", { version: [0, 1], state: { ask: [{ a: 1 }] } }, now);
    const on = check(7, "7");
    expect(on).toMatchObject({ drafting: true, awaitingComment: true });
    expect(JSON.parse(on.conversation ?? "null")).toEqual({ version: [0, 1], state: { ask: [{ a: 1 }] } });
    expect(check(8, "8")).toMatchObject({ drafting: false, awaitingComment: false, conversation: null });

    clearDraft(db, 7);
    endCommentWait(db, 7);
    deleteConversation(db, "7");
    expect(check(7, "7")).toMatchObject({ conversation: null, drafting: false, awaitingComment: false });
    db.close();
  });
});
