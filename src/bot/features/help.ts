import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { HTML } from "../respond.js";
import { mainMenu } from "../views/menu.js";

/** /help: what the bot understands, with the main menu. */
export function helpFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("help", async (ctx) => {
    const markup = ctx.chat.type === "private" ? mainMenu(ctx) : undefined;
    await ctx.reply(ctx.t("help.text", { bot: ctx.me.username }), { ...HTML, reply_markup: markup });
  });
  return composer;
}
