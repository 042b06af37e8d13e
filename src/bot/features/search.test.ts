import { describe, expect, it } from "vitest";
import {
  callbackDataOf,
  callsOf,
  labelsOf,
  newUser,
  newUserSends,
  testUser,
  textOf,
} from "../../../test/support/bot-harness.js";

describe("search", () => {
  it("answers any text with a list and a button per session or speaker", async () => {
    const { reply: list } = await newUserSends("flask");
    expect(textOf(list)).toContain("for “flask”");
    expect(textOf(list)).toContain("1. Advanced Flask patterns");
    expect(textOf(list)).toContain("Armin Ronacher · Fri 1 Mar, 10:00 · Hall A");
    expect(labelsOf(list)[0]).toBe("1. Advanced Flask patterns");
    expect(labelsOf(list).some((l) => l.includes("👤 Armin Ronacher"))).toBe(true);
    for (const data of callbackDataOf(list)) expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
  });

  it("opens a result in place, and Back returns to the list", async () => {
    const { h, user, reply: list } = await newUserSends("flask");
    const listText = list.text;
    const calls = await h.press(user, list, "Advanced Flask patterns");
    expect(callsOf(calls, "editMessageText")).toHaveLength(1);
    expect(callsOf(calls, "sendMessage")).toHaveLength(0);
    expect(textOf(h.last(user))).toContain("Patterns for large Flask applications.");
    await h.press(user, h.last(user), "Back to results");
    expect(h.last(user).messageId).toBe(list.messageId);
    expect(h.last(user).text).toBe(listText);
  });

  it("pages through many results", async () => {
    const { h, user, reply: first } = await newUserSends("python tricks");
    expect(textOf(first)).toContain("(1/2)");
    expect(textOf(first)).toContain("6.");
    expect(textOf(first)).not.toContain("7.");
    expect(labelsOf(first)).toContain("1/2");
    await h.press(user, first, "Next ▶");
    const second = h.last(user);
    expect(second.messageId).toBe(first.messageId);
    expect(textOf(second)).toContain("(2/2)");
    expect(textOf(second)).toContain("7.");
    await h.press(user, second, "2/2"); // the page counter does nothing
    expect(h.last(user).text).toBe(second.text);
    await h.press(user, second, "◀ Previous");
    expect(textOf(h.last(user))).toContain("(1/2)");
    expect(h.logs).toEqual([]);
  });

  it("pages results of a search made before a restart", async () => {
    const { h, user } = newUser();
    const other = testUser();
    await h.send(user, "python tricks");
    const first = h.last(user);
    expect(textOf(first)).toContain("(1/2)");

    // A new bot on the same database: the old message's paging buttons still work.
    const h2 = h.restart();
    await h2.press(user, first, "Next ▶");
    const second = h2.last(user);
    expect(second.messageId).toBe(first.messageId);
    expect(textOf(second)).toContain("(2/2)");
    expect(textOf(second)).toContain("7.");
    await h2.press(user, second, "◀ Previous");
    expect(textOf(h2.last(user))).toContain("(1/2)");
    // Still the searcher's own: someone else pressing the same data gets "outdated".
    const next = callbackDataOf(first).find((d) => d.startsWith("sr:1:")) as string;
    const forged = await h2.pressData(other, next);
    expect(callsOf(forged, "answerCallbackQuery")[0]?.payload.text).toContain("outdated");
    expect(h2.logs).toEqual([]);
  });

  it("says nothing was found, with a hint", async () => {
    const { reply } = await newUserSends("qwzxqwzx");
    const text = textOf(reply);
    expect(text).toContain("Nothing found for “qwzxqwzx”");
    expect(text).toContain("/schedule");
  });

  it("offers a weak match apart as “did you mean”, a button to its card, and nonsense none", async () => {
    const { h, user, reply } = await newUserSends("flask zzqxv blorp");
    const text = textOf(reply);
    expect(text).toContain("Nothing found for “flask zzqxv blorp”");
    expect(text).toContain("Did you mean:");
    expect(labelsOf(reply)).toContain("Advanced Flask patterns");
    await h.press(user, reply, "Advanced Flask patterns");
    expect(textOf(h.last(user))).toContain("Patterns for large Flask applications.");
    const { reply: nonsense } = await newUserSends("qwzxqwzx blorp");
    expect(textOf(nonsense)).not.toContain("Did you mean");
    expect(labelsOf(nonsense)).toEqual([]);
  });

  it("survives garbage: huge text, HTML, emoji", async () => {
    const { h, user } = newUser();
    for (const garbage of ["x".repeat(5000), "<b>&amp; </i>", "🎉🎉🎉", "\u0000\u200b", "a".repeat(4096)]) {
      const calls = await h.send(user, garbage);
      expect(callsOf(calls, "sendMessage")).toHaveLength(1);
      expect(calls.every((c) => c.error === undefined)).toBe(true);
    }
    expect(textOf(h.last(user)).length).toBeLessThan(300);
    await h.send(user, "<b>&");
    expect(textOf(h.last(user))).toContain("“<b>&”");
    await h.send(user, "flask");
    expect(textOf(h.last(user))).toContain("Advanced Flask patterns");
    expect(h.logs).toEqual([]);
  });

  it("answers an unknown command with a pointer to /help", async () => {
    const { reply } = await newUserSends("/nonsense");
    expect(textOf(reply)).toContain("/help");
  });

  it("treats paging buttons of unknown or someone else's queries as outdated", async () => {
    const { h, user: alice } = newUser();
    const bob = testUser();
    await h.send(alice, "python tricks");
    const next = callbackDataOf(h.last(alice)).find((d) => d.startsWith("sr:1:")) as string;
    const forged = await h.pressData(bob, next);
    expect(callsOf(forged, "answerCallbackQuery")[0]?.payload.text).toContain("outdated");
    expect(callsOf(forged, "editMessageText")).toHaveLength(0);
    const unknown = await h.pressData(alice, "sr:0:AAAAAAAA", h.last(alice));
    expect(callsOf(unknown, "answerCallbackQuery")[0]?.payload.text).toContain("outdated");
  });

  it("searches in the user's language", async () => {
    const { reply } = await newUserSends("фласк", { lang: "ru" });
    expect(textOf(reply)).toContain("Продвинутые паттерны Flask");
  });
});
