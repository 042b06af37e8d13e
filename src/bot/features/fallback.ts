import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { HTML } from "../respond.js";
import { plain } from "../views/view.js";

/**
 * The last word, installed after every other feature: a button nobody handled (forged, or from an older
 * version of the bot) gets a polite "this button is outdated" and nothing else; a private message that is not
 * text (a sticker, a photo) gets a hint that the bot reads text.
 */
export function fallbackFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: plain(ctx, "errors.outdated") }));
  composer
    .chatType("private")
    .on(
      [
        "message:sticker",
        "message:photo",
        "message:video",
        "message:animation",
        "message:voice",
        "message:video_note",
        "message:audio",
        "message:document",
        "message:location",
        "message:contact",
        "message:dice",
        "message:poll",
      ],
      (ctx) => ctx.reply(ctx.t("errors.text_only"), HTML),
    );
  return composer;
}
