import type { Renderer } from "../../delivery/dispatcher.js";
import type { OutgoingMessage } from "../../delivery/messages.js";
import type { OutboxRow } from "../../store/outbox.js";
import { getUser, languageOf } from "../../store/users.js";
import type { BotDeps } from "../context.js";
import { fixedT } from "../i18n.js";
import { fromInlineKeyboard } from "../transport.js";
import { minutesLeft, reminderView } from "./reminder.js";
import type { View, ViewCtx } from "./view.js";

/**
 * A named view for outbox rows of `{type: "view"}` payloads, rendered at send time in the recipient's
 * language (e.g. the organizer's change notice). Undefined drops the row.
 */
export type OutboxView = (ctx: ViewCtx, params: Record<string, unknown>, row: OutboxRow) => View | undefined;

/** The dependencies of the conference an outbox row's session belongs to (the default's when it names none). */
function conferenceOfRow(deps: BotDeps, row: OutboxRow): BotDeps {
  const p = row.payload;
  const sessions = p.type === "view" ? p.params.sessions : undefined;
  const id =
    p.type === "reminder"
      ? p.sessionId
      : (row.sessionId ??
        (Array.isArray(sessions) && typeof sessions[0] === "string" ? sessions[0] : undefined));
  return (id && deps.conferences.ofId(id)) || deps;
}

/**
 * The dispatcher's renderer: reminders are rendered from the session as it is at send time, in the user's
 * current language; `message` payloads go out as composed; `view` payloads are rendered by `views[name]`.
 */
export function createOutboxRenderer(base: BotDeps, views: Record<string, OutboxView> = {}): Renderer {
  return (row: OutboxRow, now: number): OutgoingMessage | undefined => {
    const p = row.payload;
    // Rendered within the conference of the session it is about (reminders run for every conference).
    const deps = conferenceOfRow(base, row);
    // A notice queued by another process (`programme load`) is about a version this one may not have swapped
    // in yet: look first (a PRAGMA, next to free), so the message shows the programme it tells of.
    deps.programmeService.refresh();
    if (p.type === "message") {
      return {
        chatId: row.chatId,
        text: p.text,
        ...(p.parseMode ? { parseMode: p.parseMode } : {}),
        ...(p.entities ? { entities: p.entities } : {}),
        ...(p.buttons ? { buttons: p.buttons } : {}),
      };
    }
    const user = getUser(deps.db, row.userId);
    const lang = user ? languageOf(user) : "en";
    const ctx: ViewCtx = { deps, user, lang, t: fixedT(deps.i18n, lang) };
    let view: View | undefined;
    if (p.type === "reminder") {
      const session = deps.catalog.session(p.sessionId);
      view = session && reminderView(ctx, session, minutesLeft(p.startMs, now));
    } else {
      view = views[p.view]?.(ctx, p.params, row);
    }
    if (!view) return undefined;
    return {
      chatId: row.chatId,
      text: view.text,
      parseMode: "HTML",
      buttons: fromInlineKeyboard(view.keyboard),
    };
  };
}
