import { Composer } from "grammy";
import { onAction } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { replyView, showView } from "../respond.js";
import { nextView, nowView } from "../views/now-next.js";

/**
 * /now and /next by the (injected) clock, every room at once, paged (`nw:`/`nx:`, read at the time of the
 * press); before or after the conference they say so and show its first day.
 */
export function nowNextFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("now", (ctx) => replyView(ctx, nowView(ctx, ctx.deps.clock())));
  composer.command("next", (ctx) => replyView(ctx, nextView(ctx, ctx.deps.clock())));
  onAction(composer, "now", async (ctx, a) => {
    const at = ctx.deps.clock();
    await showView(ctx, a.next ? nextView(ctx, at, a.page) : nowView(ctx, at, a.page));
    return undefined;
  });
  return composer;
}
