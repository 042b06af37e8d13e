/**
 * A local Bot API server for end-to-end tests: node:http on 127.0.0.1 (port 0) serving /bot<token>/<method>
 * like api.telegram.org, with the user's side scripted by the test.
 *
 * Bot side: getMe, getUpdates (real long polling: offset, limit, timeout; a second one while one waits gets 409
 * Conflict, as from Telegram), deleteWebhook, setWebhook,
 * setMyCommands, sendMessage, editMessageText, editMessageReplyMarkup, answerCallbackQuery, answerInlineQuery,
 * sendDocument (multipart, recorded), deleteMessage, setChatMenuButton, getChat, and a harmless `true` for other
 * methods. Messages are checked like Telegram checks them (HTML, 4,096 characters, 64-byte callback_data,
 * "message is not modified") by the same in-memory Telegram the console uses, and kept per chat with ids.
 *
 * User side: sendText, sendSticker, sendUpdate, pressButton, pressData, inlineQuery, waitFor; say and press
 * (the user acts and the test waits for the bot's answer).
 *
 * Webhook mode: after {@link BotApiServer.deliverTo} with the bots' local URLs (a load balancer in front of
 * replicas, taking turns), updates are POSTed there with the secret of the bot's setWebhook instead of being
 * kept for getUpdates; an answer other than 2xx (or a dropped connection) is delivered again after a pause, as
 * Telegram does. {@link BotApiServer.redeliver} repeats a delivery (Telegram after a timeout);
 * `webhookDeliveries` records every attempt.
 *
 * Faults, for testing delivery: `failNext({ method?, chatId?, code, retryAfter?, times })` answers the next
 * matching calls with that error; `setRateLimit({ perSecond, perChatPerSecond })` answers sends beyond the
 * limits with 429 and retry_after; `setOutage({ mode: "refuse" | "stall", until? })` takes the whole API down;
 * `stats()` counts sends per chat, 429s returned and calls per method.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { InlineKeyboardButton, InlineQueryResult, Message, Update, UserFromGetMe } from "grammy/types";
import { localBotInfo } from "../../src/bot/bot-info.js";
import { parseTelegramHtml } from "../../src/bot/console/html.js";
import { type LocalMessage, LocalTelegram } from "../../src/bot/console/local-telegram.js";

/** A Telegram user played by the test. */
export interface ApiUser {
  id: number;
  first_name: string;
  language_code?: string;
  username?: string;
}

/** A message the bot sent, as it stands now. */
export interface ServerMessage {
  /** Grows with every change on the server (send, edit, delete): compare with {@link BotApiServer.mark}. */
  seq: number;
  chatId: number;
  messageId: number;
  /** What the user reads: tags removed, entities decoded. */
  text: string;
  /** The text as the bot sent it (HTML in HTML mode). */
  html: string;
  parseMode?: string;
  replyMarkup?: Record<string, unknown>;
  /** Labels of the inline or reply keyboard, in reading order. */
  buttons: string[];
  document?: { filename: string };
  edited: boolean;
  deleted: boolean;
}

/** An error to answer instead of handling a call. */
export interface Fault {
  /** Only calls of this method (any when absent). */
  method?: string;
  /** Only calls for this chat (any when absent). */
  chatId?: number;
  /** An HTTP error code, or "network": the connection is dropped before the call is handled (nothing is sent). */
  code: 400 | 403 | 409 | 429 | 500 | "network";
  /** For 429: seconds in `parameters.retry_after` (default 1). */
  retryAfter?: number;
  /** How many matching calls fail (default 1). */
  times?: number;
  description?: string;
}

/** Telegram-like sending limits: over them, sends get 429 with retry_after. */
export interface RateLimit {
  perSecond: number;
  perChatPerSecond: number;
  /** Sends with `allow_paid_broadcast` are counted apart, against this (Telegram: 1,000 a second). */
  paidPerSecond?: number;
}

/** What the server has counted. */
export interface ServerStats {
  /** Messages successfully sent (sendMessage, sendDocument, …) per chat id. */
  sentPerChat: Record<number, number>;
  /** 429 answers returned (injected and rate-limited). */
  tooManyRequests: number;
  /** Messages sent with `allow_paid_broadcast` (each would cost Stars). */
  paid: number;
  /** Errors returned by injected faults, by code. */
  injected: Record<number, number>;
  /** Calls received per method. */
  calls: Record<string, number>;
}

