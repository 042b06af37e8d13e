import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/support/tmp.js";
import { openDatabase } from "./db.js";
import {
  ensureUser,
  getUser,
  languageOf,
  markUserBlocked,
  refreshUser,
  setReminderMinutes,
  setUserLanguage,
  touchUser,
} from "./users.js";

describe("users", () => {
  it("refreshes a user already read as touchUser would (what it returns is what is stored), and recreates one deleted since", () => {
    const db = openDatabase(join(tempDir(), "db.sqlite"));
    touchUser(db, { id: 9, chatId: 9, firstName: "Ann", languageCode: "en" }, 1);
    setUserLanguage(db, 9, "ru", 2);
    setReminderMinutes(db, 9, 30, 2);
    markUserBlocked(db, 9, 3);
    const known = getUser(db, 9);
    if (!known) throw new Error("no user 9");
    const refreshed = refreshUser(db, known, { chatId: 90, firstName: 7, languageCode: "de" }, 4);
    expect(refreshed).toEqual(getUser(db, 9));
    expect(refreshed).toMatchObject({ chatId: 90, firstName: null, languageCode: "de", blockedAt: null });
    expect(refreshed).toMatchObject({ language: "ru", reminderMinutes: 30 });
    db.prepare("DELETE FROM users WHERE id = 9").run();
    expect(refreshUser(db, known, { chatId: 9, firstName: "Ann" }, 5)).toEqual(getUser(db, 9));
    expect(getUser(db, 9)).toMatchObject({ chatId: 9, firstName: "Ann", language: null, blockedAt: null });
  });

  it("follows Telegram's language until the user picks one, and remembers the pick across reopening", () => {
    const file = join(tempDir(), "db.sqlite");
    let db = openDatabase(file);
    expect(languageOf(touchUser(db, { id: 5, chatId: 5, languageCode: "ru-RU" }, 1))).toBe("ru");
    expect(languageOf(touchUser(db, { id: 6, chatId: 6, languageCode: "uk" }, 1))).toBe("en");
    expect(languageOf(touchUser(db, { id: 7, chatId: 7 }, 1))).toBe("en");
    setUserLanguage(db, 5, "en", 2);
    db.close();

    db = openDatabase(file);
    // Telegram still says Russian, but the explicit choice wins.
    const user = touchUser(db, { id: 5, chatId: 5, languageCode: "ru" }, 3);
    expect(user.language).toBe("en");
    expect(languageOf(user)).toBe("en");
    db.close();
  });

  it("stores the reminder lead, and makes a blocked user reachable again when they write", () => {
    const db = openDatabase(join(tempDir(), "db.sqlite"));
    touchUser(db, { id: 9, chatId: 9, firstName: "Ann" }, 1);
    expect(getUser(db, 9)?.reminderMinutes).toBeNull();
    setReminderMinutes(db, 9, 30, 2);
    markUserBlocked(db, 9, 3);
    markUserBlocked(db, 9, 4);
    expect(getUser(db, 9)).toMatchObject({ reminderMinutes: 30, blockedAt: 3, firstName: "Ann" });
    expect(touchUser(db, { id: 9, chatId: 9, firstName: "Ann" }, 5).blockedAt).toBeNull();
    expect(getUser(db, 10)).toBeUndefined();
  });

  it("takes a language_code that is not text (a malformed update) as English, and stores no number as text", () => {
    const db = openDatabase(join(tempDir(), "db.sqlite"));
    expect(languageOf({ language: null, languageCode: 7 })).toBe("en");
    expect(languageOf({ language: null, languageCode: { ru: true } })).toBe("en");
    const user = touchUser(db, { id: 3, chatId: 3, languageCode: 42, firstName: 5 }, 1);
    expect(user).toMatchObject({ languageCode: null, firstName: null });
    expect(languageOf(user)).toBe("en");
  });

  it("records a Mini App user without undoing what the chat set", () => {
    const db = openDatabase(join(tempDir(), "u.sqlite"));
    expect(ensureUser(db, { id: 9, firstName: "Ann", languageCode: "ru" }, 1)).toMatchObject({
      id: 9,
      chatId: 9,
      firstName: "Ann",
      languageCode: "ru",
      language: null,
    });
    touchUser(db, { id: 10, chatId: 10, firstName: "Bob", languageCode: "en" }, 1);
    setUserLanguage(db, 10, "ru", 2);
    markUserBlocked(db, 10, 3);
    const bob = ensureUser(db, { id: 10, firstName: "Bob", languageCode: "de" }, 4);
    expect(bob).toMatchObject({ language: "ru", languageCode: "de", blockedAt: 3 });
    db.close();
  });
});
