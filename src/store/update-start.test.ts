import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/support/tmp.js";
import { openDatabase } from "./db.js";
import { clearDraft, draftOf, startDraft } from "./questions.js";
import { awaitComment, commentWait, endCommentWait } from "./ratings.js";
import { readUpdateStart } from "./update-start.js";
import { getUser, setUserLanguage, touchUser } from "./users.js";

describe("what an update reads at its start", () => {
  it("reads the user and what waits for their next message as the single reads do", () => {
    const db = openDatabase(join(tempDir(), "a.sqlite"));
    const now = Date.parse("2030-03-01T10:00:00Z");
    const check = (id: number) => {
      const start = readUpdateStart(db, id);
      expect(start.user).toEqual(getUser(db, id));
      expect(start.drafting).toBe(draftOf(db, id) !== undefined);
      // Whether a wait row is there at all: expired or not, the ratings feature then reads it with the time.
      expect(start.awaitingComment).toBe(commentWait(db, id, 0) !== undefined);
      return start;
    };

    // Nobody yet.
    expect(check(7)).toEqual({ user: undefined, drafting: false, awaitingComment: false });
    touchUser(db, { id: 7, chatId: 7, firstName: "Ann", languageCode: "ru" }, now);
    setUserLanguage(db, 7, "en", now);
    touchUser(db, { id: 8, chatId: 8, firstName: "Bob" }, now);
    expect(check(7).user?.language).toBe("en");
    expect(check(8).user?.firstName).toBe("Bob");

    startDraft(db, 7, "s1", now);
    expect(check(7).drafting).toBe(true);
    expect(check(8).drafting).toBe(false);
    // An expired wait still counts: the feature reads it with the clock and lets the message go on.
    awaitComment(db, 7, "s1", now - 1, now - 1000);
    expect(check(7)).toMatchObject({ drafting: true, awaitingComment: true });
    expect(check(8)).toMatchObject({ drafting: false, awaitingComment: false });

    clearDraft(db, 7);
    endCommentWait(db, 7);
    expect(check(7)).toMatchObject({ drafting: false, awaitingComment: false });
    db.close();
  });
});
