import type { InlineKeyboardButton } from "grammy/types";
import { DateTime } from "luxon";
import type { BotDeps } from "../context.js";
import { actionButton, type View, type ViewCtx } from "./view.js";

/** A conference's name for a reader of `lang`, else its id. */
export function conferenceName(deps: BotDeps, lang: string): string {
  return deps.catalog.text(deps.catalog.programme.conference.name, lang) || deps.conference.id;
}

/**
 * A day with its month as a date reads in `lang`: "24 Feb" in English, «24 февраля» in Russian (the month in
 * the genitive, as Russians write a date; luxon's short Russian forms are nominative or cut with a dot).
 */
export function dayMonth(lang: string): string {
  return lang === "ru" ? "d MMMM" : "d MMM";
}

/** The line that names a conference (of `ctx.deps`) in a deployment of several: "🎟 SpringConf". */
export function conferenceLine(ctx: ViewCtx): string {
  return ctx.t("across.conference_line", { conference: conferenceName(ctx.deps, ctx.lang) });
}

/** A conference's dates with the year, as editions of a series are told apart: "24–25 Feb 2013", «24–25 февраля 2013». */
export function conferenceSpan(ctx: Pick<ViewCtx, "lang">, deps: BotDeps): string {
  const days = deps.catalog.days;
  const day = (d: string | undefined) => DateTime.fromISO(d ?? "").setLocale(ctx.lang);
  const first = day(days[0]);
  const last = day(days[days.length - 1]);
  if (!first.isValid || !last.isValid) return "";
  const dm = dayMonth(ctx.lang);
  if (first.hasSame(last, "day")) return first.toFormat(`${dm} yyyy`);
  if (first.hasSame(last, "month")) return `${first.toFormat("d")}–${last.toFormat(`${dm} yyyy`)}`;
  if (first.hasSame(last, "year")) return `${first.toFormat(dm)} – ${last.toFormat(`${dm} yyyy`)}`;
  return `${first.toFormat(`${dm} yyyy`)} – ${last.toFormat(`${dm} yyyy`)}`;
}

/** The instant a conference's last session ends (0 when it has none). */
function endOf(deps: BotDeps): number {
  let end = 0;
  for (const s of deps.catalog.programme.sessions) end = Math.max(end, Date.parse(s.end));
  return end;
}

function startOf(deps: BotDeps): number {
  let start = Number.POSITIVE_INFINITY;
  for (const s of deps.catalog.programme.sessions) start = Math.min(start, Date.parse(s.start));
  return start;
}

/**
 * The deployment's conferences in the order attendees look for them: those running or still to come first
 * (soonest first), then past editions (latest first).
 */
export function conferencesInOrder(all: readonly BotDeps[], now: number): { deps: BotDeps; past: boolean }[] {
  const entries = all.map((deps) => ({ deps, past: endOf(deps) < now, start: startOf(deps) }));
  const coming = entries.filter((e) => !e.past).sort((a, b) => a.start - b.start);
  const past = entries.filter((e) => e.past).sort((a, b) => b.start - a.start);
  return [...coming, ...past].map(({ deps, past }) => ({ deps, past }));
}

/** /conference: which conference the user looks at, and a button per conference to switch. */
export function conferenceListView(ctx: ViewCtx): View {
  const current = ctx.deps.conference.id;
  const all = ctx.deps.conferences.all();
  if (all.length < 2)
    return {
      text: ctx.t("conference.only", { conference: conferenceName(ctx.deps, ctx.lang) }),
      keyboard: [],
    };
  const ordered = conferencesInOrder(all, ctx.deps.clock());
  const keyboard: InlineKeyboardButton[][] = ordered.map(({ deps, past }) => [
    actionButton(
      `${deps.conference.id === current ? "✅ " : past ? "🗂 " : "📅 "}${conferenceName(deps, ctx.lang)} · ${conferenceSpan(ctx, deps)}`,
      { type: "conference", id: deps.conference.id },
    ),
  ]);
  return {
    text: [
      ctx.t("conference.current", { conference: conferenceName(ctx.deps, ctx.lang) }),
      ctx.t("conference.pick"),
    ].join("\n"),
    keyboard,
  };
}