/** One attempt to deliver an update to a webhook. */
export interface WebhookDelivery {
  updateId: number;
  target: string;
  /** The HTTP status, or 0 when the connection failed. */
  status: number;
  at: number;
}

/** One recorded request of the bot. */
export interface ServerRequest {
  method: string;
  payload: Record<string, unknown>;
  status: number;
  at: number;
}

const SEND_METHODS = new Set(["sendMessage", "sendDocument", "sendPhoto", "copyMessage", "forwardMessage"]);

const DEFAULT_BOT: UserFromGetMe = localBotInfo({
  id: 777001,
  first_name: "Conf bot",
  username: "conf_e2e_bot",
  can_join_groups: true,
});

type Poller = {
  resolve: (updates: Update[]) => void;
  offset: number;
  limit: number;
  timer: NodeJS.Timeout;
  res: ServerResponse;
};
type Waiter = { check: () => boolean };

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function maybeJson(value: string): unknown {
  if (/^[[{]/.test(value) || value === "true" || value === "false" || /^-?\d+$/.test(value)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

/** Parses multipart/form-data: text fields (JSON-decoded where they are JSON) and files (name and size). */
function parseMultipart(body: Buffer, boundary: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const files: Record<string, { filename: string; size: number }> = {};
  const raw = body.toString("latin1");
  for (const part of raw.split(`--${boundary}`)) {
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd < 0) continue;
    const headers = part.slice(0, headerEnd);
    const content = part.slice(headerEnd + 4).replace(/\r\n$/, "");
    const name = /[;:\s]name="?([^";\r\n]*)"?/i.exec(headers)?.[1];
    if (!name) continue;
    const filename = /filename="?([^";\r\n]*)"?/i.exec(headers)?.[1];
    if (filename !== undefined) files[name] = { filename, size: Buffer.byteLength(content, "latin1") };
    else fields[name] = maybeJson(Buffer.from(content, "latin1").toString("utf8"));
  }
  for (const [key, value] of Object.entries(fields))
    if (typeof value === "string" && value.startsWith("attach://"))
      fields[key] = files[value.slice(9)] ?? value;
  for (const [key, file] of Object.entries(files)) if (!(key in fields)) fields[key] = file;
  return fields;
}

/** The local Bot API server. Start with {@link BotApiServer.start}; stop with `close`. */
export class BotApiServer {
  readonly botInfo: UserFromGetMe;
  /** Every request of the bot, oldest first. */
  readonly requests: ServerRequest[] = [];
  /** setMyCommands by language_code ("" for the default list). */
  readonly commands = new Map<string, { command: string; description: string }[]>();
  /** answerCallbackQuery payloads by callback query id. */
  readonly callbackAnswers = new Map<string, { text?: string; show_alert?: boolean }>();
  /** answerInlineQuery results by inline query id. */
  readonly inlineAnswers = new Map<string, InlineQueryResult[]>();

  private readonly telegram: LocalTelegram;
  private readonly server: Server;
  private readonly updates: Update[] = [];
  private nextUpdateId = 1;
  private pollers: Poller[] = [];
  private waiters: Waiter[] = [];
  private readonly seqs = new Map<string, number>();
  private seq = 0;
  private queryId = 0;
  private faults: (Fault & { times: number })[] = [];
  private outage: { mode: "refuse" | "stall"; until?: number } | undefined;
  private readonly stalled = new Set<IncomingMessage>();
  private rateLimit: RateLimit | undefined;
  private latencyMs = 0;
  private readonly sentTimes: number[] = [];
  private readonly sentTimesPerChat = new Map<number, number[]>();
  private readonly paidTimes: number[] = [];
  private readonly counters: ServerStats = {
    sentPerChat: {},
    tooManyRequests: 0,
    paid: 0,
    injected: {},
    calls: {},
  };
  private closed = false;
  private webhook: { url: string; secret?: string } | undefined;
  private webhookTargets: string[] = [];
  private nextTarget = 0;
  private readonly undelivered: Update[] = [];
  /** Every attempt to deliver an update to a webhook target, oldest first. */
  readonly webhookDeliveries: WebhookDelivery[] = [];

