import { onAction } from "../callback-data.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { lookAt } from "../look-at.js";
import { replyView, showView } from "../respond.js";
import { conferenceListView, conferenceName } from "../views/conference.js";
import { plain } from "../views/view.js";
import { sendWelcome } from "./start.js";

/**
 * /conference: the conferences of the deployment as buttons (running and upcoming first, then past editions,
 * with their dates); a press (`cf:<id>`) switches the user to that conference and greets them with it.
 */
export function conferenceFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("conference", (ctx) => replyView(ctx, conferenceListView(ctx)));
  onAction(composer, "conference", async (ctx, { id }) => {
    const target = ctx.deps.conferences.get(id);
    if (!target) return { text: plain(ctx, "errors.outdated") };
    if (ctx.chat?.type !== "private" || !ctx.user) return { text: plain(ctx, "settings.private_only") };
    const changed = target !== ctx.deps;
    lookAt(ctx, target);
    await showView(ctx, conferenceListView(ctx));
    if (changed) await sendWelcome(ctx);
    return { text: plain(ctx, "conference.switched", { conference: conferenceName(target, ctx.lang) }) };
  });
  return composer;
}
