import { pino } from "pino";
import { describe, expect, it, onTestFinished } from "vitest";
import { createHarness, testUser, textOf } from "../../test/support/bot-harness.js";
import { signInitData } from "../webapp/server/init-data.js";
import { createWebappHandler } from "../webapp/server/routes.js";
import { WEBAPP_DIST } from "../webapp/server/static-dir.js";
import { MAX_WEBHOOK_BODY_BYTES, startWebhook } from "./run-webhook.js";

describe("webhook mode", () => {
  it("registers the webhook, serves updates on the URL's path with the secret, and /healthz", async () => {
    const h = createHarness();
    const server = await startWebhook(
      h.bot,
      { url: "https://bot.example.org/telegram/hook", port: 0, host: "127.0.0.1", secret: "s3cret_token" },
      pino({ level: "silent" }),
    );
    onTestFinished(() => server.close());
    const base = `http://127.0.0.1:${server.port}`;

    const setWebhook = h.telegram.calls.find((c) => c.method === "setWebhook");
    expect(setWebhook?.payload).toMatchObject({
      url: "https://bot.example.org/telegram/hook",
      secret_token: "s3cret_token",
    });
    expect(setWebhook?.payload.allowed_updates).toEqual(
      expect.arrayContaining(["message", "callback_query", "inline_query"]),
    );

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });

    const user = testUser();
    const update = {
      update_id: 1,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: user.id, type: "private", first_name: user.first_name },
        from: { id: user.id, is_bot: false, first_name: user.first_name, language_code: "en" },
        text: "flask",
      },
    };
    const post = (path: string, secret?: string) =>
      fetch(`${base}${path}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}),
        },
        body: JSON.stringify(update),
      });

    expect((await post("/telegram/hook", "wrong")).status).toBe(401);
    expect((await post("/telegram/hook")).status).toBe(401);
    expect((await post("/elsewhere", "s3cret_token")).status).toBe(404);
    expect(h.telegram.calls.some((c) => c.method === "sendMessage")).toBe(false);

    expect((await post("/telegram/hook", "s3cret_token")).status).toBe(200);
    expect(textOf(h.last(user))).toContain("Advanced Flask patterns");
  });

  it("serves the Mini App's routes on the same server, init data checked with the bot's token", async () => {
    const h = createHarness();
    const token = "42:test-token";
    const routes = createWebappHandler({
      ...h.deps,
      authClock: h.deps.clock,
      botToken: token,
      publicUrl: "https://bot.example.org",
      defaultReminderMinutes: 10,
      maxAuthAgeSeconds: 3600,
      staticDir: WEBAPP_DIST,
    });
    const server = await startWebhook(
      h.bot,
      { url: "https://bot.example.org/hook", port: 0, host: "127.0.0.1", secret: "s", routes },
      pino({ level: "silent" }),
    );
    onTestFinished(() => server.close());
    const base = `http://127.0.0.1:${server.port}`;
    const initData = signInitData({ user: { id: 77, first_name: "W" }, authDate: h.deps.clock() }, token);
    expect((await fetch(`${base}/api/me`)).status).toBe(401);
    const me = await fetch(`${base}/api/me`, { headers: { authorization: `tma ${initData}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { id: number } }).user.id).toBe(77);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/nothing`)).status).toBe(404);
  });

  it("makes up a secret when none is configured", async () => {
    const h = createHarness();
    const server = await startWebhook(
      h.bot,
      { url: "https://bot.example.org/", port: 0, host: "127.0.0.1" },
      pino({ level: "silent" }),
    );
    onTestFinished(() => server.close());
    const secret = h.telegram.calls.find((c) => c.method === "setWebhook")?.payload.secret_token;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it("answers 200 when a handler fails, logging the error; handles a re-delivered update_id once", async () => {
    const h = createHarness({ oncePerUpdate: true });
    // Telegram refuses the next answer with an error no handler expects: the handler throws.
    let refuse = 1;
    h.bot.api.config.use((prev, method, payload, signal) => {
      if (method === "sendMessage" && refuse-- > 0) throw new Error("injected: Telegram refused the answer");
      return prev(method, payload, signal);
    });
    const server = await startWebhook(
      h.bot,
      { url: "https://bot.example.org/hook", port: 0, host: "127.0.0.1", secret: "s" },
      pino({ level: "silent" }),
    );
    onTestFinished(() => server.close());
    const user = testUser();
    const post = (update_id: number, text: string) =>
      fetch(`http://127.0.0.1:${server.port}/hook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "s" },
        body: JSON.stringify({
          update_id,
          message: {
            message_id: update_id,
            date: 0,
            chat: { id: user.id, type: "private", first_name: user.first_name },
            from: { id: user.id, is_bot: false, first_name: user.first_name, language_code: "en" },
            text,
          },
        }),
      });
    const sends = () => h.telegram.calls.filter((c) => c.method === "sendMessage").length;

    // The handler throws; the webhook says 200 all the same, and the error is logged as in polling.
    expect((await post(10, "flask")).status).toBe(200);
    expect(
      h.logs.some((l) => l.msg === "update failed" && (l as { update_id?: number }).update_id === 10),
    ).toBe(true);

    // Delivered again (Telegram retries on timeouts too): not handled a second time.
    expect((await post(11, "flask")).status).toBe(200);
    const after = sends();
    expect((await post(11, "flask")).status).toBe(200);
    expect((await post(11, "flask")).status).toBe(200);
    expect(sends()).toBe(after);
  });

  it("refuses bodies over the limit with 413 and anything that is not an update with 400", async () => {
    const h = createHarness();
    const server = await startWebhook(
      h.bot,
      { url: "https://bot.example.org/hook", port: 0, host: "127.0.0.1", secret: "s" },
      pino({ level: "silent" }),
    );
    onTestFinished(() => server.close());
    const post = (body: string) =>
      fetch(`http://127.0.0.1:${server.port}/hook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "s" },
        body,
      });
    const huge = JSON.stringify({ update_id: 1, message: { text: "x".repeat(MAX_WEBHOOK_BODY_BYTES) } });
    expect((await post(huge)).status).toBe(413);
    expect((await post("{not json")).status).toBe(400);
    expect((await post('{"message":{}}')).status).toBe(400);
    expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);
    expect(h.telegram.calls.some((c) => c.method === "sendMessage")).toBe(false);
  });
});
