import { roomNamedBy } from "../../search/room-query.js";
import { recallSearch, rememberSearchSoon } from "../../store/search-pages.js";
import { cutText } from "../../text/cut.js";
import { onAction } from "../callback-data.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { HTML, replyView, showView } from "../respond.js";
import { roomView } from "../views/rooms-tracks.js";
import {
  type Hit,
  MAX_RESULTS,
  nothingFoundView,
  resolveHits,
  resultsView,
} from "../views/search-results.js";
import { alsoAt, withElsewhere } from "../views/series.js";
import { actionButton, plain, type View } from "../views/view.js";

/** Queries are cut to this many characters before searching (a message may hold 4,096). */
export const MAX_QUERY_CHARS = 200;

function runSearch(ctx: BotContext, query: string): Hit[] {
  return resolveHits(ctx, ctx.deps.catalog.index.search(query, { limit: MAX_RESULTS }));
}

/** "Nothing found", with the weak matches the index offers as "did you mean". */
function nothingFound(ctx: BotContext, query: string) {
  return nothingFoundView(ctx, query, resolveHits(ctx, ctx.deps.catalog.index.didYouMean?.(query) ?? []));
}

/**
 * A search's key for its paging buttons, remembered in SQLite (written with others within a second; on a full
 * disk held in memory, so only this process knows it).
 */
function keyOf(ctx: BotContext & { from: { id: number } }, query: string): string {
  const { db, logger } = ctx.deps;
  return rememberSearchSoon(db, ctx.from.id, query, ctx.deps.clock(), (err) =>
    // The database cannot be written (a full disk): the answer went out; only a restart would outdate its buttons.
    logger.error({ err }, "could not remember a search; answering without it"),
  );
}

/**
 * A query that names a room: the room's sessions over every day in time order, all of them, paged; and when
 * the query also finds sessions elsewhere or speakers, a button to those results.
 */
function roomAnswer(ctx: BotContext & { from: { id: number } }, room: number, query: string): View {
  const view = roomView(ctx, room, undefined, 0) as View;
  const id = ctx.deps.catalog.programme.conference.rooms[room]?.id;
  const hits = runSearch(ctx, query);
  if (hits.some((h) => h.kind === "speaker" || h.session.room !== id))
    view.keyboard.push([
      actionButton(plain(ctx, "views.search_instead", { query: query.replace(/\s+/g, " ").slice(0, 30) }), {
        type: "results",
        page: 0,
        key: keyOf(ctx, query),
      }),
    ]);
  return view;
}

/**
 * Anything typed in a private chat is a search (a query that names a room lists that room): a page of results with a button per session or speaker, or
 * "nothing found" with a hint (and a weak match or two offered apart as "did you mean"). Unknown commands get a pointer to /help. Install last: it takes every text.
 * Paging buttons carry a short key of the query, kept in SQLite (src/store/search-pages.ts), so they still
 * work after a restart.
 */
export function searchFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.chatType("private").on("message:text", async (ctx) => {
    const text = ctx.message.text;
    if (text.startsWith("/")) {
      await ctx.reply(ctx.t("search.unknown_command"), HTML);
      return;
    }
    const query = cutText(text, MAX_QUERY_CHARS);
    if (!query) return;
    const room = roomNamedBy(ctx.deps.catalog.programme.conference.rooms, query);
    if (room !== undefined) return replyView(ctx, roomAnswer(ctx, room, query));
    const hits = runSearch(ctx, query);
    // After the conference's own results, the best matches at the other conferences of the series.
    const elsewhere = alsoAt(ctx, query);
    if (!hits.length)
      return replyView(ctx, withElsewhere(ctx, nothingFound(ctx, query), elsewhere, "conference.also_at"));
    const key = keyOf(ctx, query);
    await replyView(
      ctx,
      withElsewhere(ctx, resultsView(ctx, query, hits, 0, key), elsewhere, "conference.also_at"),
    );
  });

  onAction(composer, "results", async (ctx, action) => {
    const query = recallSearch(ctx.deps.db, ctx.from.id, action.key);
    if (query === undefined) return { text: plain(ctx, "errors.outdated") };
    const hits = runSearch(ctx, query);
    await showView(
      ctx,
      hits.length ? resultsView(ctx, query, hits, action.page, action.key) : nothingFound(ctx, query),
    );
    return undefined;
  });

  onAction(composer, "noop", () => undefined);
  return composer;
}
