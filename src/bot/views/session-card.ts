import type { InlineKeyboardButton } from "grammy/types";
import type { Session } from "../../programme/model.js";
import type { Origin } from "../callback-data.js";
import { escapeHtml, formatDay, formatTimeRange, MAX_MESSAGE_CHARS, truncate } from "./format.js";
import { dayLocation } from "./schedule.js";
import { subscribeRow } from "./subscribe-row.js";
import { actionButton, memoText, plain, type View, type ViewCtx } from "./view.js";

/** Abstracts longer than this are shortened on the card, with a "more" button for the whole text. */
export const SHORT_ABSTRACT_CHARS = 600;

/** Whether a session's abstract is shortened on its card in a language. */
export function hasLongAbstract(ctx: Pick<ViewCtx, "lang">, session: Session): boolean {
  return Array.from(session.abstract[ctx.lang].trim()).length > SHORT_ABSTRACT_CHARS;
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

/** The HTML text of a session card: title, speakers, time, room, kind, audience and the abstract. */
export function sessionCardText(
  ctx: ViewCtx,
  session: Session,
  { full = false }: { full?: boolean } = {},
): string {
  return memoText(ctx, `session|${session.id}|${full}`, () => renderSessionText(ctx, session, full));
}

function renderSessionText(ctx: ViewCtx, session: Session, full: boolean): string {
  const { t, lang } = ctx;
  const catalog = ctx.deps.catalog;
  const title = truncate(session.title[lang], 300);
  const lines = [session.cancelled ? t("card.title_cancelled", { title }) : t("card.title", { title })];
  if (session.cancelled) lines.push(t("card.cancelled"));
  const speakers = catalog.speakersOf(session).map((s) => {
    const aff = s.affiliation?.[lang];
    return aff
      ? t("card.speaker_with_affiliation", { name: s.name[lang], affiliation: truncate(aff, 80) })
      : escapeHtml(s.name[lang]);
  });
  if (speakers.length) lines.push(t("card.speakers", { names: speakers.join(", ") }));
  lines.push(t("card.when", { when: formatTimeRange(session.start, session.end, catalog.timezone, lang) }));
  const room = catalog.roomName(session.room, lang);
  if (room) lines.push(t("card.room", { room }));
  const kind = t(`kind.${session.kind}`);
  const audience = session.audience?.[lang];
  lines.push(
    audience
      ? t("card.kind_audience", { kind, audience: truncate(audience, 300) })
      : t("card.kind", { kind }),
  );
  const head = lines.join("\n");
  const abstract = session.abstract[lang].trim();
  if (!abstract) return head;
  const budget = full ? MAX_MESSAGE_CHARS - head.length - 4 : SHORT_ABSTRACT_CHARS;
  return `${head}\n\n${escapedWithin(abstract, budget)}`;
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
      return actionButton(plain(ctx, "nav.back_to", { name: speaker.name[ctx.lang] }), {
        type: "speaker",
        id: speaker.id,
        origin: index >= 0 ? { to: "session", index } : undefined,
      });
    }
  }
  const where = dayLocation(catalog, session);
  if (!where) return undefined;
  const day = formatDay(session.start, catalog.timezone, ctx.lang);
  return actionButton(plain(ctx, "nav.back_to", { name: day }), {
    type: "day",
    day: where.day,
    page: where.page,
  });
}

/**
 * A session card with its keyboard: the subscribe toggle, "more"/"less" for long abstracts, a button per
 * speaker, and "Back" to where it was opened from.
 */
export function sessionCard(
  ctx: ViewCtx,
  session: Session,
  opts: { full?: boolean; origin?: Origin } = {},
): View {
  const { full = false, origin } = opts;
  const keyboard: InlineKeyboardButton[][] = [];
  const sub = subscribeRow(ctx, session);
  if (sub.length) keyboard.push(sub);
  if (hasLongAbstract(ctx, session))
    keyboard.push([
      actionButton(plain(ctx, full ? "card.less" : "card.more"), {
        type: "session",
        id: session.id,
        full: !full,
        origin,
      }),
    ]);
  const catalog = ctx.deps.catalog;
  for (const speaker of catalog.speakersOf(session)) {
    const index = catalog.sessionsOf(speaker.id).findIndex((s) => s.id === session.id);
    keyboard.push([
      actionButton(plain(ctx, "card.speaker_button", { name: speaker.name[ctx.lang] }), {
        type: "speaker",
        id: speaker.id,
        origin: index >= 0 ? { to: "session", index } : undefined,
      }),
    ]);
  }
  const back = backButton(ctx, session, origin);
  if (back) keyboard.push([back]);
  return { text: sessionCardText(ctx, session, { full }), keyboard };
}
