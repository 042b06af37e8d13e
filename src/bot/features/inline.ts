import type { InlineQueryResultArticle } from "grammy/types";
import { isContentKind, type Session } from "../../programme/model.js";
import { roomNamedBy } from "../../search/room-query.js";
import { cutText } from "../../text/cut.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { sessionPayload, startLink } from "../deep-link.js";
import { formatTimeRange, truncate } from "../views/format.js";
import { resolveHits } from "../views/search-results.js";
import { sessionCardText } from "../views/session-card.js";
import { plain } from "../views/view.js";
import { MAX_QUERY_CHARS } from "./search.js";

/** Telegram shows at most 50 inline results; we offer fewer. */
export const MAX_INLINE_RESULTS = 20;

/** The talks, workshops… of `sessions` not over yet (all of them after the conference), in time order. */
function comingUp(ctx: BotContext, sessions: readonly Session[]): Session[] {
  const now = ctx.deps.clock();
  const content = sessions.filter((s) => isContentKind(s.kind));
  const upcoming = content.filter((s) => Date.parse(s.end) > now);
  return (upcoming.length ? upcoming : content).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/**
 * Sessions matching a query; a matching speaker brings their sessions, a query that names a room that room's
 * sessions still to come in time order. An empty query gives what is coming up.
 */
function matchingSessions(ctx: BotContext, query: string): Session[] {
  const catalog = ctx.deps.catalog;
  if (!query) return comingUp(ctx, catalog.programme.sessions);
  const rooms = catalog.programme.conference.rooms;
  const room = rooms[roomNamedBy(rooms, query) ?? -1];
  if (room)
    return comingUp(
      ctx,
      catalog.programme.sessions.filter((s) => s.room === room.id),
    );
  const seen = new Set<string>();
  const out: Session[] = [];
  for (const hit of resolveHits(ctx, catalog.index.search(query, { limit: MAX_INLINE_RESULTS }))) {
    const sessions = hit.kind === "session" ? [hit.session] : catalog.sessionsOf(hit.speaker.id);
    for (const s of sessions)
      if (isContentKind(s.kind) && !seen.has(s.id)) {
        seen.add(s.id);
        out.push(s);
      }
  }
  return out;
}

/** An inline result that posts a session's card with a button opening that card in the bot. */
function article(ctx: BotContext, s: Session): InlineQueryResultArticle {
  const catalog = ctx.deps.catalog;
  const lang = ctx.lang;
  const details = [
    catalog
      .speakersOf(s)
      .map((sp) => catalog.text(sp.name, lang))
      .join(", "),
    formatTimeRange(s.start, s.end, catalog.timezone, lang, ctx.deps.clock()),
    catalog.roomName(s.room, lang),
  ].filter(Boolean);
  const title = catalog.text(s.title, lang);
  return {
    type: "article",
    id: s.id,
    title: truncate(s.cancelled ? plain(ctx, "inline.cancelled", { title }) : title, 120),
    description: truncate(details.join(" · "), 200),
    input_message_content: {
      message_text: sessionCardText(ctx, s),
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    },
    reply_markup: {
      inline_keyboard: [
        [
          {
            text: plain(ctx, "inline.open"),
            url: startLink(ctx.me.username, sessionPayload(s.id, catalog.sessionKey(s.id))),
          },
        ],
      ],
    },
  };
}

/** Inline mode: "@bot flask" in any chat offers matching sessions; choosing one posts its card. */
export function inlineFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on("inline_query", async (ctx) => {
    const query = cutText(ctx.inlineQuery.query, MAX_QUERY_CHARS);
    const sessions = matchingSessions(ctx, query).slice(0, MAX_INLINE_RESULTS);
    await ctx.answerInlineQuery(
      sessions.map((s) => article(ctx, s)),
      {
        cache_time: 60,
        is_personal: true,
        button: { text: plain(ctx, "inline.open_bot"), start_parameter: "welcome" },
      },
    );
  });
  return composer;
}
