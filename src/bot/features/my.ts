import { Composer, InputFile } from "grammy";
import type { Session } from "../../programme/model.js";
import { subscriptionsOf } from "../../store/subscriptions.js";
import { onAction } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { sessionPayload, startLink } from "../deep-link.js";
import { HTML, replyView, showView } from "../respond.js";
import { buildIcs } from "../views/calendar.js";
import { followedSessions, myView } from "../views/my.js";
import { leadMinutes } from "../views/settings.js";
import { plain } from "../views/view.js";

/** Sends the user's sessions as an .ics file; false when they follow none. */
async function sendCalendar(ctx: BotContext): Promise<boolean> {
  const { catalog, db, clock } = ctx.deps;
  const sessions = ctx.user ? followedSessions(catalog, subscriptionsOf(db, ctx.user.id)) : [];
  if (!sessions.length) return false;
  const bot = ctx.me.username;
  const link = (s: Session) => startLink(bot, sessionPayload(s.id, catalog.sessionKey(s.id)));
  const ics = buildIcs(catalog, sessions, ctx.lang, clock(), link, leadMinutes(ctx));
  const name = `${
    catalog
      .text(catalog.programme.conference.name, "en")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "sessions"
  }.ics`;
  await ctx.replyWithDocument(new InputFile(Buffer.from(ics, "utf8"), name), {
    caption: ctx.t("my.calendar_caption", { count: sessions.length }),
    parse_mode: "HTML",
  });
  return true;
}

/**
 * /my (and the menu's "My sessions"): the sessions the user follows in time order with overlaps marked, past
 * ones behind a button (`my` / `my:p`), and "Add to calendar" (`ics`), which sends them as an .ics file.
 */
export function myFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("my", async (ctx) => {
    if (ctx.chat.type !== "private") return void (await ctx.reply(ctx.t("my.private_only"), HTML));
    await replyView(ctx, myView(ctx, ctx.deps.clock(), false));
  });
  onAction(composer, "my", async (ctx, action) => {
    if (ctx.chat?.type !== "private") return { text: plain(ctx, "my.private_only") };
    await showView(ctx, myView(ctx, ctx.deps.clock(), action.past));
    return undefined;
  });
  onAction(composer, "calendar", async (ctx) => {
    if (ctx.chat?.type !== "private") return { text: plain(ctx, "my.private_only") };
    return (await sendCalendar(ctx)) ? undefined : { text: plain(ctx, "my.calendar_empty") };
  });
  return composer;
}
