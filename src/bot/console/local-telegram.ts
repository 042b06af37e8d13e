/**
 * A tiny in-memory Telegram for the bot's outgoing calls: installed as an API transformer it answers every
 * Bot API method locally (no network), keeps the chats' messages with their ids, applies Telegram's limits
 * (4,096 characters, 64-byte callback_data, valid HTML, "message is not modified"), and tells listeners about
 * each call. The local console prints from it; tests and the benchmark record with it.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Transformer } from "grammy";
import type { ApiResponse, InlineKeyboardButton, Message, UserFromGetMe } from "grammy/types";
import { parseTelegramHtml } from "./html.js";

/** A message in a local chat, as the bot last left it. */
export interface LocalMessage {
  chatId: number;
  messageId: number;
  /** Sent by the bot (false: written by the local user). */
  fromBot: boolean;
  /** Text as sent: HTML when `parseMode` is HTML. */
  text: string;
  parseMode?: string;
  /** The reply markup as sent (inline keyboard, reply keyboard, …). */
  replyMarkup?: Record<string, unknown>;
  /** A sent file: its name, and where it was saved when the Telegram saves files (the console). */
  document?: { filename: string; path?: string };
  /** A map pin (sendVenue). */
  venue?: { latitude: number; longitude: number; title: string; address: string };
  date: number;
  edited: boolean;
  deleted: boolean;
}

/** One Bot API call the bot made, with what it got back. */
export interface LocalCall {
  method: string;
  payload: Record<string, unknown>;
  result?: unknown;
  /** Set when the call was refused, with Telegram's description. */
  error?: string;
  /** The message the call created or changed, if any. */
  message?: LocalMessage;
}

type Result =
  | { ok: true; result: unknown; message?: LocalMessage }
  | { ok: false; code: number; description: string };

const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;
const MAX_CALLBACK_DATA = 64;
/** Buttons an inline keyboard may hold. */
const MAX_BUTTONS = 100;
const MAX_CALLBACK_ANSWER = 200;

const bad = (description: string, code = 400): Result => ({
  ok: false,
  code,
  description: `Bad Request: ${description}`,
});

let lastParsed: { text: string; result: ReturnType<typeof parseTelegramHtml> } | undefined;

/** {@link parseTelegramHtml}, the last text's answer kept: a message is checked when sent, then parsed to show. */
function parseHtml(text: string): ReturnType<typeof parseTelegramHtml> {
  if (lastParsed?.text !== text) lastParsed = { text, result: parseTelegramHtml(text) };
  return lastParsed.result;
}

/** Checks text against Telegram's parse mode and length limit; returns the refusal, if any. */
function checkText(
  text: unknown,
  parseMode: unknown,
  max: number,
  what: "text" | "caption",
): Result | undefined {
  if (typeof text !== "string") return what === "text" ? bad("message text is empty") : undefined;
  let length = text.length;
  if (parseMode === "HTML") {
    const parsed = parseHtml(text);
    if (!parsed.ok) return { ok: false, code: 400, description: parsed.error };
    length = parsed.length;
  }
  if (what === "text" && length === 0) return bad("message text is empty");
  if (length > max) return bad(what === "text" ? "message is too long" : "message caption is too long");
  return undefined;
}

/** Checks an inline keyboard's buttons (callback_data of 1–64 bytes, a text on every button). */
function checkMarkup(markup: unknown): Result | undefined {
  const rows = (markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined)?.inline_keyboard;
  if (!rows) return undefined;
  if (rows.flat().length > MAX_BUTTONS) return bad("reply markup is too long");
  for (const row of rows)
    for (const b of row) {
      if (!b.text) return bad("text buttons are unallowed in the inline keyboard");
      if ("url" in b && !/^(https?|tg):\/\/[^\s]+$/.test(b.url)) return bad("BUTTON_URL_INVALID");
      if ("callback_data" in b) {
        const n = Buffer.byteLength(b.callback_data);
        if (n < 1 || n > MAX_CALLBACK_DATA) return bad("BUTTON_DATA_INVALID");
      }
    }
  return undefined;
}

