import { onAction } from "../callback-data.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { replyView, showView } from "../respond.js";
import { sessionCard } from "../views/session-card.js";
import { plain } from "../views/view.js";

/**
 * Session cards opened by buttons (`s:` and, for the pages of a long abstract, `sm:`), shown in place — or, from a
 * reminder or a change notice, as a new message, so the reminder stays in the chat.
 */
export function sessionCardFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  onAction(composer, "session", async (ctx, action) => {
    const session = ctx.deps.catalog.sessionByKey(action.key);
    if (!session) return { text: plain(ctx, "errors.outdated") };
    if (action.origin?.to === "message")
      await replyView(ctx, sessionCard(ctx, session, { page: action.page }));
    else await showView(ctx, sessionCard(ctx, session, { page: action.page, origin: action.origin }));
    return undefined;
  });
  return composer;
}
