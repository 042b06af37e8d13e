import { onAction } from "../callback-data.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { replyView, showView } from "../respond.js";
import { nextView, nowFilterView, nowView } from "../views/now-next.js";
import { plain, type View } from "../views/view.js";

/**
 * /now and /next by the (injected) clock, every room at once in the programme's order of rooms, paged
 * (`nw:`/`nx:`, read at the time of the press), narrowed to a room or a track from a picker (`nf:`); before or
 * after the conference they say so and show its first day.
 */
export function nowNextFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("now", (ctx) => replyView(ctx, nowView(ctx, ctx.deps.clock()) as View));
  composer.command("next", (ctx) => replyView(ctx, nextView(ctx, ctx.deps.clock()) as View));
  onAction(composer, "now", async (ctx, a) => {
    const at = ctx.deps.clock();
    const view = (a.next ? nextView : nowView)(ctx, at, a.page, a.filter);
    // A room or track the programme no longer has (a reload) or never had (forged data).
    if (!view) return { text: plain(ctx, "errors.outdated") };
    await showView(ctx, view);
    return undefined;
  });
  onAction(composer, "nowFilter", async (ctx, a) => {
    await showView(ctx, nowFilterView(ctx, ctx.deps.clock(), a.next, a.by, a.page));
    return undefined;
  });
  return composer;
}