  private constructor(
    readonly token: string,
    botInfo: Partial<UserFromGetMe>,
    private readonly now: () => number,
  ) {
    this.botInfo = { ...DEFAULT_BOT, ...botInfo };
    this.telegram = new LocalTelegram(this.botInfo, now);
    this.server = createServer((req, res) => {
      this.route(req, res).catch((e: unknown) => {
        if (!res.headersSent) this.reply(res, 500, { ok: false, error_code: 500, description: String(e) });
      });
    });
  }

  /** Starts a server on 127.0.0.1 with a free port. */
  static async start(
    options: {
      token?: string;
      botInfo?: Partial<UserFromGetMe>;
      rateLimit?: RateLimit;
      now?: () => number;
    } = {},
  ): Promise<BotApiServer> {
    const s = new BotApiServer(
      options.token ?? "777001:e2e-test-token-abcdefghijklmnop",
      options.botInfo ?? {},
      options.now ?? Date.now,
    );
    s.rateLimit = options.rateLimit;
    await new Promise<void>((resolve) => s.server.listen(0, "127.0.0.1", resolve));
    return s;
  }

  /** The value for BOT_API_ROOT / grammY's apiRoot. */
  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Answers the next matching calls with an error instead of handling them. */
  failNext(fault: Fault): void {
    this.faults.push({ ...fault, times: fault.times ?? 1 });
  }

  /** Enforces (or with undefined, lifts) Telegram-like sending limits. */
  setRateLimit(limit: RateLimit | undefined): void {
    this.rateLimit = limit;
  }

  /**
   * Delays every answer by `ms` after the call was handled (a message is already sent when its answer is still
   * on the way): makes sends pile up in flight, as over a slow network.
   */
  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  /**
   * An outage of the whole API until `until` (the server's clock; forever when absent): "refuse" drops every
   * connection at once, "stall" holds every request unanswered (the client times out) and drops it when the
   * outage ends. Nothing is handled meanwhile. `undefined` ends it now.
   */
  setOutage(outage: { mode: "refuse" | "stall"; until?: number } | undefined): void {
    this.outage = outage;
    if (!outage) {
      this.endStalls();
      return;
    }
    // The connections open now go down with the network: a long poll in hand included.
    for (const p of this.pollers.splice(0)) {
      clearTimeout(p.timer);
      p.res.socket?.destroy();
    }
  }

  /** Lifts every fault still waiting to strike (see failNext). */
  clearFaults(): void {
    this.faults = [];
  }

  /**
   * Delivers updates by webhook to `targets` (the bots' local http URLs, path included), taking turns, once the
   * bot has called setWebhook; an empty list goes back to getUpdates.
   */
  deliverTo(targets: string[]): void {
    this.webhookTargets = targets;
    this.flushWebhook();
  }

  /** Delivers an update already delivered once more (as Telegram does when an answer timed out). */
  redeliver(updateId: number): Promise<number> {
    const update = this.delivered.get(updateId);
    if (!update) throw new Error(`update ${updateId} was never delivered by webhook`);
    return this.post(update);
  }

  /** The id the next update will get. */
  get nextUpdate(): number {
    return this.nextUpdateId;
  }

  /** A copy of the counters. */
  stats(): ServerStats {
    return structuredClone(this.counters);
  }

  /** The current change sequence: messages changed after this have a greater `seq`. */
  mark(): number {
    return this.seq;
  }

  /** The bot's messages (all chats, or one), oldest first, deleted ones included and marked. */
  messages(chatId?: number): ServerMessage[] {
    const chats = chatId === undefined ? [...this.chatIds()] : [chatId];
    return chats
      .flatMap((id) => this.telegram.messages(id))
      .filter((m) => m.fromBot)
      .map((m) => this.snapshot(m))
      .sort((a, b) => a.seq - b.seq);
  }

  /** Queues an update (update_id is assigned) for the bot's next getUpdates; returns the mark before it. */
  sendUpdate(update: Omit<Update, "update_id">): number {
    const mark = this.seq;
    const full = { update_id: this.nextUpdateId++, ...update } as Update;
    if (this.webhookTargets.length) {
      this.undelivered.push(full);
      this.flushWebhook();
    } else {
      this.updates.push(full);
      this.flushPollers();
    }
    return mark;
  }

  /** The user writes text in their private chat with the bot (commands get their entity). */
  sendText(user: ApiUser, text: string): number {
    const command = /^\/\w+(?:@\w+)?/.exec(text);
    return this.sendUserMessage(user, text, {
      text,
      ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
    });
  }