/** The in-memory Telegram. `botInfo` is what getMe returns. */
export class LocalTelegram {
  /** Every call, oldest first. */
  readonly calls: LocalCall[] = [];
  private readonly chats = new Map<number, Map<number, LocalMessage>>();
  private readonly nextIds = new Map<number, number>();
  private readonly listeners: ((call: LocalCall) => void)[] = [];

  constructor(
    readonly botInfo: UserFromGetMe,
    private readonly clock: () => number = Date.now,
    /** Keep at most this many calls in `calls` (0: none, for long benchmarks). */
    private readonly keepCalls = Number.POSITIVE_INFINITY,
    /** Where sent files are saved, so that the console user can open them (not saved when unset). */
    private readonly saveDir?: string,
  ) {}

  /** The API transformer that routes a bot's calls here instead of to Telegram. */
  transformer(): Transformer {
    return async (_prev, method, payload) => {
      const p = (payload ?? {}) as Record<string, unknown>;
      const file = method === "sendDocument" ? p.document : method === "sendPhoto" ? p.photo : undefined;
      const saved = file ? await this.save(file) : undefined;
      const call = this.call(method, p, saved);
      if (call.error !== undefined) {
        const code = Number(/^\d+/.exec(call.error)?.[0] ?? 400);
        return {
          ok: false,
          error_code: code,
          description: call.error.replace(/^\d+ /, ""),
        } as ApiResponse<never>;
      }
      return { ok: true, result: call.result } as ApiResponse<never>;
    };
  }

  /** Calls `listener` after every API call. */
  onCall(listener: (call: LocalCall) => void): void {
    this.listeners.push(listener);
  }

  /** Records a message written by the local user and returns it (its id comes from the chat's sequence). */
  userMessage(chatId: number, text: string): LocalMessage {
    return this.store({
      chatId,
      messageId: this.nextId(chatId),
      fromBot: false,
      text,
      date: this.now(),
      edited: false,
      deleted: false,
    });
  }

  /** A message of a chat, if it exists. */
  message(chatId: number, messageId: number): LocalMessage | undefined {
    return this.chats.get(chatId)?.get(messageId);
  }

  /** The messages of a chat, oldest first (deleted ones included, marked). */
  messages(chatId: number): LocalMessage[] {
    return [...(this.chats.get(chatId)?.values() ?? [])];
  }

  /** A Telegram Message object for a stored message, as updates and API results carry it. */
  toTelegram(m: LocalMessage, user?: { id: number; first_name: string }): Message {
    const from = m.fromBot
      ? {
          id: this.botInfo.id,
          is_bot: true,
          first_name: this.botInfo.first_name,
          username: this.botInfo.username,
        }
      : { id: user?.id ?? m.chatId, is_bot: false, first_name: user?.first_name ?? "User" };
    const chat =
      m.chatId > 0
        ? { id: m.chatId, type: "private" as const, first_name: user?.first_name ?? "User" }
        : { id: m.chatId, type: "supergroup" as const, title: "Group" };
    const parsed = m.parseMode === "HTML" ? parseHtml(m.text) : undefined;
    const text = parsed?.ok ? parsed.text : m.text;
    const markup = m.replyMarkup && "inline_keyboard" in m.replyMarkup ? m.replyMarkup : undefined;
    const base = { message_id: m.messageId, date: Math.floor(m.date / 1000), chat, from };
    const venue = m.venue && {
      location: { latitude: m.venue.latitude, longitude: m.venue.longitude },
      title: m.venue.title,
      address: m.venue.address,
    };
    const msg = venue
      ? { ...base, venue, location: venue.location }
      : m.document
        ? {
            ...base,
            document: {
              file_id: `doc-${m.messageId}`,
              file_unique_id: `u${m.messageId}`,
              file_name: m.document.filename,
            },
            caption: text || undefined,
          }
        : { ...base, text };
    return {
      ...msg,
      ...(m.edited ? { edit_date: Math.floor(m.date / 1000) } : {}),
      ...(markup ? { reply_markup: markup } : {}),
    } as Message;
  }

