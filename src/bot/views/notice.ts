import type { TFunction } from "i18next";
import type { Catalog } from "../../catalog.js";
import { type NoticeParams, noticeEntries, type SessionSnapshot } from "../../delivery/notices.js";
import type { Lang } from "../../programme/model.js";
import { conferenceLine } from "./conference.js";
import { fitLines, formatWhen, truncate } from "./format.js";
import type { OutboxView } from "./outbox.js";
import { actionButton, plain, type ViewCtx } from "./view.js";

/**
 * When and where a session is, as attendees read it: "Mon 25 Feb, 11:00, Hall A" / «пн, 25 февраля, 11:00,
 * Зал A" (plain text); the year too when it is not the year of `now`.
 */
export function placeOf(
  s: Pick<SessionSnapshot, "start" | "room">,
  catalog: Catalog,
  lang: Lang,
  now?: number,
): string {
  const tz = catalog.timezone;
  const when = formatWhen(s.start, tz, lang, now);
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

/**
 * A session's old and new title when its title changed: in the reader's language, or — when only another
 * language's title changed — in that one, so that a line about the rename says what changed.
 */
export function retitling(
  catalog: Catalog,
  lang: Lang,
  p: NoticeParams,
): { old: string; title: string } | undefined {
  if (!p.after) return undefined;
  const old = catalog.text(p.before.title, lang);
  const title = catalog.text(p.after.title, lang);
  if (old !== title) return { old, title };
  const before = p.before.title;
  const after = p.after.title;
  const other = Object.keys({ ...before, ...after }).find((l) => before[l] !== after[l]);
  return other ? { old: before[other] ?? "–", title: after[other] ?? "–" } : undefined;
}

/** Titles in a notice are shortened like the reminder's, so two of them always fit one message. */
const NOTICE_TITLE_CHARS = 200;

/** What a notice says of one change: the title, where it was and is, its kind, and a rename in place. */
function noticeParts(catalog: Catalog, lang: Lang, p: NoticeParams, at?: number) {
  const title = catalog.text((p.after ?? p.before).title, lang);
  const was = placeOf(p.before, catalog, lang, at);
  const now = p.after ? placeOf(p.after, catalog, lang, at) : was;
  const kind = noticeKind(p);
  const renamed = kind === "changed" && was === now ? retitling(catalog, lang, p) : undefined;
  return { title, was, now, kind, renamed };
}

/**
 * The change notice in a user's language (HTML; programme strings are escaped by i18next):
 * "Changed: <title> — was Mon 25 Feb 11:00, Hall A; now Mon 25 Feb 14:00, Hall B", or cancelled, restored,
 * removed. A renamed session also gets its former title.
 */
export function noticeText(t: TFunction, lang: Lang, catalog: Catalog, p: NoticeParams, at?: number): string {
  const { title, was, now, kind, renamed } = noticeParts(catalog, lang, p, at);
  if (renamed)
    return t("notice.retitled", {
      old: truncate(renamed.old, NOTICE_TITLE_CHARS),
      title: truncate(renamed.title, NOTICE_TITLE_CHARS),
      now,
    });
  const lines = [t(`notice.${kind}`, { title: truncate(title, NOTICE_TITLE_CHARS), was, now })];
  const oldTitle = catalog.text(p.before.title, lang);
  if (p.after && oldTitle !== title)
    lines.push(t("notice.renamed", { title: truncate(oldTitle, NOTICE_TITLE_CHARS) }));
  return lines.join("\n");
}

/** The most sessions a combined notice gives an "Open" button (the rest stay in the text). */
const MAX_OPEN_BUTTONS = 8;

/** One line of a combined notice (HTML): "• <title> — was …; now …", cancelled, restored or removed. */
function noticeItem(t: TFunction, lang: Lang, catalog: Catalog, p: NoticeParams, at?: number): string {
  const { title, was, now, kind, renamed } = noticeParts(catalog, lang, p, at);
  if (renamed)
    return t("notice.item.retitled", {
      old: truncate(renamed.old, NOTICE_TITLE_CHARS),
      title: truncate(renamed.title, NOTICE_TITLE_CHARS),
      now,
    });
  return t(`notice.item.${kind}`, { title: truncate(title, NOTICE_TITLE_CHARS), was, now });
}

/**
 * The notice of one programme change for one user (HTML): a single change reads as {@link noticeText}; several
 * come as one message listing each ("The programme changed — sessions you follow: …"), cut to fit Telegram.
 */
export function noticeBatchText(
  t: TFunction,
  lang: Lang,
  catalog: Catalog,
  entries: NoticeParams[],
  at?: number,
): string {
  const [only] = entries;
  if (only && entries.length === 1) return noticeText(t, lang, catalog, only, at);
  return fitLines([t("notice.batch"), "", ...entries.map((p) => noticeItem(t, lang, catalog, p, at))]);
}

/**
 * A notice in a deployment of several conferences (HTML): every change read in its own conference's programme
 * (its zone, its rooms) under the conference's name — a notice may combine changes of two conferences, when a
 * second one changed before the first notice went out.
 */
function seriesNoticeText(
  ctx: ViewCtx,
  groups: { at: ViewCtx; entries: NoticeParams[] }[],
  now: number,
): string {
  const [only] = groups;
  if (only && groups.length === 1 && only.entries.length === 1)
    return [
      conferenceLine(only.at),
      noticeBatchText(ctx.t, ctx.lang, only.at.deps.catalog, only.entries, now),
    ].join("\n");
  return fitLines([
    ctx.t("notice.batch"),
    ...groups.flatMap(({ at, entries }) => [
      "",
      conferenceLine(at),
      ...entries.map((p) => noticeItem(ctx.t, ctx.lang, at.deps.catalog, p, now)),
    ]),
  ]);
}

/** A notice's entries by the conference of each session, in the order they come (time order). */
function byConference(
  ctx: ViewCtx,
  entries: readonly NoticeParams[],
): { at: ViewCtx; entries: NoticeParams[] }[] {
  const groups = new Map<string, { at: ViewCtx; entries: NoticeParams[] }>();
  for (const p of entries) {
    const deps = ctx.deps.conferences.ofId(p.sessionId) ?? ctx.deps;
    const group = groups.get(deps.conference.id) ?? { at: { ...ctx, deps }, entries: [] };
    group.entries.push(p);
    groups.set(deps.conference.id, group);
  }
  return [...groups.values()];
}

/**
 * The outbox view of a change notice (register it with createOutboxRenderer under NOTICE_VIEW): the text in
 * the recipient's language at send time, with a button to the card of each session still in the programme.
 * In a deployment of several conferences each change is told under its conference's name, in its zone.
 */
export const noticeView: OutboxView = (ctx, params) => {
  const entries = noticeEntries(ctx.deps.db, params);
  if (!entries?.length) return undefined;
  const now = ctx.deps.clock();
  const groups = byConference(ctx, entries);
  const text =
    ctx.deps.conferences.size < 2
      ? noticeBatchText(ctx.t, ctx.lang, ctx.deps.catalog, entries, now)
      : seriesNoticeText(ctx, groups, now);
  const open = groups
    .flatMap(({ at, entries }) =>
      entries.flatMap((p) =>
        p.after && at.deps.catalog.session(p.sessionId) ? [{ p, catalog: at.deps.catalog }] : [],
      ),
    )
    .slice(0, MAX_OPEN_BUTTONS);
  return {
    text,
    keyboard: open.map(({ p, catalog }) => [
      actionButton(
        entries.length === 1
          ? plain(ctx, "notice.open")
          : plain(ctx, "notice.open_title", { title: catalog.text((p.after ?? p.before).title, ctx.lang) }),
        { type: "session", key: catalog.sessionKey(p.sessionId), page: 0, origin: { to: "message" } },
      ),
    ]),
  };
};
