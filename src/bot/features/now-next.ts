import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { replyView } from "../respond.js";
import { nextView, nowView } from "../views/now-next.js";

/** /now and /next by the (injected) clock; before or after the conference they say so and show its first day. */
export function nowNextFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("now", (ctx) => replyView(ctx, nowView(ctx, ctx.deps.clock())));
  composer.command("next", (ctx) => replyView(ctx, nextView(ctx, ctx.deps.clock())));
  return composer;
}
