import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { autoRetry } from "@grammyjs/auto-retry";
import { Api, HttpError } from "grammy";
import { describe, expect, it, onTestFinished } from "vitest";
import { BotApiServer } from "../../test/support/bot-api-server.js";
import { boundedCalls } from "./bounded-calls.js";

const BOUNDS = { requestTimeoutMs: 300, budgetMs: 1500, attempts: 3, retryDelayMs: 20 };

function api(token: string, apiRoot: string): Api {
  const a = new Api(token, { apiRoot, timeoutSeconds: 60 });
  a.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 10, rethrowHttpErrors: true }));
  a.config.use(boundedCalls(BOUNDS));
  return a;
}

describe("bounded Bot API calls", () => {
  it("retries a dropped connection a bounded number of times, then fails with HttpError", async () => {
    const server = await BotApiServer.start();
    onTestFinished(() => server.close());
    server.failNext({ method: "sendMessage", code: "network", times: 100 });
    const error = await api(server.token, server.apiRoot)
      .sendMessage(1, "hi")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(server.stats().calls.sendMessage).toBe(BOUNDS.attempts);
  });

  it("gets through when the network comes back within the tries", async () => {
    const server = await BotApiServer.start();
    onTestFinished(() => server.close());
    server.failNext({ method: "sendMessage", code: "network", times: 2 });
    await api(server.token, server.apiRoot).sendMessage(1, "hi");
    expect(server.stats().sentPerChat).toEqual({ 1: 1 });
  });

  it("gives up on a server that never answers once the call's time is spent", async () => {
    const hanging = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
    onTestFinished(() => {
      hanging.closeAllConnections();
      hanging.close();
    });
    let requests = 0;
    hanging.on("request", () => requests++);
    const root = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
    const error = await api("1:token", root)
      .sendMessage(1, "hi")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(requests).toBe(BOUNDS.attempts);
  });
});