  /** Saves a sent file (an InputFile) under `saveDir`; returns its path, or undefined when nothing is saved. */
  private async save(document: unknown): Promise<string | undefined> {
    if (!this.saveDir || !document || typeof document !== "object" || !("toRaw" in document))
      return undefined;
    const file = document as { filename?: string; toRaw(): Promise<unknown> };
    const raw = await file.toRaw();
    const chunks: Uint8Array[] = [];
    if (raw instanceof Uint8Array) chunks.push(raw);
    else if (raw && typeof raw === "object" && Symbol.asyncIterator in raw)
      for await (const c of raw as AsyncIterable<Uint8Array>) chunks.push(c);
    else if (raw && typeof raw === "object" && Symbol.iterator in raw)
      for (const c of raw as Iterable<Uint8Array>) chunks.push(c);
    else return undefined;
    mkdirSync(this.saveDir, { recursive: true });
    const path = join(this.saveDir, basename(file.filename ?? "file").replace(/[^\w.-]+/g, "_"));
    writeFileSync(path, Buffer.concat(chunks));
    return path;
  }

  /** Handles one Bot API call as Telegram would, records it and tells the listeners. */
  call(method: string, payload: Record<string, unknown>, savedPath?: string): LocalCall {
    const r = this.handle(method, payload, savedPath);
    const call: LocalCall = r.ok
      ? { method, payload, result: r.result, message: r.message }
      : { method, payload, error: `${r.code} ${r.description}` };
    if (this.keepCalls > 0) {
      this.calls.push(call);
      if (this.calls.length > this.keepCalls) this.calls.shift();
    }
    for (const l of this.listeners) l(call);
    return call;
  }

  private now(): number {
    return this.clock();
  }

  private nextId(chatId: number): number {
    const id = (this.nextIds.get(chatId) ?? 0) + 1;
    this.nextIds.set(chatId, id);
    return id;
  }

  private store(m: LocalMessage): LocalMessage {
    let chat = this.chats.get(m.chatId);
    if (!chat) {
      chat = new Map();
      this.chats.set(m.chatId, chat);
    }
    chat.set(m.messageId, m);
    return m;
  }

  private target(payload: Record<string, unknown>): LocalMessage | Result {
    const m = this.message(Number(payload.chat_id), Number(payload.message_id));
    return m && !m.deleted ? m : bad("message to edit not found");
  }

  /** Stores a message the bot sent with `p` (its chat and reply markup) and answers with it. */
  private sent(
    p: Record<string, unknown>,
    content: Pick<LocalMessage, "text" | "parseMode" | "document" | "venue">,
  ): Result {
    const chatId = Number(p.chat_id);
    const m = this.store({
      chatId,
      messageId: this.nextId(chatId),
      fromBot: true,
      ...content,
      replyMarkup: p.reply_markup as Record<string, unknown> | undefined,
      date: this.now(),
      edited: false,
      deleted: false,
    });
    return { ok: true, result: this.toTelegram(m), message: m };
  }

