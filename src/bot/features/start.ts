import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { parseStartPayload } from "../deep-link.js";
import { lookAt } from "../look-at.js";
import { HTML, replyView } from "../respond.js";
import { inlineExample } from "../views/examples.js";
import { mainMenu } from "../views/menu.js";
import { sessionCard } from "../views/session-card.js";
import { speakerCard } from "../views/speaker-card.js";
import { conferenceDates } from "../views/venue.js";
import { localizeMenuButton } from "../webapp-buttons.js";
import { acceptInvitation, openAsk } from "./questions.js";

/** The welcome: what the bot is for and what it can do, with the main menu in private chats. */
export async function sendWelcome(ctx: BotContext, prefix?: string): Promise<void> {
  const catalog = ctx.deps.catalog;
  const { name, city } = catalog.programme.conference;
  const lines = [
    ...(prefix ? [prefix, ""] : []),
    ctx.t("start.hello", { name: ctx.from?.first_name ?? "" }),
    ctx.t("start.about", {
      conference: catalog.text(name, ctx.lang),
      when: [conferenceDates(ctx), catalog.text(city, ctx.lang)].filter(Boolean).join(", "),
    }),
    "",
    ctx.t("start.abilities", { bot: ctx.me.username, example: inlineExample(ctx) }),
  ];
  const markup = ctx.chat?.type === "private" ? mainMenu(ctx) : undefined;
  await ctx.reply(lines.join("\n"), { ...HTML, reply_markup: markup });
  await localizeMenuButton(ctx);
}

/**
 * /start: the welcome, or — with a deep-link payload — the card of a session or speaker, "Ask a question" for a
 * session, a speaker's invitation, or the welcome of the conference the link names (which becomes the user's
 * current one).
 */
export function startFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("start", async (ctx) => {
    const payload = ctx.match.trim();
    const target = parseStartPayload(payload);
    if (target?.kind === "conference") {
      const chosen = ctx.deps.conferences.get(target.id);
      if (chosen) {
        lookAt(ctx, chosen);
        return sendWelcome(ctx);
      }
    }
    // A link by key may name a session of another conference of the series: it opens within that one.
    if (target && "key" in target && target.kind !== "speaker") {
      const found = ctx.deps.conferences.sessionByKey(target.key);
      if (found) ctx.deps = found.view;
    }
    const catalog = ctx.deps.catalog;
    if (target?.kind === "invite") return acceptInvitation(ctx, target.token);
    if (target?.kind === "ask") {
      const session = catalog.sessionByKey(target.key);
      if (session) return void (await openAsk(ctx, session));
    }
    if (target?.kind === "session") {
      const session = "key" in target ? catalog.sessionByKey(target.key) : catalog.session(target.id);
      if (session) return replyView(ctx, sessionCard(ctx, session));
    } else if (target?.kind === "speaker") {
      const speaker = "key" in target ? catalog.speakerByKey(target.key) : catalog.speaker(target.id);
      if (speaker) return replyView(ctx, speakerCard(ctx, speaker));
    }
    const known = payload === "" || payload === "welcome";
    await sendWelcome(ctx, known ? undefined : ctx.t("start.bad_link"));
  });
  return composer;
}
