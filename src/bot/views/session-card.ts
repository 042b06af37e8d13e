import type { InlineKeyboardButton } from "grammy/types";
import type { Session } from "../../programme/model.js";
import type { Origin } from "../callback-data.js";
import {
  escapeHtml,
  formatDay,
  formatTimeRange,
  MAX_MESSAGE_CHARS,
  safeUrl,
  splitPages,
  truncate,
} from "./format.js";
import { questionRows } from "./questions.js";
import { cardRating } from "./rating.js";
import { dayLocation } from "./schedule.js";
import { subscribeRows } from "./subscribe-row.js";
import { actionButton, memoText, pick, plain, type View, type ViewCtx } from "./view.js";

/**
 * Abstracts up to this long are shown whole on the card: a "Read more" must reveal more than a sentence or two.
 * Longer ones get a preview and "Read more" pages with the whole text.
 */
export const WHOLE_ABSTRACT_CHARS = 1000;
/** The preview of a longer abstract on its card: at most this many characters, ending with a sentence where it can. */
export const SHORT_ABSTRACT_CHARS = 600;
/** A card names at most this many speakers (with a button each), then "and N more". */
export const MAX_CARD_SPEAKERS = 6;
/** At most this many of a session's links become buttons. */
export const MAX_LINK_BUTTONS = 8;

/** Whether a session's abstract is shortened on its card for this reader (too long, or too long once escaped). */
function hasLongAbstract(ctx: ViewCtx, session: Session): boolean {
  const abstract = pick(ctx, session.abstract).trim();
  if (Array.from(abstract).length > WHOLE_ABSTRACT_CHARS) return true;
  const head = headLines(ctx, session).join("\n");
  return head.length + escapeHtml(abstract).length + PAGE_MARGIN > MAX_MESSAGE_CHARS;
}

/** The start of a long abstract for its card: whole sentences (or paragraphs) when they fill half of it. */
function abstractPreview(abstract: string): string {
  const head = Array.from(abstract).slice(0, SHORT_ABSTRACT_CHARS).join("");
  let end = -1;
  for (const m of head.matchAll(/[.!?…](?=\s)|\n\s*\n/g)) end = m.index + (m[0].startsWith("\n") ? 0 : 1);
  if (end >= SHORT_ABSTRACT_CHARS / 2) return `${head.slice(0, end).trimEnd()} …`;
  return truncate(abstract, SHORT_ABSTRACT_CHARS);
}

/** Escaped text of at most `budget` characters (counting the escapes), shortened with "…" when needed. */
function escapedWithin(text: string, budget: number): string {
  let n = Math.min(Array.from(text).length, budget);
  let out = escapeHtml(truncate(text, n));
  while (out.length > budget && n > 1) {
    n -= Math.max(1, out.length - budget);
    out = escapeHtml(truncate(text, n));
  }
  return out;
}

/** A session's languages by name in the reader's language ("English, Deutsch" → "английский, немецкий"). */
function languageNames(codes: readonly string[], lang: string): string {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([lang], { type: "language" });
  } catch {
    names = undefined;
  }
  return codes.map((c) => names?.of(c) ?? c).join(", ");
}

/** The head of a card: everything but the abstract. */
function headLines(ctx: ViewCtx, session: Session): string[] {
  const { t, lang } = ctx;
  const catalog = ctx.deps.catalog;
  const title = truncate(pick(ctx, session.title), 300);
  const lines = [session.cancelled ? t("card.title_cancelled", { title }) : t("card.title", { title })];
  const subtitle = pick(ctx, session.subtitle);
  if (subtitle) lines.push(t("card.subtitle", { subtitle: truncate(subtitle, 200) }));
  if (session.cancelled) lines.push(t("card.cancelled"));
  const people = catalog.speakersOf(session);
  const speakers = people.slice(0, MAX_CARD_SPEAKERS).map((s) => {
    const name = truncate(pick(ctx, s.name), 100);
    const aff = pick(ctx, s.affiliation);
    return aff
      ? t("card.speaker_with_affiliation", { name, affiliation: truncate(aff, 80) })
      : escapeHtml(name);
  });
  const more = people.length - speakers.length;
  if (more > 0) speakers.push(t("card.and_more", { count: more }));
  if (speakers.length) lines.push(t("card.speakers", { names: speakers.join(", ") }));
  lines.push(
    t("card.when", {
      when: formatTimeRange(session.start, session.end, catalog.timezone, lang, ctx.deps.clock()),
    }),
  );
  const room = catalog.roomName(session.room, lang);
  if (room) lines.push(t("card.room", { room: truncate(room, 100) }));
  const track = catalog.trackName(session.track, lang);
  if (track) lines.push(t("card.track", { track: truncate(track, 100) }));
  if (session.languages?.length)
    lines.push(t("card.languages", { languages: truncate(languageNames(session.languages, lang), 100) }));
  const kind = t(`kind.${session.kind}`);
  const audience = pick(ctx, session.audience);
  lines.push(
    audience
      ? t("card.kind_audience", { kind, audience: truncate(audience, 300) })
      : t("card.kind", { kind }),
  );
  return lines;
}

