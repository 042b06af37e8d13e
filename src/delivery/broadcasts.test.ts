import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { smallProgramme } from "../../test/support/programme-fixture.js";
import { tempDir } from "../../test/support/tmp.js";
import { qualifyProgramme } from "../programme/qualify.js";
import { openDatabase } from "../store/db.js";
import {
  dropPendingForUser,
  enqueue,
  findByKey,
  markFailed,
  markSent,
  outboxCounts,
} from "../store/outbox.js";
import { loadProgramme } from "../store/programme-store.js";
import { subscribe } from "../store/subscriptions.js";
import {
  markUserBlocked,
  setSeriesNews,
  setUserConference,
  setUserLanguage,
  touchUser,
} from "../store/users.js";
import {
  audienceRecipients,
  createBroadcast,
  finishBroadcast,
  getBroadcast,
  setProgressShown,
  unfinishedBroadcasts,
  withSignature,
} from "./broadcasts.js";

const NOW = 1_000_000;

function setup() {
  const db = openDatabase(join(tempDir(), "b.sqlite"));
  loadProgramme(db, smallProgramme(), NOW);
  touchUser(db, { id: 1, chatId: 11, languageCode: "ru" }, NOW);
  touchUser(db, { id: 2, chatId: 12, languageCode: "en" }, NOW);
  touchUser(db, { id: 3, chatId: 13, languageCode: "ru-RU" }, NOW);
  setUserLanguage(db, 3, "en", NOW);
  touchUser(db, { id: 4, chatId: 14 }, NOW);
  markUserBlocked(db, 4, NOW);
  subscribe(db, 1, "caching", NOW);
  subscribe(db, 3, "caching", NOW);
  subscribe(db, 4, "caching", NOW);
  return db;
}

describe("broadcast audiences", () => {
  it("everyone, one session's subscribers, or one language — reachable users only", () => {
    const db = setup();
    const ids = (a: Parameters<typeof audienceRecipients>[1]) =>
      audienceRecipients(db, a).map((r) => r.userId);
    expect(ids({ kind: "all" })).toEqual([1, 2, 3]);
    expect(ids({ kind: "session", sessionId: "caching" })).toEqual([1, 3]);
    expect(ids({ kind: "lang", lang: "ru" })).toEqual([1]);
    expect(ids({ kind: "lang", lang: "en" })).toEqual([2, 3]);
    expect(audienceRecipients(db, { kind: "all" })[0]).toEqual({ userId: 1, chatId: 11 });
    db.close();
  });
});

describe("broadcasts", () => {
  it("queues one row per recipient with the organizer's entities, and counts progress", () => {
    const db = setup();
    const message = { text: "Hello all", entities: [{ type: "bold", offset: 0, length: 5 }] };
    const { id, total } = createBroadcast(db, {
      adminId: 1,
      audience: { kind: "all" },
      message,
      progress: { chatId: 11, messageId: 99 },
      now: NOW,
    });
    expect(total).toBe(3);
    const row = findByKey(db, `broadcast:${id}:2`);
    expect(row?.payload).toEqual({ type: "message", text: "Hello all", entities: message.entities });
    expect(row?.broadcastId).toBe(id);
    // Enqueueing the same keys again is a no-op: nothing is ever sent twice.
    expect(
      enqueue(
        db,
        [
          {
            kind: "broadcast",
            dedupeKey: `broadcast:${id}:2`,
            userId: 2,
            chatId: 12,
            payload: { type: "message", text: "x" },
            notBefore: NOW,
          },
        ],
        NOW,
      ),
    ).toBe(0);

    const r1 = findByKey(db, `broadcast:${id}:1`);
    const r3 = findByKey(db, `broadcast:${id}:3`);
    if (!r1 || !row || !r3) throw new Error("rows");
    markSent(db, r1.id, NOW + 1);
    markFailed(db, row.id, "blocked", NOW + 1);
    expect(getBroadcast(db, id)).toMatchObject({ total: 3, sent: 1, blocked: 1, failed: 0, pending: 1 });
    expect(unfinishedBroadcasts(db).map((b) => [b.id, b.progressChatId, b.progressMessageId])).toEqual([
      [id, 11, 99],
    ]);
    setProgressShown(db, id, "Sent 1 / 3");
    expect(getBroadcast(db, id)?.progressText).toBe("Sent 1 / 3");

    dropPendingForUser(db, 3, "user-blocked", NOW + 2);
    expect(getBroadcast(db, id)).toMatchObject({ sent: 1, blocked: 2, pending: 0 });
    expect(finishBroadcast(db, id, { chatId: 11, userId: 1, html: "<b>Done</b>" }, NOW + 2)).toBe(true);
    expect(finishBroadcast(db, id, { chatId: 11, userId: 1, html: "<b>Done</b>" }, NOW + 3)).toBe(false);
    expect(unfinishedBroadcasts(db)).toEqual([]);
    expect(findByKey(db, `broadcast-summary:${id}`)?.payload).toEqual({
      type: "message",
      text: "<b>Done</b>",
      parseMode: "HTML",
    });
    expect(outboxCounts(db).pending).toBe(1);
    db.close();
  });
});

