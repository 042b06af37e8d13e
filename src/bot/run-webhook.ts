import { randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type Bot, BotError } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import type { BotContext } from "./context.js";
import { ALLOWED_UPDATES } from "./run-polling.js";

/**
 * The largest webhook body accepted. Telegram's updates are a few kilobytes (a message is at most 4,096
 * characters, a callback query carries one message); anything bigger is not Telegram and gets 413 unread.
 */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

/** Telegram gives a webhook request about 10 s; answer before that and let a slow update finish on its own. */
const ANSWER_WITHIN_MS = 9_000;

/** What webhook mode needs: the public URL Telegram posts to, the local port, and the shared secret. */
export interface WebhookOptions {
  url: string;
  port: number;
  /** Telegram sends it in X-Telegram-Bot-Api-Secret-Token; a random one is made when none is configured. */
  secret?: string;
  /** Bind address (default: all interfaces). */
  host?: string;
  /** Other routes served on the same server (the Mini App's); returns true when it handled the request. */
  routes?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

/** A running webhook server. */
export interface WebhookServer {
  server: Server;
  /** The port it listens on (useful with port 0). */
  port: number;
  /** Stops accepting requests and waits for open ones (and the updates they carry) to finish. */
  close(): Promise<void>;
}

/** Why a body was refused: too big (413) or not an update (400). */
class BadBody extends Error {
  constructor(readonly status: 400 | 413) {
    super(status === 413 ? "body too large" : "not a Telegram update");
  }
}

/** Reads a request body of at most `max` bytes; stops reading and throws BadBody(413) beyond it. */
async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  if (Number(req.headers["content-length"] ?? 0) > max) throw new BadBody(413);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new BadBody(413);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The update in a body, or BadBody(400): JSON with a numeric update_id. */
function parseUpdate(body: Buffer): Update {
  let value: unknown;
  try {
    value = JSON.parse(body.toString("utf8"));
  } catch {
    throw new BadBody(400);
  }
  const id = (value as { update_id?: unknown } | null)?.update_id;
  if (typeof id !== "number" || !Number.isSafeInteger(id)) throw new BadBody(400);
  return value as Update;
}

function sameSecret(given: string | string[] | undefined, secret: Buffer): boolean {
  if (typeof given !== "string") return false;
  const b = Buffer.from(given);
  return b.length === secret.length && timingSafeEqual(b, secret);
}

function answer(res: ServerResponse, status: number, body = ""): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "application/json" });
  res.end(body);
}

/**
 * Serves the bot over a webhook with node:http: POSTs to the URL's path (checked against the secret) carry
 * updates, GET /healthz answers 200 for health checks, then `routes` (the Mini App's), anything else 404. Registers the webhook with Telegram.
 *
 * An update is answered 200 whatever its handler did: errors are caught and logged by the bot's error handler,
 * exactly as in long polling, because any other answer makes Telegram deliver the update again and repeat
 * its side effects. (Re-deliveries that still come — a timeout, a second replica — are recognised by update_id:
 * see src/bot/middleware/once.ts.) Bodies over MAX_WEBHOOK_BODY_BYTES get 413 without being read.
 */
export async function startWebhook(
  bot: Bot<BotContext>,
  options: WebhookOptions,
  logger: Logger,
): Promise<WebhookServer> {
  await bot.init();
  const secret = options.secret ?? randomBytes(24).toString("base64url");
  const secretBytes = Buffer.from(secret);
  const path = new URL(options.url).pathname || "/";
  const handling = new Set<Promise<void>>();

  const handle = (update: Update): Promise<void> => {
    const done = bot
      .handleUpdate(update)
      .catch(async (err: unknown) => {
        if (err instanceof BotError) await bot.errorHandler(err);
        else throw err;
      })
      .catch((err: unknown) => logger.error({ err, update_id: update.update_id }, "update failed"))
      .finally(() => handling.delete(done));
    handling.add(done);
    return done;
  };

  const onPost = async (req: IncomingMessage, res: ServerResponse) => {
    if (!sameSecret(req.headers["x-telegram-bot-api-secret-token"], secretBytes)) {
      req.resume();
      return answer(res, 401, '{"ok":false,"description":"secret token is wrong"}');
    }
    let update: Update;
    try {
      update = parseUpdate(await readBody(req, MAX_WEBHOOK_BODY_BYTES));
    } catch (e) {
      if (!(e instanceof BadBody)) throw e;
      logger.warn(
        { status: e.status, length: req.headers["content-length"] },
        `webhook request refused: ${e.message}`,
      );
      // The rest of a huge body is discarded as it streams in (node dumps an unread request), never buffered.
      return answer(res, e.status);
    }
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ANSWER_WITHIN_MS);
    });
    await Promise.race([handle(update), late]);
    clearTimeout(timer);
    answer(res, 200, '{"ok":true}');
  };

  const server = createServer((req, res) => {
    const reqPath = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && reqPath === "/healthz") return answer(res, 200, '{"ok":true}');
    if (req.method === "POST" && reqPath === path) {
      onPost(req, res).catch((err: unknown) => {
        logger.error({ err }, "webhook request failed");
        answer(res, 500);
      });
      return;
    }
    if (options.routes?.(req, res)) return;
    req.resume();
    answer(res, 404);
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
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await Promise.allSettled([...handling]);
    },
  };
}