  /** The user sends a sticker. */
  sendSticker(user: ApiUser): number {
    return this.sendUserMessage(user, "", {
      sticker: {
        file_id: "sticker",
        file_unique_id: "sticker",
        type: "regular",
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
        emoji: "🐍",
      },
    });
  }

  /** Queues a message of the user in their private chat with the bot; returns the mark before it. */
  private sendUserMessage(
    user: ApiUser,
    text: string,
    content: Pick<Message.TextMessage, "text" | "entities"> | Pick<Message.StickerMessage, "sticker">,
  ): number {
    const m = this.telegram.userMessage(user.id, text);
    return this.sendUpdate({
      message: {
        message_id: m.messageId,
        date: Math.floor(this.now() / 1000),
        chat: { id: user.id, type: "private", first_name: user.first_name },
        from: { is_bot: false, ...user },
        ...content,
      },
    });
  }

  /**
   * The user presses a button of a bot message: by index in reading order or the first label containing the
   * text. Callback buttons send a callback query (its id is returned, see {@link waitForAnswer}); reply-keyboard
   * buttons send their label as text (the mark is returned as a string).
   */
  pressButton(user: ApiUser, message: ServerMessage, button: number | string): string {
    const current = this.telegram.message(message.chatId, message.messageId);
    if (!current) throw new Error(`no message ${message.messageId} in chat ${message.chatId}`);
    const markup = current.replyMarkup as
      | { inline_keyboard?: InlineKeyboardButton[][]; keyboard?: { text: string }[][] }
      | undefined;
    if (markup?.keyboard) {
      const labels = markup.keyboard.flat().map((b) => b.text);
      const label = typeof button === "number" ? labels[button] : labels.find((l) => l.includes(button));
      if (label === undefined)
        throw new Error(`no button ${JSON.stringify(button)} among ${JSON.stringify(labels)}`);
      return String(this.sendText(user, label));
    }
    const buttons = markup?.inline_keyboard?.flat() ?? [];
    const b = typeof button === "number" ? buttons[button] : buttons.find((x) => x.text.includes(button));
    if (!b || !("callback_data" in b))
      throw new Error(
        `no callback button ${JSON.stringify(button)} among ${JSON.stringify(buttons.map((x) => x.text))}`,
      );
    return this.pressData(user, b.callback_data, message);
  }

  /** A callback query with arbitrary data (a forged or outdated button); returns its id. */
  pressData(user: ApiUser, data: string, message?: ServerMessage): string {
    const id = `cq${++this.queryId}`;
    const m = message && this.telegram.message(message.chatId, message.messageId);
    this.sendUpdate({
      callback_query: {
        id,
        from: { is_bot: false, ...user },
        chat_instance: `ci${user.id}`,
        ...(m ? { message: this.telegram.toTelegram(m, user) } : {}),
        data,
      },
    });
    return id;
  }

  /** The user types "@bot query"; resolves with the bot's answer. */
  async inlineQuery(user: ApiUser, query: string, timeoutMs = 10_000): Promise<InlineQueryResult[]> {
    const id = `iq${++this.queryId}`;
    this.sendUpdate({
      inline_query: { id, from: { is_bot: false, ...user }, query, offset: "", chat_type: "sender" },
    });
    await this.until(() => this.inlineAnswers.has(id), timeoutMs, `an answer to inline query "${query}"`);
    return this.inlineAnswers.get(id) ?? [];
  }

  /** Resolves with the bot's answer to a callback query. */
  async waitForAnswer(
    callbackQueryId: string,
    timeoutMs = 10_000,
  ): Promise<{ text?: string; show_alert?: boolean }> {
    await this.until(
      () => this.callbackAnswers.has(callbackQueryId),
      timeoutMs,
      `an answer to ${callbackQueryId}`,
    );
    return this.callbackAnswers.get(callbackQueryId) ?? {};
  }

  /** Resolves with the first message (sent, edited or deleted) that satisfies the predicate, now or later. */
  async waitFor(predicate: (m: ServerMessage) => boolean, timeoutMs = 10_000): Promise<ServerMessage> {
    let found: ServerMessage | undefined;
    await this.until(
      () => {
        found = this.messages().find(predicate);
        return found !== undefined;
      },
      timeoutMs,
      "a matching message",
    );
    return found as ServerMessage;
  }

