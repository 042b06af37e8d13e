import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { menuLabels } from "../views/menu.js";

/**
 * The main menu's buttons send their labels as text; this turns a label (in any language) into the command
 * it stands for, so the command handlers further down — including other features' (/my) — answer it.
 */
export function menuFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  let labels: Map<string, string> | undefined;
  composer.chatType("private").on("message:text", (ctx, next) => {
    labels ??= menuLabels(ctx.deps.i18n);
    const command = labels.get(ctx.message.text.trim());
    if (command) {
      ctx.message.text = `/${command}`;
      ctx.message.entities = [{ type: "bot_command", offset: 0, length: command.length + 1 }];
    }
    return next();
  });
  return composer;
}
