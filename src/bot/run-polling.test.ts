import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createHarness, testUser } from "../../test/support/bot-harness.js";
import { startPolling } from "./run-polling.js";

describe("long polling", () => {
  it("stop() waits for the updates in hand to be handled", async () => {
    const h = createHarness();
    const user = testUser();
    let served = false;
    let replying!: () => void;
    const reached = new Promise<void>((resolve) => {
      replying = resolve;
    });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Telegram's side: one search in the first getUpdates, then nothing; the bot's reply is slow to go out.
    h.bot.api.config.use(async (prev, method, payload, signal) => {
      if (method === "getUpdates") {
        if (!served) {
          served = true;
          const message = {
            message_id: 1,
            date: 0,
            chat: { id: user.id, type: "private", first_name: user.first_name },
            from: { id: user.id, is_bot: false, first_name: user.first_name },
            text: "flask",
          };
          return { ok: true, result: [{ update_id: 1, message }] } as never;
        }
        return new Promise((_, reject) =>
          signal?.addEventListener("abort", () => reject(new Error("aborted"))),
        );
      }
      if (method === "sendMessage") {
        replying();
        await gate;
      }
      return prev(method, payload, signal);
    });
    const polling = await startPolling(h.bot, pino({ level: "silent" }));
    await reached;
    let stopped = false;
    const stopping = polling.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(h.chat(user)).toHaveLength(1);
    expect(h.logs).toEqual([]);
  });
});
