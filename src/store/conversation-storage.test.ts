import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/support/tmp.js";
import {
  CONVERSATION_MAX_AGE_MS,
  countConversations,
  deleteConversation,
  readConversation,
  writeConversation,
} from "./conversation-storage.js";
import { openDatabase } from "./db.js";

describe("conversation storage", () => {
  it("reads, overwrites and deletes state by key, as JSON, across connections", () => {
    const file = join(tempDir(), "a.sqlite");
    const db = openDatabase(file);
    expect(readConversation(db, "7")).toBeUndefined();
    const state = { version: [0, 1], state: { broadcast: [{ args: "[]", interrupts: [0] }] } };
    writeConversation(db, "7", state, 1);
    writeConversation(db, "8", { other: true }, 1);
    expect(readConversation(db, "7")).toEqual(state);
    writeConversation(db, "7", { version: [0, 1], state: {} }, 2);
    db.close();

    const reopened = openDatabase(file);
    expect(readConversation(reopened, "7")).toEqual({ version: [0, 1], state: {} });
    deleteConversation(reopened, "7");
    deleteConversation(reopened, "no-such-key");
    expect(readConversation(reopened, "7")).toBeUndefined();
    expect(readConversation(reopened, "8")).toEqual({ other: true });
    reopened.close();
  });

  it("removes state nobody wrote for longer than the age limit at the next write", () => {
    const db = openDatabase(join(tempDir(), "a.sqlite"));
    const now = Date.parse("2030-03-01T10:00:00Z");
    for (let chat = 1; chat <= 10; chat++) writeConversation(db, `${chat}`, { chat }, now);
    writeConversation(db, "11", { chat: 11 }, now + 1000);
    expect(countConversations(db)).toBe(11);
    writeConversation(db, "12", { chat: 12 }, now + CONVERSATION_MAX_AGE_MS + 1);
    expect(countConversations(db)).toBe(2);
    expect(readConversation(db, "11")).toEqual({ chat: 11 });
    db.close();
  });

  it("refuses a value that is not JSON", () => {
    const db = openDatabase(join(tempDir(), "a.sqlite"));
    expect(() => writeConversation(db, "1", undefined, 0)).toThrow(/not JSON/);
    expect(countConversations(db)).toBe(0);
    db.close();
  });
});
