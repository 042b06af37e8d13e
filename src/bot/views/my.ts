import type { InlineKeyboardButton } from "grammy/types";
import type { Session } from "../../programme/model.js";
import { mutedOf } from "../../store/subscriptions.js";
import { conferenceName, conferenceSpan } from "./conference.js";
import { byTime, followsByConference } from "./follows.js";
import { escapeHtml, fitLines, formatDay, formatTime, formatTimes, truncate } from "./format.js";
import { sessionLine } from "./schedule.js";
import { leadMinutes } from "./settings.js";
import { actionButton, pick, plain, type View, type ViewCtx } from "./view.js";

/** At most this many rows of "open" buttons under /my (the text lists every session regardless). */
export const MY_BUTTONS = 30;

/** "Your only session is over", "Both…", "All 5…": languages say one and two of a whole list their own way. */
export function allPastText(ctx: Pick<ViewCtx, "t">, count: number): string {
  if (count === 1) return ctx.t("my.all_past_single");
  if (count === 2) return ctx.t("my.all_past_both");
  return ctx.t("my.all_past", { count });
}

/** Whether a session is over at `now` (it has ended). */
export function isPast(session: Session, now: number): boolean {
  return Date.parse(session.end) <= now;
}

/**
 * For each session, the other sessions of the list it overlaps in time (cancelled ones overlap nothing).
 * Sessions that merely touch (one ends as the next starts) do not overlap.
 */
export function overlaps(sessions: readonly Session[]): Map<string, Session[]> {
  const live = sessions.filter((s) => !s.cancelled).sort(byTime);
  const out = new Map<string, Session[]>();
  for (let i = 0; i < live.length; i++) {
    const a = live[i] as Session;
    const aEnd = Date.parse(a.end);
    for (let j = i + 1; j < live.length; j++) {
      const b = live[j] as Session;
      if (Date.parse(b.start) >= aEnd) break; // sorted by start: nothing later can overlap a
      out.set(a.id, [...(out.get(a.id) ?? []), b]);
      out.set(b.id, [...(out.get(b.id) ?? []), a]);
    }
  }
  return out;
}

/** One conference's part of /my: its heading when the list names conferences, and the sessions shown. */
interface MyGroup {
  ctx: ViewCtx;
  heading?: string;
  sessions: Session[];
}

/**
 * /my: the user's sessions in time order, grouped by day, each overlap marked ("overlaps with …") and each whose
 * reminder is off marked 🔕; past sessions are hidden unless `showPast`, behind a button that says how many
 * there are. In a deployment of several conferences it lists the follows of every conference (their reminders
 * come whichever one the user looks at), each under its name and dates, running and upcoming conferences
 * first; a user who follows only sessions of the conference they look at sees no headings. Every line has a
 * button that opens its card ("Back" returns here); a past or cancelled one also "✖️", which unfollows it.
 * Other buttons show or hide the past ones and send the list as a calendar file.
 */
export function myView(ctx: ViewCtx, now: number, showPast: boolean): View {
  const { db } = ctx.deps;
  const groups = ctx.user ? followsByConference(ctx.deps, ctx.user.id) : [];
  const all = groups.flatMap((g) => g.sessions);
  if (!all.length) return { text: ctx.t("my.empty"), keyboard: [] };
  const past = all.filter((s) => isPast(s, now));
  const marks = overlaps(all);
  const minutes = leadMinutes(ctx);
  const muted = new Set(ctx.user ? mutedOf(db, ctx.user.id) : []);
  const current = ctx.deps.conferences.forUser(ctx.user).conference.id;
  const parts: MyGroup[] = groups.flatMap(({ deps, sessions }) => {
    const shown = showPast ? sessions : sessions.filter((s) => !isPast(s, now));
    return shown.length ? [{ ctx: { ...ctx, deps }, sessions: shown }] : [];
  });
  // Conferences are named when the list shows more than one, or one the user is not looking at.
  if (parts.length > 1 || parts.some((p) => p.ctx.deps.conference.id !== current))
    for (const p of parts)
      p.heading = ctx.t("across.my_heading", {
        conference: conferenceName(p.ctx.deps, ctx.lang),
        dates: conferenceSpan(ctx, p.ctx.deps),
      });
  const shownCount = parts.reduce((n, p) => n + p.sessions.length, 0);

  const lines = [
    ctx.t("my.title", { count: all.length }),
    ctx.user?.reminders === false ? ctx.t("my.reminders_off") : ctx.t("my.lead", { count: minutes }),
  ];
  if (!shownCount) lines.push("", allPastText(ctx, past.length));
  for (const part of parts) {
    if (part.heading) lines.push("", part.heading);
    const tz = part.ctx.deps.catalog.timezone;
    let day = "";
    for (const s of part.sessions) {
      // Headed by the calendar day each session starts on (a 01:10 one under Saturday, not the Friday it is filed under).
      const d = formatDay(s.start, tz, ctx.lang, now);
      if (d !== day) {
        lines.push("", `<b>${escapeHtml(d)}</b>`);
        day = d;
      }
      const time = formatTimes(s.start, s.end, tz, ctx.lang);
      const mark = isPast(s, now) ? "✓ " : "";
      const quiet = !isPast(s, now) && muted.has(s.id) ? " 🔕" : "";
      lines.push(`${mark}<code>${time}</code> ${sessionLine(part.ctx, s, { starred: false })}${quiet}`);
      const other = s.cancelled ? [] : (marks.get(s.id) ?? []);
      if (other.length)
        lines.push(
          ctx.t("my.overlaps", {
            titles: other.map((o) => ctx.t("my.quoted", { title: truncate(titleOf(ctx, o), 60) })).join(", "),
          }),
        );
    }
  }
  if (!showPast && past.length && shownCount) lines.push("", ctx.t("my.past_hidden", { count: past.length }));

  const origin = { to: "my", past: showPast } as const;
  const rows = parts.flatMap((p) => p.sessions.map((s) => ({ at: p.ctx, s })));
  const keyboard: InlineKeyboardButton[][] = rows.slice(0, MY_BUTTONS).map(({ at, s }) => {
    const key = at.deps.catalog.sessionKey(s.id);
    const over = isPast(s, now);
    const label = `${over ? "✓ " : s.cancelled ? "❌ " : ""}${formatTime(s.start, at.deps.catalog.timezone, ctx.lang)} ${pick(at, s.title)}`;
    const open = actionButton(label, { type: "session", key, page: 0, origin });
    // What is over or cancelled can be let go from here; what is to come, from its card.
    return over || s.cancelled
      ? [open, actionButton(plain(ctx, "my.remove"), { type: "myRemove", key, past: showPast })]
      : [open];
  });
  const controls: InlineKeyboardButton[] = [actionButton(plain(ctx, "my.calendar"), { type: "calendar" })];
  if (past.length)
    controls.push(
      showPast
        ? actionButton(plain(ctx, "my.hide_past"), { type: "my", past: false })
        : actionButton(plain(ctx, "my.show_past", { count: past.length }), { type: "my", past: true }),
    );
  keyboard.push(controls);
  return { text: fitLines(lines), keyboard };
}

/** A session's title in the reader's language, read in its own conference's programme. */
function titleOf(ctx: ViewCtx, s: Session): string {
  const at = ctx.deps.conferences.ofId(s.id) ?? ctx.deps;
  return at.catalog.text(s.title, ctx.lang);
}
