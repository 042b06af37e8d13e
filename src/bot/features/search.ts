import { Composer } from "grammy";
import { recallSearch, rememberSearch, searchPageKey } from "../../store/search-pages.js";
import { cutText } from "../../text/cut.js";
import { onAction } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { HTML, replyView, showView } from "../respond.js";
import {
  type Hit,
  MAX_RESULTS,
  nothingFoundView,
  resolveHits,
  resultsView,
} from "../views/search-results.js";
import { alsoAt, withElsewhere } from "../views/series.js";
import { plain } from "../views/view.js";

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
 * Anything typed in a private chat is a search: a page of results with a button per session or speaker, or
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
    const hits = runSearch(ctx, query);
    // After the conference's own results, the best matches at the other conferences of the series.
    const elsewhere = alsoAt(ctx, query);
    if (!hits.length)
      return replyView(ctx, withElsewhere(ctx, nothingFound(ctx, query), elsewhere, "conference.also_at"));
    let key: string;
    try {
      key = rememberSearch(ctx.deps.db, ctx.from.id, query, ctx.deps.clock());
    } catch (err) {
      // The database cannot be written (a full disk): answer anyway; only the paging buttons will be outdated.
      ctx.deps.logger.error({ err, user: ctx.from.id }, "could not remember a search; answering without it");
      key = searchPageKey(ctx.from.id, query);
    }
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