/** Room left for the abstract on a page after its head (and a margin for the page note). */
const PAGE_MARGIN = 40;

/** The abstract cut into pages: the first after the card's head, the others after the title alone. */
function abstractPages(ctx: ViewCtx, session: Session): string[] {
  return perSession(pagesMemo, ctx, session, () => {
    const abstract = pick(ctx, session.abstract).trim();
    if (!abstract) return [];
    const head = headLines(ctx, session).join("\n");
    const title = ctx.t("card.title", { title: truncate(pick(ctx, session.title), 300) });
    return splitPages(abstract, (i) => MAX_MESSAGE_CHARS - (i === 0 ? head : title).length - PAGE_MARGIN);
  });
}

/**
 * A value of one session for this reader's language, made once per programme version (a reload installs a
 * new programme object, which starts a fresh memo).
 */
function perSession<T>(
  store: WeakMap<object, Map<string, T>>,
  ctx: ViewCtx,
  session: Session,
  make: () => T,
): T {
  let memo = store.get(ctx.deps.catalog.programme);
  if (!memo) {
    memo = new Map();
    store.set(ctx.deps.catalog.programme, memo);
  }
  const key = `${ctx.lang}|${session.id}`;
  let value = memo.get(key);
  if (value === undefined) {
    value = make();
    memo.set(key, value);
  }
  return value;
}

const pagesMemo = new WeakMap<object, Map<string, string[]>>();
const pageCounts = new WeakMap<object, Map<string, number>>();

/**
 * How many "Read more" pages a session's abstract has for this reader (0 when it fits on the card). Every
 * card and its buttons ask; the answer renders the card's head, so it is kept like the pages themselves.
 */
export function abstractPageCount(ctx: ViewCtx, session: Session): number {
  return perSession(pageCounts, ctx, session, () =>
    hasLongAbstract(ctx, session) ? abstractPages(ctx, session).length : 0,
  );
}

/**
 * The HTML text of a session card. Page 0 is the card: title, speakers, time, room, track, languages, kind,
 * audience and the start of the abstract; pages 1… hold the whole abstract, as many as it needs.
 */
export function sessionCardText(
  ctx: ViewCtx,
  session: Session,
  { page = 0 }: { page?: number } = {},
): string {
  return memoText(ctx, `session|${session.id}|${page}`, () => renderSessionText(ctx, session, page));
}

function renderSessionText(ctx: ViewCtx, session: Session, page: number): string {
  const pages = abstractPageCount(ctx, session);
  if (page > 0 && page <= pages) {
    const chunk = abstractPages(ctx, session)[page - 1] ?? "";
    const top =
      page === 1
        ? headLines(ctx, session).join("\n")
        : `${ctx.t("card.title", { title: truncate(pick(ctx, session.title), 300) })} ${ctx.t("nav.page", { page, pages })}`;
    return `${top}\n\n${escapeHtml(chunk)}`;
  }
  const head = headLines(ctx, session).join("\n");
  const abstract = pick(ctx, session.abstract).trim();
  if (!abstract) return head;
  if (!pages) return `${head}\n\n${escapeHtml(abstract)}`;
  // Escaping may lengthen the preview a little: it keeps its sentences unless that pushes it far past its size.
  return `${head}\n\n${escapedWithin(abstractPreview(abstract), SHORT_ABSTRACT_CHARS + 100)}`;
}

const LINK_ICONS: Record<string, string> = {
  video: "🎬",
  slides: "📑",
  feedback: "💬",
  chat: "💬",
  other: "🔗",
};

/** URL buttons: the session's page, then its links (video, slides, feedback…). */
function linkRows(ctx: ViewCtx, session: Session): InlineKeyboardButton[][] {
  const buttons: InlineKeyboardButton.UrlButton[] = [];
  const page = safeUrl(session.url);
  if (page) buttons.push({ text: plain(ctx, "card.event_page"), url: page });
  for (const link of session.links ?? []) {
    const url = safeUrl(link.url);
    if (!url || buttons.some((b) => b.url === url)) continue;
    if (buttons.length >= MAX_LINK_BUTTONS) break;
    const label = `${LINK_ICONS[link.kind ?? "other"] ?? "🔗"} ${link.title}`.replace(/\s+/g, " ").trim();
    buttons.push({ text: truncate(label, 48), url });
  }
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  return rows;
}