describe("a broadcast's line naming its conference", () => {
  const signatures = {
    en: { text: "🎟 SpringConf", entities: [{ type: "bold", offset: 3, length: 10 }] },
    ru: { text: "🎟 Весенняя", entities: [{ type: "bold", offset: 3, length: 8 }] },
  };

  it("goes after the message in each recipient's language, its entities moved past the message", () => {
    const db = setup();
    const message = { text: "Hello all", entities: [{ type: "bold", offset: 0, length: 5 }] };
    const { id } = createBroadcast(db, {
      adminId: 1,
      audience: { kind: "all" },
      message,
      signatures,
      now: NOW,
    });
    // User 1 reads the bot in Russian (Telegram's language), 2 in English, 3 chose English over Telegram's ru.
    expect(findByKey(db, `broadcast:${id}:1`)?.payload).toEqual({
      type: "message",
      text: "Hello all\n\n🎟 Весенняя",
      entities: [
        { type: "bold", offset: 0, length: 5 },
        { type: "bold", offset: 14, length: 8 },
      ],
    });
    for (const user of [2, 3])
      expect(findByKey(db, `broadcast:${id}:${user}`)?.payload).toMatchObject({
        text: "Hello all\n\n🎟 SpringConf",
        entities: [
          { type: "bold", offset: 0, length: 5 },
          { type: "bold", offset: 14, length: 10 },
        ],
      });
    // The bold entity covers exactly the name, counted in UTF-16 units as Telegram counts (🎟 is two).
    const text = "Hello all\n\n🎟 SpringConf";
    expect(text.slice(14, 24)).toBe("SpringConf");
    db.close();
  });

  it("is left out when message and line would not fit one Telegram message", () => {
    const long = { text: "x".repeat(4090), entities: [] };
    expect(withSignature(long, signatures.en)).toBe(long);
    const fits = { text: "x".repeat(4096 - 2 - signatures.en.text.length), entities: [] };
    expect(withSignature(fits, signatures.en).text).toHaveLength(4096);
    expect(withSignature(long, undefined)).toBe(long);
  });
});

describe("audiences in a deployment of several conferences", () => {
  it("are a conference's attendees (looking at it or following its sessions), or everyone who wants series news", () => {
    const db = openDatabase(join(tempDir(), "series.sqlite"));
    loadProgramme(db, smallProgramme(), NOW, "main");
    loadProgramme(db, qualifyProgramme(smallProgramme(), "spring:"), NOW, "spring");
    for (const id of [1, 2, 3, 4, 5]) touchUser(db, { id, chatId: 10 + id, languageCode: "en" }, NOW);
    setUserConference(db, 2, "spring", NOW); // looks at spring
    setUserConference(db, 3, "main", NOW); // looks at main, follows a spring session
    subscribe(db, 3, "spring:caching", NOW);
    setUserConference(db, 4, "spring", NOW);
    setSeriesNews(db, 4, false, NOW); // turned series news off
    touchUser(db, { id: 5, chatId: 15, languageCode: "ru" }, NOW); // the default, in Russian
    const ids = (a: Parameters<typeof audienceRecipients>[1]) =>
      audienceRecipients(db, a).map((r) => r.userId);
    const main = { id: "main", isDefault: true };
    const spring = { id: "spring", isDefault: false };
    expect(ids({ kind: "all", conference: main })).toEqual([1, 3, 5]);
    expect(ids({ kind: "all", conference: spring })).toEqual([2, 3, 4]);
    expect(ids({ kind: "lang", lang: "ru", conference: main })).toEqual([5]);
    expect(ids({ kind: "lang", lang: "ru", conference: spring })).toEqual([]);
    expect(ids({ kind: "session", sessionId: "spring:caching" })).toEqual([3]);
    expect(ids({ kind: "everyone" })).toEqual([1, 2, 3, 5]);
    db.close();
  });
});
