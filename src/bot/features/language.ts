import { LANGS, type Lang } from "../../programme/model.js";
import { setUserLanguage } from "../../store/users.js";
import { onAction } from "../callback-data.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { fixedT } from "../i18n.js";
import { HTML, showView } from "../respond.js";
import { mainMenu } from "../views/menu.js";
import { LANGUAGE_NAMES } from "../views/settings.js";
import { actionButton, markupOf, plain, type View } from "../views/view.js";

function pickerView(ctx: BotContext): View {
  return {
    text: ctx.t("language.pick"),
    keyboard: [
      LANGS.map((lang) =>
        actionButton(`${lang === ctx.lang ? "✓ " : ""}${LANGUAGE_NAMES[lang]}`, { type: "language", lang }),
      ),
    ],
  };
}

/** Stores the user's choice and switches the rest of this update to it; false outside private chats. */
function applyLanguage(ctx: BotContext, lang: Lang): boolean {
  const user = ctx.user;
  if (!user || ctx.chat?.type !== "private") return false;
  setUserLanguage(ctx.deps.db, user.id, lang, ctx.deps.clock());
  ctx.user = { ...user, language: lang };
  ctx.lang = lang;
  ctx.t = fixedT(ctx.deps.i18n, lang);
  return true;
}

/** Confirms the switch, sending the main menu in the new language. */
async function confirm(ctx: BotContext, lang: Lang): Promise<void> {
  await ctx.reply(ctx.t("language.done", { language: LANGUAGE_NAMES[lang] }), {
    ...HTML,
    reply_markup: mainMenu(ctx),
  });
}

/** /language: pick English or Russian (`/language ru` switches at once); remembered per user. */
export function languageFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("language", async (ctx) => {
    const wanted = ctx.match.trim().toLowerCase();
    if ((LANGS as readonly string[]).includes(wanted) && applyLanguage(ctx, wanted as Lang))
      return confirm(ctx, wanted as Lang);
    const view = pickerView(ctx);
    await ctx.reply(view.text, { ...HTML, reply_markup: markupOf(view) });
  });
  onAction(composer, "language", async (ctx, action) => {
    if (!applyLanguage(ctx, action.lang)) return { text: plain(ctx, "language.private_only") };
    await showView(ctx, {
      text: ctx.t("language.chosen", { language: LANGUAGE_NAMES[action.lang] }),
      keyboard: [],
    });
    await confirm(ctx, action.lang);
    return undefined;
  });
  return composer;
}
