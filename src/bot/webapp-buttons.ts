import type { Api } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import { appUrl } from "../webapp/links.js";
import type { BotContext, BotDeps } from "./context.js";
import type { View } from "./views/view.js";
import { plain } from "./views/view.js";

/**
 * The "🗓 Open the grid" button (a web_app button, which Telegram allows in private chats only), opening the
 * Mini App at `startParam` when given one; undefined when the app is not served or the chat is not private.
 */
export function gridButton(
  ctx: Pick<BotContext, "deps" | "lang" | "chat">,
  startParam?: string,
): InlineKeyboardButton.WebAppButton | undefined {
  const webapp = ctx.deps.webapp;
  if (!webapp || ctx.chat?.type !== "private") return undefined;
  return { text: plain(ctx, "webapp.open_grid"), web_app: { url: appUrl(webapp.publicUrl, startParam) } };
}

/** The view with a row holding the grid button added at the bottom (unchanged when there is no button). */
export function withGridButton(
  ctx: Pick<BotContext, "deps" | "lang" | "chat">,
  view: View,
  startParam?: string,
): View {
  const button = gridButton(ctx, startParam);
  return button ? { ...view, keyboard: [...view.keyboard, [button]] } : view;
}

/** The menu button that opens the Mini App, labelled in a language. */
export function menuButton(deps: Pick<BotDeps, "i18n">, url: string, lang: string) {
  return {
    type: "web_app" as const,
    text: deps.i18n.t("webapp.menu_button", { lng: lang }),
    web_app: { url },
  };
}

/**
 * Makes the bot's menu button (beside the message field) open the Mini App for everyone; a failure is
 * logged, never fatal: the bot works without it.
 */
export async function setMenuButton(
  api: Api,
  url: string,
  deps: Pick<BotDeps, "i18n" | "logger">,
): Promise<void> {
  try {
    await api.setChatMenuButton({ menu_button: menuButton(deps, url, "en") });
  } catch (e) {
    deps.logger.warn({ err: (e as Error).message }, "could not set the menu button to the Mini App");
  }
}

/** Labels the menu button of a private chat in the user's language (Telegram keeps one label for all). */
export async function localizeMenuButton(ctx: BotContext): Promise<void> {
  const webapp = ctx.deps.webapp;
  if (!webapp || ctx.chat?.type !== "private") return;
  await ctx.api
    .setChatMenuButton({
      chat_id: ctx.chat.id,
      menu_button: menuButton(ctx.deps, appUrl(webapp.publicUrl), ctx.lang),
    })
    .catch((e: unknown) => ctx.deps.logger.debug({ err: (e as Error).message }, "menu button not localized"));
}
