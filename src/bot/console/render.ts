/**
 * How the local console shows the bot's messages: HTML turned into readable plain text, and every button
 * numbered so that typing `#N` can press it.
 */
import type { InlineKeyboardButton, KeyboardButton } from "grammy/types";
import { htmlToReadable } from "./html.js";
import type { LocalMessage } from "./local-telegram.js";

/** A button the console user can press with `#N`. */
export type ConsoleButton =
  | { kind: "callback"; label: string; data: string; chatId: number; messageId: number }
  | { kind: "url"; label: string; url: string }
  | { kind: "webapp"; label: string; url: string }
  | { kind: "text"; label: string }
  | { kind: "other"; label: string };

/** A message rendered for the terminal: its lines and the buttons the numbers in them refer to. */
export interface RenderedMessage {
  lines: string[];
  buttons: ConsoleButton[];
  /** Whether the buttons are a reply keyboard (the menu, `#mN`) rather than inline buttons (`#N`). */
  menu: boolean;
}

function toButton(b: InlineKeyboardButton | KeyboardButton | string, m: LocalMessage): ConsoleButton {
  if (typeof b === "string") return { kind: "text", label: b };
  if ("callback_data" in b)
    return {
      kind: "callback",
      label: b.text,
      data: b.callback_data,
      chatId: m.chatId,
      messageId: m.messageId,
    };
  if ("url" in b && typeof b.url === "string") return { kind: "url", label: b.text, url: b.url };
  if ("web_app" in b && b.web_app) return { kind: "webapp", label: b.text, url: b.web_app.url };
  const keys = Object.keys(b).filter((k) => k !== "text");
  return keys.length ? { kind: "other", label: b.text } : { kind: "text", label: b.text };
}

/** The buttons of a message's markup, row by row (inline keyboards and reply keyboards alike). */
export function buttonRows(m: LocalMessage): ConsoleButton[][] {
  const markup = m.replyMarkup as
    | { inline_keyboard?: InlineKeyboardButton[][]; keyboard?: (KeyboardButton | string)[][] }
    | undefined;
  const rows = markup?.inline_keyboard ?? markup?.keyboard ?? [];
  return rows.map((row) => row.map((b) => toButton(b, m)));
}

/**
 * Renders a message: a header line, its text, then its buttons numbered from `firstNumber` — `#1`, `#2`… for
 * inline buttons, `#m1`, `#m2`… for a reply keyboard (the menu), which stays usable under later messages.
 */
export function renderMessage(
  m: LocalMessage,
  options: { edited?: boolean; firstNumber?: number } = {},
): RenderedMessage {
  const header = options.edited ? "── bot (edited) ──" : "── bot ──";
  const body = m.parseMode === "HTML" ? htmlToReadable(m.text) : m.text;
  const lines = [header];
  if (m.venue)
    lines.push(`📍 ${m.venue.title} — ${m.venue.address} (map: ${m.venue.latitude}, ${m.venue.longitude})`);
  if (m.document)
    lines.push(`📎 ${m.document.filename}${m.document.path ? ` — saved as ${m.document.path}` : ""}`);
  if (body) lines.push(...body.split("\n"));
  const buttons: ConsoleButton[] = [];
  let n = options.firstNumber ?? 1;
  const isReplyKeyboard = Boolean((m.replyMarkup as { keyboard?: unknown } | undefined)?.keyboard);
  const rows = buttonRows(m);
  if (rows.length) lines.push(isReplyKeyboard ? "  menu:" : "");
  for (const row of rows) {
    const cells = row.map((b) => {
      buttons.push(b);
      const target = b.kind === "url" ? ` → ${b.url}` : "";
      return `[#${isReplyKeyboard ? "m" : ""}${n++}] ${b.label}${target}`;
    });
    lines.push(`  ${cells.join("   ")}`);
  }
  return { lines, buttons, menu: isReplyKeyboard };
}