  /**
   * The user writes; resolves with the bot's next new or changed message in their chat — the first one
   * containing `part` when given.
   */
  async say(
    user: ApiUser,
    text: string,
    { part = "", timeoutMs = 10_000 }: { part?: string; timeoutMs?: number } = {},
  ): Promise<ServerMessage> {
    const mark = this.sendText(user, text);
    return this.waitFor((m) => m.chatId === user.id && m.seq > mark && m.text.includes(part), timeoutMs);
  }

  /**
   * The user presses a callback button (see {@link pressButton}); resolves with the answer to the press and the
   * next new or changed message in their chat — the first one containing `part` when given.
   */
  async press(
    user: ApiUser,
    message: ServerMessage,
    button: number | string,
    { part = "", timeoutMs = 10_000 }: { part?: string; timeoutMs?: number } = {},
  ): Promise<{ answer: { text?: string; show_alert?: boolean }; after: ServerMessage }> {
    const mark = this.mark();
    const id = this.pressButton(user, message, button);
    const answer = await this.waitForAnswer(id, timeoutMs);
    const after = await this.waitFor(
      (m) => m.chatId === user.id && m.seq > mark && m.text.includes(part),
      timeoutMs,
    );
    return { answer, after };
  }

  /** Resolves with the first request of the bot that satisfies the predicate, now or later. */
  async waitForRequest(predicate: (r: ServerRequest) => boolean, timeoutMs = 10_000): Promise<ServerRequest> {
    let found: ServerRequest | undefined;
    await this.until(
      () => {
        found = this.requests.find(predicate);
        return found !== undefined;
      },
      timeoutMs,
      "a matching request",
    );
    return found as ServerRequest;
  }

  /** Stops the server; pending long polls are answered with no updates. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.pollers) {
      clearTimeout(p.timer);
      p.resolve([]);
    }
    this.pollers = [];
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ── internals ────────────────────────────────────────────────────────────────────────────────────

  private *chatIds(): Iterable<number> {
    const seen = new Set<number>();
    for (const key of this.seqs.keys()) {
      const id = Number(key.split(":")[0]);
      if (!seen.has(id)) {
        seen.add(id);
        yield id;
      }
    }
  }

  private snapshot(m: LocalMessage): ServerMessage {
    const parsed = m.parseMode === "HTML" ? parseTelegramHtml(m.text) : undefined;
    const markup = m.replyMarkup as
      | { inline_keyboard?: { text: string }[][]; keyboard?: { text: string }[][] }
      | undefined;
    return {
      seq: this.seqs.get(`${m.chatId}:${m.messageId}`) ?? 0,
      chatId: m.chatId,
      messageId: m.messageId,
      text: parsed?.ok ? parsed.text : m.text,
      html: m.text,
      parseMode: m.parseMode,
      replyMarkup: m.replyMarkup ? structuredClone(m.replyMarkup) : undefined,
      buttons: (markup?.inline_keyboard ?? markup?.keyboard ?? []).flat().map((b) => b.text),
      document: m.document,
      edited: m.edited,
      deleted: m.deleted,
    };
  }

  private until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        check: () => {
          if (!condition()) return false;
          clearTimeout(timer);
          resolve();
          return true;
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  private notify(): void {
    this.waiters = this.waiters.filter((w) => !w.check());
  }

  private readonly delivered = new Map<number, Update>();

  /** Starts delivering the updates waiting for a webhook (once the bot registered one). */
  private flushWebhook(): void {
    if (!this.webhook || !this.webhookTargets.length) return;
    for (const update of this.undelivered.splice(0)) void this.deliverWithRetries(update);
  }

