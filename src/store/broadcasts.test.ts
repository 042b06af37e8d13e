import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/support/tmp.js";
import {
  insertBroadcast,
  markBroadcastFinished,
  readBroadcast,
  setBroadcastProgressText,
  unfinishedBroadcastRecords,
} from "./broadcasts.js";
import { openDatabase } from "./db.js";

describe("broadcasts table", () => {
  it("records a broadcast, its progress text, and finishes it once", () => {
    const db = openDatabase(join(tempDir(), "b.sqlite"));
    const id = insertBroadcast(db, {
      adminId: 7,
      audience: '{"kind":"all"}',
      message: '{"text":"hi","entities":[]}',
      total: 3,
      progressChatId: 7,
      progressMessageId: 99,
      createdAt: 1000,
    });
    expect(readBroadcast(db, id)).toEqual({
      id,
      adminId: 7,
      audience: '{"kind":"all"}',
      message: '{"text":"hi","entities":[]}',
      total: 3,
      progressChatId: 7,
      progressMessageId: 99,
      progressText: null,
      createdAt: 1000,
      finishedAt: null,
    });
    setBroadcastProgressText(db, id, "1 / 3");
    expect(unfinishedBroadcastRecords(db).map((b) => [b.id, b.progressText])).toEqual([[id, "1 / 3"]]);
    expect(markBroadcastFinished(db, id, 2000)).toBe(true);
    expect(markBroadcastFinished(db, id, 3000)).toBe(false);
    expect(unfinishedBroadcastRecords(db)).toEqual([]);
    expect(readBroadcast(db, id)?.finishedAt).toBe(2000);
    expect(readBroadcast(db, id + 1)).toBeUndefined();
    db.close();
  });
});
