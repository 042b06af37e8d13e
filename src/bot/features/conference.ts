import { Composer } from "grammy";
import { setUserConference } from "../../store/users.js";
import { onAction } from "../callback-data.js";
import type { BotContext, BotDeps } from "../context.js";
import { replyView, showView } from "../respond.js";
import { conferenceListView, conferenceName } from "../views/conference.js";
import { plain } from "../views/view.js";
import { sendWelcome } from "./start.js";

/**
 * Makes `target` the conference the user looks at, stored for their next updates and used for the rest of
 * this one. Follows and reminders of every conference carry on whichever one they look at.
 */
export function lookAt(ctx: BotContext, target: BotDeps): void {
  if (ctx.user) {
    setUserConference(ctx.deps.db, ctx.user.id, target.conference.id, ctx.deps.clock());
    ctx.user = { ...ctx.user, conference: target.conference.id };
  }
  ctx.deps = target;
}

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