  /** Delivers until a target answers 2xx: again after a pause on errors, at most 10 times. */
  private async deliverWithRetries(update: Update): Promise<void> {
    this.delivered.set(update.update_id, update);
    for (let attempt = 1; attempt <= 10 && !this.closed; attempt++) {
      const status = await this.post(update);
      if (status >= 200 && status < 300) return;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }

  /** One POST of an update to the next target; resolves with the status (0: the connection failed). */
  private async post(update: Update): Promise<number> {
    const target = this.webhookTargets[this.nextTarget++ % this.webhookTargets.length] as string;
    let status = 0;
    try {
      const res = await fetch(target, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(this.webhook?.secret ? { "x-telegram-bot-api-secret-token": this.webhook.secret } : {}),
        },
        body: JSON.stringify(update),
        signal: AbortSignal.timeout(15_000),
      });
      status = res.status;
      await res.arrayBuffer();
    } catch {
      status = 0;
    }
    this.webhookDeliveries.push({ updateId: update.update_id, target, status, at: this.now() });
    this.notify();
    return status;
  }

  private flushPollers(): void {
    for (const p of [...this.pollers]) {
      const batch = this.pending(p.offset, p.limit);
      if (!batch.length) continue;
      clearTimeout(p.timer);
      this.pollers = this.pollers.filter((x) => x !== p);
      p.resolve(batch);
    }
  }

  private pending(offset: number, limit: number): Update[] {
    while (this.updates.length && (this.updates[0] as Update).update_id < offset) this.updates.shift();
    return this.updates.slice(0, limit);
  }

  private reply(res: ServerResponse, status: number, body: unknown): void {
    const send = () => {
      if (!res.destroyed)
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    };
    if (this.latencyMs > 0) setTimeout(send, this.latencyMs);
    else send();
  }

  /** Whether an outage (see setOutage) holds now; one past its end is lifted. */
  private inOutage(): "refuse" | "stall" | undefined {
    const o = this.outage;
    if (o?.until !== undefined && this.now() >= o.until) {
      this.outage = undefined;
      this.endStalls();
    }
    return this.outage?.mode;
  }

  private endStalls(): void {
    for (const req of this.stalled) req.socket.destroy();
    this.stalled.clear();
  }

  private fault(method: string, payload: Record<string, unknown>) {
    const chatId = payload.chat_id === undefined ? undefined : Number(payload.chat_id);
    const i = this.faults.findIndex(
      (f) =>
        (f.method === undefined || f.method === method) && (f.chatId === undefined || f.chatId === chatId),
    );
    if (i < 0) return undefined;
    const f = this.faults[i] as Fault & { times: number };
    if (--f.times <= 0) this.faults.splice(i, 1);
    return f;
  }

  private limited(method: string, payload: Record<string, unknown>): number | undefined {
    if (!this.rateLimit || !SEND_METHODS.has(method)) return undefined;
    const now = this.now();
    const chatId = Number(payload.chat_id);
    const prune = (times: number[]) => {
      while (times.length && (times[0] as number) <= now - 1000) times.shift();
    };
    prune(this.sentTimes);
    let perChat = this.sentTimesPerChat.get(chatId);
    if (!perChat) {
      perChat = [];
      this.sentTimesPerChat.set(chatId, perChat);
    }
    prune(perChat);
    const wait = (times: number[]) => Math.max(1, Math.ceil(((times[0] as number) + 1000 - now) / 1000));
    if (perChat.length >= this.rateLimit.perChatPerSecond) return wait(perChat);
    // Paid broadcasts ignore the free limit and have their own.
    const overall = payload.allow_paid_broadcast === true ? this.paidTimes : this.sentTimes;
    prune(overall);
    const limit =
      overall === this.paidTimes ? (this.rateLimit.paidPerSecond ?? 1000) : this.rateLimit.perSecond;
    if (overall.length >= limit) return wait(overall);
    overall.push(now);
    perChat.push(now);
    return undefined;
  }

  private async payloadOf(req: IncomingMessage, url: URL): Promise<Record<string, unknown>> {
    const payload: Record<string, unknown> = {};
    for (const [k, v] of url.searchParams) payload[k] = maybeJson(v);
    const body = await readBody(req);
    const type = req.headers["content-type"] ?? "";
    if (!body.length) return payload;
    if (type.startsWith("application/json"))
      return { ...payload, ...(JSON.parse(body.toString("utf8")) as object) };
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
    if (type.startsWith("multipart/form-data") && boundary)
      return { ...payload, ...parseMultipart(body, (boundary[1] ?? boundary[2]) as string) };
    for (const [k, v] of new URLSearchParams(body.toString("utf8"))) payload[k] = maybeJson(v);
    return payload;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const outage = this.inOutage();
    if (outage === "refuse") {
      req.socket.destroy();
      return;
    }
    if (outage === "stall") {
      this.stalled.add(req);
      req.once("close", () => this.stalled.delete(req));
      return;
    }
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!m) return this.reply(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    const [, token, method = ""] = m;
    const payload = await this.payloadOf(req, url);
    const record = (status: number) => {
      this.requests.push({ method, payload, status, at: this.now() });
      this.notify();
    };
    this.counters.calls[method] = (this.counters.calls[method] ?? 0) + 1;
    if (token !== this.token) {
      record(401);
      return this.reply(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    }

    const fault = this.fault(method, payload);
    if (fault?.code === "network") {
      record(0);
      req.socket.destroy();
      return;
    }
    if (fault) {
      record(fault.code);
      this.counters.injected[fault.code] = (this.counters.injected[fault.code] ?? 0) + 1;
      if (fault.code === 429) {
        this.counters.tooManyRequests++;
        const retryAfter = fault.retryAfter ?? 1;
        return this.reply(res, 429, {
          ok: false,
          error_code: 429,
          description: fault.description ?? `Too Many Requests: retry after ${retryAfter}`,
          parameters: { retry_after: retryAfter },
        });
      }
      const description =
        fault.description ??
        {
          400: "Bad Request: injected",
          403: "Forbidden: bot was blocked by the user",
          409: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
          500: "Internal Server Error",
        }[fault.code];
      return this.reply(res, fault.code, { ok: false, error_code: fault.code, description });
    }
    const retryAfter = this.limited(method, payload);
    if (retryAfter !== undefined) {
      record(429);
      this.counters.tooManyRequests++;
      return this.reply(res, 429, {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${retryAfter}`,
        parameters: { retry_after: retryAfter },
      });
    }

    if (method === "getUpdates") {
      // Like Telegram: while one long poll is waiting, a second one (another process) is refused.
      if (this.pollers.length) {
        record(409);
        return this.reply(res, 409, {
          ok: false,
          error_code: 409,
          description:
            "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
        });
      }
      record(200);
      return this.reply(res, 200, { ok: true, result: await this.longPoll(res, payload) });
    }
    if (method === "setWebhook") {
      this.webhook = { url: String(payload.url), secret: payload.secret_token as string | undefined };
      queueMicrotask(() => this.flushWebhook());
    }
    if (method === "deleteWebhook") this.webhook = undefined;
    if (method === "setMyCommands")
      this.commands.set(
        String(payload.language_code ?? ""),
        payload.commands as { command: string; description: string }[],
      );

    const call = this.telegram.call(method, payload);
    if (call.error !== undefined) {
      const code = Number(/^\d+/.exec(call.error)?.[0] ?? 400);
      record(code);
      return this.reply(res, code, {
        ok: false,
        error_code: code,
        description: call.error.replace(/^\d+ /, ""),
      });
    }
    record(200);
    if (SEND_METHODS.has(method)) {
      const chatId = Number(payload.chat_id);
      this.counters.sentPerChat[chatId] = (this.counters.sentPerChat[chatId] ?? 0) + 1;
      if (payload.allow_paid_broadcast === true) this.counters.paid++;
    }
    if (call.message) this.seqs.set(`${call.message.chatId}:${call.message.messageId}`, ++this.seq);
    if (method === "answerCallbackQuery")
      this.callbackAnswers.set(String(payload.callback_query_id), {
        text: payload.text as string | undefined,
        show_alert: payload.show_alert as boolean | undefined,
      });
    if (method === "answerInlineQuery")
      this.inlineAnswers.set(String(payload.inline_query_id), (payload.results ?? []) as InlineQueryResult[]);
    this.reply(res, 200, { ok: true, result: call.result });
    this.notify();
  }

  private longPoll(res: ServerResponse, payload: Record<string, unknown>): Promise<Update[]> {
    const offset = Number(payload.offset ?? 0);
    const limit = Math.min(100, Math.max(1, Number(payload.limit ?? 100)));
    const timeout = Math.min(50, Math.max(0, Number(payload.timeout ?? 0)));
    const ready = this.pending(offset, limit);
    if (ready.length || timeout === 0 || this.closed) return Promise.resolve(ready);
    return new Promise((resolve) => {
      const poller: Poller = {
        resolve,
        offset,
        limit,
        res,
        timer: setTimeout(() => {
          this.pollers = this.pollers.filter((p) => p !== poller);
          resolve([]);
        }, timeout * 1000),
      };
      this.pollers.push(poller);
      res.once("close", () => {
        clearTimeout(poller.timer);
        this.pollers = this.pollers.filter((p) => p !== poller);
      });
    });
  }
}
