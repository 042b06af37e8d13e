import type { TFunction } from "i18next";
import type { Catalog } from "../../catalog.js";
import type { NoticeParams, SessionSnapshot } from "../../delivery/notices.js";
import type { Lang } from "../../programme/model.js";
import { formatDay, formatTime, truncate } from "./format.js";
import type { OutboxView } from "./outbox.js";
import { actionButton, plain } from "./view.js";

/** When and where a session is, as attendees read it: "Mon 25 Feb 11:00, Hall A" (plain text). */
export function placeOf(s: Pick<SessionSnapshot, "start" | "room">, catalog: Catalog, lang: Lang): string {
  const tz = catalog.timezone;
  const when = `${formatDay(catalog.dayOf(s.start), tz, lang)} ${formatTime(s.start, tz, lang)}`;
  const room = catalog.roomName(s.room, lang);
  return room ? `${when}, ${room}` : when;
}

/** What happened to a session, from the attendee's point of view. */
export type NoticeKind = "changed" | "cancelled" | "restored" | "removed";

/** Classifies a change notice. */
export function noticeKind(p: NoticeParams): NoticeKind {
  if (!p.after) return "removed";
  if (p.after.cancelled && !p.before.cancelled) return "cancelled";
  if (!p.after.cancelled && p.before.cancelled) return "restored";
  return "changed";
}

/** Titles in a notice are shortened like the reminder's, so two of them always fit one message. */
const NOTICE_TITLE_CHARS = 200;

/**
 * The change notice in a user's language (HTML; programme strings are escaped by i18next):
 * "Changed: <title> — was Mon 25 Feb 11:00, Hall A; now Mon 25 Feb 14:00, Hall B", or cancelled, restored,
 * removed. A renamed session also gets its former title.
 */
export function noticeText(t: TFunction, lang: Lang, catalog: Catalog, p: NoticeParams): string {
  const title = catalog.text((p.after ?? p.before).title, lang);
  const was = placeOf(p.before, catalog, lang);
  const now = p.after ? placeOf(p.after, catalog, lang) : was;
  const kind = noticeKind(p);
  const lines = [t(`notice.${kind}`, { title: truncate(title, NOTICE_TITLE_CHARS), was, now })];
  const oldTitle = catalog.text(p.before.title, lang);
  if (p.after && oldTitle !== title)
    lines.push(t("notice.renamed", { title: truncate(oldTitle, NOTICE_TITLE_CHARS) }));
  return lines.join("\n");
}

/**
 * The outbox view of a change notice (register it with createOutboxRenderer under NOTICE_VIEW): the text in
 * the recipient's language at send time, with a button to the session's card unless it left the programme.
 */
export const noticeView: OutboxView = (ctx, params) => {
  const p = params as unknown as NoticeParams;
  if (!p?.before || !p.sessionId) return undefined;
  const catalog = ctx.deps.catalog;
  const text = noticeText(ctx.t, ctx.lang, catalog, p);
  const open = p.after && catalog.session(p.sessionId);
  return {
    text,
    keyboard: open
      ? [
          [
            actionButton(plain(ctx, "notice.open"), {
              type: "session",
              key: catalog.sessionKey(p.sessionId),
              page: 0,
              origin: { to: "message" },
            }),
          ],
        ]
      : [],
  };
};
