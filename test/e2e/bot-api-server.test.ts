import { Api, GrammyError, InputFile } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { BotApiServer } from "../support/bot-api-server.js";

let server: BotApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(options: Parameters<typeof BotApiServer.start>[0] = {}) {
  server = await BotApiServer.start(options);
  return { server, api: new Api(server.token, { apiRoot: server.apiRoot }) };
}

describe("the local Bot API server", () => {
  it("serves getMe and refuses a wrong token", async () => {
    const { server, api } = await setup();
    expect((await api.getMe()).username).toBe(server.botInfo.username);
    const wrong = new Api("1:wrong", { apiRoot: server.apiRoot });
    await expect(wrong.getMe()).rejects.toMatchObject({ error_code: 401 });
  });

  it("long polls: waits for an update, honours offset", async () => {
    const { server, api } = await setup();
    const user = { id: 5, first_name: "Ann" };
    const poll = api.getUpdates({ timeout: 5 });
    server.sendText(user, "/start");
    const [first] = await poll;
    expect(first?.message?.text).toBe("/start");
    expect(first?.message?.entities?.[0]).toMatchObject({ type: "bot_command", length: 6 });
    server.sendText(user, "second");
    const next = await api.getUpdates({ offset: (first?.update_id ?? 0) + 1, timeout: 1 });
    expect(next.map((u) => u.message?.text)).toEqual(["second"]);
    expect(await api.getUpdates({ offset: (next[0]?.update_id ?? 0) + 1, timeout: 0 })).toEqual([]);
  });

  it("answers a second getUpdates while one waits with 409 Conflict, like Telegram", async () => {
    const { server, api } = await setup();
    const poll = api.getUpdates({ timeout: 5 });
    await server.waitForRequest((r) => r.method === "getUpdates");
    await expect(api.getUpdates({ timeout: 1 })).rejects.toMatchObject({ error_code: 409 });
    server.sendText({ id: 5, first_name: "Ann" }, "hi");
    expect((await poll).map((u) => u.message?.text)).toEqual(["hi"]);
    // The first poll is over: the next one is served.
    expect(await api.getUpdates({ timeout: 0 })).toHaveLength(1);
  });

  it("stores messages per chat, edits them, and lets the user press buttons", async () => {
    const { server, api } = await setup();
    const user = { id: 7, first_name: "Bo" };
    const sent = await api.sendMessage(7, "<b>Hi</b> &amp; bye", {
      parse_mode: "HTML",
      reply_markup: { inline_keyboard: [[{ text: "Go", callback_data: "go" }]] },
    });
    const m = await server.waitFor((x) => x.chatId === 7);
    expect(m).toMatchObject({ messageId: sent.message_id, text: "Hi & bye", buttons: ["Go"] });
    const id = server.pressButton(user, m, "Go");
    const [update] = await api.getUpdates({ timeout: 1 });
    expect(update?.callback_query).toMatchObject({
      id,
      data: "go",
      message: { message_id: sent.message_id },
    });
    await api.answerCallbackQuery(id, { text: "ok" });
    expect(await server.waitForAnswer(id)).toEqual({ text: "ok" });
    const mark = server.mark();
    await api.editMessageText(7, sent.message_id, "changed");
    expect(await server.waitFor((x) => x.seq > mark)).toMatchObject({ text: "changed", edited: true });
    await expect(api.editMessageText(7, sent.message_id, "changed")).rejects.toThrow(
      /message is not modified/,
    );
  });

  it("refuses what Telegram refuses: long texts, bad HTML, long callback_data", async () => {
    const { api } = await setup();
    await expect(api.sendMessage(1, "x".repeat(4097))).rejects.toThrow(/message is too long/);
    await expect(api.sendMessage(1, "a < b", { parse_mode: "HTML" })).rejects.toThrow(/can't parse entities/);
    await expect(
      api.sendMessage(1, "x", {
        reply_markup: { inline_keyboard: [[{ text: "b", callback_data: "x".repeat(65) }]] },
      }),
    ).rejects.toThrow(/BUTTON_DATA_INVALID/);
  });

  it("records documents sent as multipart", async () => {
    const { server, api } = await setup();
    await api.sendDocument(3, new InputFile(Buffer.from("BEGIN:VCALENDAR"), "my.ics"), {
      caption: "Your sessions",
    });
    expect(await server.waitFor((m) => m.chatId === 3)).toMatchObject({
      document: { filename: "my.ics" },
      text: "Your sessions",
    });
    expect(server.requests.find((r) => r.method === "sendDocument")?.payload.document).toEqual({
      filename: "my.ics",
      size: 15,
    });
  });

  it("injects faults for matching calls, then behaves again", async () => {
    const { server, api } = await setup();
    server.failNext({ method: "sendMessage", chatId: 9, code: 429, retryAfter: 3, times: 2 });
    server.failNext({ method: "sendMessage", code: 403 });
    const error = await api.sendMessage(9, "a").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 429, parameters: { retry_after: 3 } });
    await expect(api.sendMessage(8, "other chat")).rejects.toMatchObject({ error_code: 403 });
    await expect(api.sendMessage(9, "b")).rejects.toMatchObject({ error_code: 429 });
    await api.sendMessage(9, "c");
    const stats = server.stats();
    expect(stats.sentPerChat).toEqual({ 9: 1 });
    expect(stats.tooManyRequests).toBe(2);
    expect(stats.injected).toEqual({ 429: 2, 403: 1 });
  });

  it("enforces a rate limit per chat and overall with 429 and retry_after", async () => {
    let now = 1_000_000;
    const { server, api } = await setup({ rateLimit: { perSecond: 3, perChatPerSecond: 1 }, now: () => now });
    await api.sendMessage(1, "a");
    await expect(api.sendMessage(1, "b")).rejects.toMatchObject({
      error_code: 429,
      parameters: { retry_after: 1 },
    });
    await api.sendMessage(2, "c");
    await api.sendMessage(3, "d");
    await expect(api.sendMessage(4, "e")).rejects.toMatchObject({ error_code: 429 });
    now += 1000;
    await api.sendMessage(1, "b again");
    expect(server.stats()).toMatchObject({ tooManyRequests: 2, sentPerChat: { 1: 2, 2: 1, 3: 1 } });
  });

  it("answers inline queries to the user", async () => {
    const { server, api } = await setup();
    const answer = server.inlineQuery({ id: 4, first_name: "Cy" }, "flask");
    const [update] = await api.getUpdates({ timeout: 1 });
    await api.answerInlineQuery(update?.inline_query?.id ?? "", [
      { type: "article", id: "a", title: "A", input_message_content: { message_text: "A" } },
    ]);
    expect((await answer).map((r) => r.id)).toEqual(["a"]);
  });
});
