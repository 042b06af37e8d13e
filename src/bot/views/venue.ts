import type { InlineKeyboardButton } from "grammy/types";
import { escapeHtml, fitLines, formatDay, safeUrl, truncate } from "./format.js";
import { roomsOfDay } from "./rooms-tracks.js";
import { zoneLabel } from "./timezone.js";
import { actionButton, pick, plain, type View, type ViewCtx } from "./view.js";

/** /venue names at most this many halls, then "and N more" (the rooms button lists them all). */
export const MAX_VENUE_HALLS = 20;

/** The conference's days as attendees read them: "Mon 25 Feb – Tue 26 Feb 2013", or the one day. */
export function conferenceDates(ctx: ViewCtx): string {
  const { catalog, clock } = ctx.deps;
  const days = catalog.programme.conference.days;
  const first = formatDay(days[0] ?? "", catalog.timezone, ctx.lang, clock());
  const last = formatDay(days[days.length - 1] ?? "", catalog.timezone, ctx.lang, clock());
  return first === last ? first : `${first} – ${last}`;
}

/** The map pin of the venue (Telegram's venue message), when the programme gives its location. */
export function venuePin(
  ctx: ViewCtx,
): { latitude: number; longitude: number; title: string; address: string } | undefined {
  const { conference } = ctx.deps.catalog.programme;
  if (!conference.location) return undefined;
  const title = pick(ctx, conference.venue) || pick(ctx, conference.name);
  // Telegram refuses a venue without an address: the city, else the venue's name, stands in.
  const address = pick(ctx, conference.address) || pick(ctx, conference.city) || title;
  return { ...conference.location, title: truncate(title, 100), address: truncate(address, 200) };
}

/**
 * /venue: where the conference takes place — the venue and city, its days, the address, the halls by name, the
 * timezone, whatever else the organizers wrote for attendees (Wi-Fi, how to get there) and the programme's
 * note — with buttons to the rooms of the day (today's, else the first) and to the conference's website.
 */
export function venueView(ctx: ViewCtx): View {
  const { catalog, clock } = ctx.deps;
  const conference = catalog.programme.conference;
  const now = clock();
  const venue = pick(ctx, conference.venue);
  const city = pick(ctx, conference.city);
  const name = pick(ctx, conference.name);
  const lines = [
    ctx.t("venue.title", { place: truncate([venue || name, city].filter(Boolean).join(", "), 200) }),
    ctx.t("venue.dates", { conference: truncate(name, 100), dates: conferenceDates(ctx) }),
  ];
  const address = pick(ctx, conference.address);
  if (address) lines.push(ctx.t("venue.address", { address: truncate(address, 300) }));
  const halls = conference.rooms.map((r) => pick(ctx, r.name) || r.id);
  if (halls.length) {
    const shown = halls.slice(0, MAX_VENUE_HALLS);
    if (halls.length > shown.length)
      shown.push(plain(ctx, "card.and_more", { count: halls.length - shown.length }));
    lines.push(ctx.t("venue.halls", { count: halls.length, halls: truncate(shown.join(", "), 1500) }));
  }
  const firstDay = Date.parse(`${conference.days[0] ?? ""}T12:00:00Z`);
  lines.push(
    ctx.t("venue.zone", {
      zone: zoneLabel(catalog.timezone, ctx.lang, Number.isNaN(firstDay) ? now : firstDay),
    }),
  );
  const info = pick(ctx, conference.info).trim();
  if (info) lines.push("", escapeHtml(truncate(info, 2000)));
  if (!venue && !address && !info && !conference.location) lines.push("", ctx.t("venue.unknown"));
  const note = pick(ctx, conference.note).trim();
  if (note) lines.push("", ctx.t("schedule.note", { note: truncate(note, 600) }));

  const keyboard: InlineKeyboardButton[][] = [];
  const today = catalog.days.indexOf(catalog.dayOf(now));
  const day = Math.max(today, 0);
  if (roomsOfDay(catalog, day).length)
    keyboard.push([actionButton(plain(ctx, "venue.rooms"), { type: "dayRooms", day, page: 0 })]);
  const url = safeUrl(conference.url);
  if (url) keyboard.push([{ text: plain(ctx, "venue.website"), url }]);
  return { text: fitLines(lines), keyboard };
}