/** The "Back" button of a session card, by where the card was opened from (its day by default). */
function backButton(
  ctx: ViewCtx,
  session: Session,
  origin: Origin | undefined,
): InlineKeyboardButton | undefined {
  const catalog = ctx.deps.catalog;
  switch (origin?.to) {
    case "results":
      return actionButton(plain(ctx, "nav.back_results"), {
        type: "results",
        page: origin.page,
        key: origin.key,
      });
    case "speaker": {
      const speaker = catalog.speaker(session.speakers[origin.index] ?? "");
      if (!speaker) break;
      const index = catalog.sessionsOf(speaker.id).findIndex((s) => s.id === session.id);
      return actionButton(plain(ctx, "nav.back_to", { name: pick(ctx, speaker.name) }), {
        type: "speaker",
        key: catalog.speakerKey(speaker.id),
        origin: index >= 0 && index < 1000 ? { to: "session", index } : undefined,
      });
    }
    case "room": {
      const room = catalog.programme.conference.rooms[origin.room];
      if (!room) break;
      return actionButton(plain(ctx, "nav.back_to", { name: pick(ctx, room.name) }), {
        type: "room",
        room: origin.room,
        day: origin.day,
        page: origin.page,
      });
    }
    case "track": {
      const track = catalog.programme.conference.tracks[origin.track];
      if (!track) break;
      return actionButton(plain(ctx, "nav.back_to", { name: pick(ctx, track.name) }), {
        type: "track",
        track: origin.track,
        day: origin.day,
        page: origin.page,
      });
    }
    case "my":
      return actionButton(plain(ctx, "nav.back_my"), { type: "my", past: origin.past });
    case "now":
      return actionButton(plain(ctx, origin.next ? "now.back_next" : "now.back_now"), {
        type: "now",
        next: origin.next,
        page: origin.page,
        ...(origin.filter ? { filter: origin.filter } : {}),
      });
  }
  const where = dayLocation(catalog, session);
  if (!where) return undefined;
  const day = formatDay(catalog.dayOf(session), catalog.timezone, ctx.lang, ctx.deps.clock());
  return actionButton(plain(ctx, "nav.back_to", { name: day }), {
    type: "day",
    day: where.day,
    page: where.page,
  });
}

/**
 * A session card with its keyboard: the subscribe toggle, "Read more" pages for a long abstract, the
 * session's page and links as URL buttons, a button per speaker, and "Back" to where it was opened from.
 */
export function sessionCard(
  ctx: ViewCtx,
  session: Session,
  opts: { page?: number; origin?: Origin } = {},
): View {
  const { origin } = opts;
  const catalog = ctx.deps.catalog;
  const key = catalog.sessionKey(session.id);
  const pages = abstractPageCount(ctx, session);
  const page = Math.min(Math.max(0, opts.page ?? 0), pages);
  const keyboard: InlineKeyboardButton[][] = [];
  keyboard.push(...subscribeRows(ctx, session));
  keyboard.push(...questionRows(ctx, session));
  const rating = cardRating(ctx, session, origin);
  keyboard.push(...(rating?.rows ?? []));
  if (pages) {
    const nav: InlineKeyboardButton[] = [];
    if (page > 0) nav.push(actionButton(plain(ctx, "card.less"), { type: "session", key, page: 0, origin }));
    if (page < pages)
      nav.push(actionButton(plain(ctx, "card.more"), { type: "session", key, page: page + 1, origin }));
    keyboard.push(nav);
  }
  keyboard.push(...linkRows(ctx, session));
  for (const speaker of catalog.speakersOf(session).slice(0, MAX_CARD_SPEAKERS)) {
    const index = catalog.sessionsOf(speaker.id).findIndex((s) => s.id === session.id);
    keyboard.push([
      actionButton(plain(ctx, "card.speaker_button", { name: pick(ctx, speaker.name) }), {
        type: "speaker",
        key: catalog.speakerKey(speaker.id),
        origin: index >= 0 && index < 1000 ? { to: "session", index } : undefined,
      }),
    ]);
  }
  const back = backButton(ctx, session, origin);
  if (back) keyboard.push([back]);
  // The pages of a long abstract are the abstract alone; the card itself says how to rate.
  const line = page === 0 ? rating?.line : undefined;
  const text = sessionCardText(ctx, session, { page });
  return { text: line ? `${text}\n\n${line}` : text, keyboard };
}
