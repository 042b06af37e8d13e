/** Helpers for e2e tests that reach the bot's own HTTP server (the Mini App, the room screens). */
import { createServer } from "node:net";
import type { BotProcess } from "./spawn-bot.js";

/** A free local port for the bot's HTTP server. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Waits until the bot's HTTP server at `base` answers /healthz; throws with the bot's output after `timeoutMs`. */
export async function waitForHttp(base: string, bot: BotProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (
    !(await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (Date.now() > deadline) throw new Error(`the bot's HTTP server did not start\n${bot.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