  private handle(method: string, p: Record<string, unknown>, savedPath?: string): Result {
    switch (method) {
      case "getMe":
        return { ok: true, result: this.botInfo };
      case "sendMessage": {
        const refused = checkText(p.text, p.parse_mode, MAX_TEXT, "text") ?? checkMarkup(p.reply_markup);
        if (refused) return refused;
        return this.sent(p, { text: p.text as string, parseMode: p.parse_mode as string | undefined });
      }
      case "sendPhoto":
      case "sendDocument": {
        const refused =
          checkText(p.caption, p.parse_mode, MAX_CAPTION, "caption") ?? checkMarkup(p.reply_markup);
        if (refused) return refused;
        // A photo is kept like a document: its file name and where the console saved it.
        const doc = (p.document ?? p.photo) as { filename?: string } | string | undefined;
        const filename = typeof doc === "string" ? doc : (doc?.filename ?? "file");
        return this.sent(p, {
          text: typeof p.caption === "string" ? p.caption : "",
          parseMode: p.parse_mode as string | undefined,
          document: savedPath ? { filename, path: savedPath } : { filename },
        });
      }
      case "sendVenue": {
        const [lat, lon] = [Number(p.latitude), Number(p.longitude)];
        if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) return bad("wrong latitude or longitude");
        if (
          typeof p.title !== "string" ||
          !p.title.trim() ||
          typeof p.address !== "string" ||
          !p.address.trim()
        )
          return bad("venue title and address must be non-empty");
        const refused = checkMarkup(p.reply_markup);
        if (refused) return refused;
        return this.sent(p, {
          text: "",
          venue: { latitude: lat, longitude: lon, title: p.title, address: p.address },
        });
      }
      case "editMessageText":
      case "editMessageReplyMarkup": {
        const refused =
          (method === "editMessageText" ? checkText(p.text, p.parse_mode, MAX_TEXT, "text") : undefined) ??
          checkMarkup(p.reply_markup);
        if (refused) return refused;
        if (p.inline_message_id !== undefined) return { ok: true, result: true };
        const m = this.target(p);
        if ("ok" in m) return m;
        const text = method === "editMessageText" ? (p.text as string) : m.text;
        const parseMode = method === "editMessageText" ? (p.parse_mode as string | undefined) : m.parseMode;
        const markup = p.reply_markup as Record<string, unknown> | undefined;
        const sameMarkup =
          JSON.stringify(markup ?? { inline_keyboard: [] }) ===
          JSON.stringify(m.replyMarkup ?? { inline_keyboard: [] });
        if (text === m.text && parseMode === m.parseMode && sameMarkup)
          return bad(
            "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
          );
        Object.assign(m, { text, parseMode, replyMarkup: markup, edited: true, date: this.now() });
        return { ok: true, result: this.toTelegram(m), message: m };
      }
      case "deleteMessage": {
        const m = this.message(Number(p.chat_id), Number(p.message_id));
        if (!m || m.deleted) return bad("message to delete not found");
        m.deleted = true;
        return { ok: true, result: true, message: m };
      }
      case "answerCallbackQuery":
        if (typeof p.text === "string" && p.text.length > MAX_CALLBACK_ANSWER) return bad("MESSAGE_TOO_LONG");
        return { ok: true, result: true };
      case "answerInlineQuery": {
        const results = (p.results ?? []) as {
          id?: string;
          reply_markup?: unknown;
          input_message_content?: { message_text?: string; parse_mode?: string };
        }[];
        if (results.length > 50) return bad("RESULTS_TOO_MUCH");
        for (const r of results) {
          if (!r.id || Buffer.byteLength(r.id) > 64) return bad("RESULT_ID_INVALID");
          const c = r.input_message_content;
          const refused =
            (c ? checkText(c.message_text, c.parse_mode, MAX_TEXT, "text") : undefined) ??
            checkMarkup(r.reply_markup);
          if (refused) return refused;
        }
        return { ok: true, result: true };
      }
      case "getChat": {
        const id = Number(p.chat_id);
        return {
          ok: true,
          result:
            id > 0 ? { id, type: "private", first_name: "User" } : { id, type: "supergroup", title: "Group" },
        };
      }
      case "getMyCommands":
        return { ok: true, result: [] };
      case "getUpdates":
        return { ok: true, result: [] };
      default:
        return { ok: true, result: true };
    }
  }
}
