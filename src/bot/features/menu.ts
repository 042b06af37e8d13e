import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { menuLabels, normalizePhrase, typedCommands } from "../views/menu.js";

/** Texts longer than this are never taken for a command's name (a phrase naming one is short). */
const MAX_PHRASE = 40;

/**
 * The main menu's buttons send their labels as text, and people type what they want ("расписание", "what's
 * on now", "помощь"): this turns a label or such a phrase (in any language) into the command it stands for,
 * so the command handlers further down — including other features' (/my) — answer it instead of a search.
 */
export function menuFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  let labels: Map<string, string> | undefined;
  let phrases: Map<string, string> | undefined;
  composer.chatType("private").on("message:text", (ctx, next) => {
    labels ??= menuLabels(ctx.deps.i18n);
    phrases ??= typedCommands(ctx.deps.i18n);
    const text = ctx.message.text.trim();
    const command =
      labels.get(text) ??
      (text.length <= MAX_PHRASE && !text.startsWith("/") ? phrases.get(normalizePhrase(text)) : undefined);
    if (command) {
      ctx.message.text = `/${command}`;
      ctx.message.entities = [{ type: "bot_command", offset: 0, length: command.length + 1 }];
    }
    return next();
  });
  return composer;
}
