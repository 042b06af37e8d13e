import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import { type Bot, webhookCallback } from "grammy";
import type { Logger } from "pino";
import type { BotContext } from "./context.js";
import { ALLOWED_UPDATES } from "./run-polling.js";

/** What webhook mode needs: the public URL Telegram posts to, the local port, and the shared secret. */
export interface WebhookOptions {
  url: string;
  port: number;
  /** Telegram sends it in X-Telegram-Bot-Api-Secret-Token; a random one is made when none is configured. */
  secret?: string;
  /** Bind address (default: all interfaces). */
  host?: string;
}

/** A running webhook server. */
export interface WebhookServer {
  server: Server;
  /** The port it listens on (useful with port 0). */
  port: number;
  /** Stops accepting requests and waits for open ones to finish. */
  close(): Promise<void>;
}

/**
 * Serves the bot over a webhook with node:http: POSTs to the URL's path go to grammY (checked against the
 * secret), GET /healthz answers 200 for health checks, anything else 404. Registers the webhook with Telegram.
 */
export async function startWebhook(
  bot: Bot<BotContext>,
  options: WebhookOptions,
  logger: Logger,
): Promise<WebhookServer> {
  await bot.init();
  const secret = options.secret ?? randomBytes(24).toString("base64url");
  const path = new URL(options.url).pathname || "/";
  const handleUpdate = webhookCallback(bot, "http", {
    secretToken: secret,
    onTimeout: "return",
    timeoutMilliseconds: 9_000,
  });
  const server = createServer((req, res) => {
    const reqPath = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && reqPath === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      return;
    }
    if (req.method === "POST" && reqPath === path) {
      handleUpdate(req, res).catch((err: unknown) => {
        logger.error({ err: err instanceof Error ? err.message : String(err) }, "webhook request failed");
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  await bot.api.setWebhook(options.url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
  logger.info({ bot: bot.botInfo.username, port, path }, "webhook server started");
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
