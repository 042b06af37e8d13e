import type { Session } from "../../programme/model.js";
import { conferenceLine } from "./conference.js";
import { formatTimes, truncate } from "./format.js";
import { askButton, askOpen } from "./questions.js";
import { actionButton, pick, plain, type View, type ViewCtx } from "./view.js";

/** Whole minutes from `now` until `startMs`, at least 1 (a reminder is only sent before the start). */
export function minutesLeft(startMs: number, now: number): number {
  return Math.max(1, Math.ceil((startMs - now) / 60_000));
}

/** "Open" under a message about one session: its card, sent as a new message. */
export function openCardButton(ctx: ViewCtx, key: number) {
  return actionButton(plain(ctx, "reminder.open"), {
    type: "session",
    key,
    page: 0,
    origin: { to: "message" },
  });
}

/**
 * The reminder of a session, as the session is now: "In 10 minutes: <title> — <speakers>, <room>, <time>" in
 * the reader's language (and its conference's name, in a deployment of several), with buttons to open the
 * card and to stop reminders for the session. `ctx.deps` must be the session's conference's.
 */
export function reminderView(ctx: ViewCtx, session: Session, minutes: number): View {
  const { catalog } = ctx.deps;
  const key = catalog.sessionKey(session.id);
  const people = catalog.speakersOf(session);
  const names = people.slice(0, 3).map((s) => pick(ctx, s.name));
  if (people.length > 3) names.push(plain(ctx, "card.and_more", { count: people.length - 3 }));
  const details = [
    names.join(", "),
    catalog.roomName(session.room, ctx.lang) ?? "",
    formatTimes(session.start, session.end, catalog.timezone, ctx.lang),
  ].filter(Boolean);
  const said = ctx.t("reminder.text", {
    count: minutes,
    title: truncate(pick(ctx, session.title), 200),
    details: truncate(details.join(", "), 300),
  });
  // In a deployment of several conferences a reminder says which one (reminders come from every conference).
  const text = ctx.deps.conferences.size > 1 ? `${said}\n${conferenceLine(ctx)}` : said;
  return {
    text,
    keyboard: [
      [
        openCardButton(ctx, key),
        actionButton(plain(ctx, "reminder.stop"), { type: "remind", key, on: false }),
      ],
      // Questions open before the session starts: the reminder offers them when they are.
      ...(askOpen(ctx, session) ? [[askButton(ctx, session)]] : []),
    ],
  };
}
