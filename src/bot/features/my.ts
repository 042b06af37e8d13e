import { InputFile } from "grammy";
import type { Session } from "../../programme/model.js";
import { feedTokenOf, resetFeedToken } from "../../store/calendar-feeds.js";
import { mutedOf, unsubscribe } from "../../store/subscriptions.js";
import { feedUrl, webcalUrl } from "../../webapp/server/feed.js";
import { onAction } from "../callback-data.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { sessionPayload, startLink } from "../deep-link.js";
import { HTML, replyView, showView } from "../respond.js";
import { buildSeriesIcs } from "../views/calendar.js";
import { followsByConference } from "../views/follows.js";
import { truncate } from "../views/format.js";
import { myView } from "../views/my.js";
import { leadMinutes } from "../views/settings.js";
import { actionButton, pick, plain, type View } from "../views/view.js";
import { gridButton } from "../webapp-buttons.js";

/**
 * Sends the user's sessions as an .ics file — of every conference they follow sessions at, each in its own
 * zone —; false when they follow none.
 */
async function sendCalendar(ctx: BotContext): Promise<boolean> {
  const { db, clock } = ctx.deps;
  const groups = ctx.user ? followsByConference(ctx.deps, ctx.user.id) : [];
  const count = groups.reduce((n, g) => n + g.sessions.length, 0);
  if (!count) return false;
  const bot = ctx.me.username;
  const link = (s: Session) => {
    const catalog = (ctx.deps.conferences.ofId(s.id) ?? ctx.deps).catalog;
    return startLink(bot, sessionPayload(s.id, catalog.sessionKey(s.id)));
  };
  // The file's alarms remind as the bot does: none with reminders off, none for a session whose reminder is off.
  const alarm = ctx.user?.reminders === false ? undefined : leadMinutes(ctx);
  const quiet = new Set(ctx.user ? mutedOf(db, ctx.user.id) : []);
  const ics = buildSeriesIcs(
    groups.map((g) => ({ catalog: g.deps.catalog, sessions: g.sessions })),
    ctx.lang,
    clock(),
    { link, quiet, ...(alarm ? { alarmMinutes: alarm } : {}) },
  );
  // Named after the conference when there is one, else after the bot's sessions.
  const only = groups.length === 1 ? groups[0]?.deps.catalog : undefined;
  const name = `${
    (only ? only.text(only.programme.conference.name, "en") : "")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "sessions"
  }.ics`;
  await ctx.replyWithDocument(new InputFile(Buffer.from(ics, "utf8"), name), {
    caption: ctx.t("my.calendar_caption", { count }),
    parse_mode: "HTML",
  });
  return true;
}

/** /my with what the Mini App adds when it is served: "📅 Subscribe in my calendar" and "🗓 Open the grid". */
function myScreen(ctx: BotContext, past: boolean): View {
  const view = myView(ctx, ctx.deps.clock(), past);
  const grid = gridButton(ctx, "agenda");
  if (!grid) return view;
  return {
    ...view,
    keyboard: [
      ...view.keyboard,
      [actionButton(plain(ctx, "webapp.calendar_button"), { type: "calendarFeed" }), grid],
    ],
  };
}

/** The personal feed's link in both forms, with the button that resets it. */
function feedView(ctx: BotContext, token: string): View {
  // The web form is named for what it is, not its scheme: a deployment may serve http (behind a tunnel, locally).
  const web = feedUrl(ctx.deps.webapp?.publicUrl ?? "", token);
  return {
    text: ctx.t("webapp.calendar_text", { webcal: webcalUrl(web), web }),
    keyboard: [[actionButton(plain(ctx, "webapp.calendar_reset"), { type: "calendarReset" })]],
  };
}

/**
 * /my (and the menu's "My sessions"): the sessions the user follows in time order with overlaps marked, past
 * ones behind a button (`my` / `my:p`) each with "✖️" (`mx:<key>`) to unfollow it, and "Add to calendar" (`ics`), which sends them as an .ics file;
 * with the Mini App, "Subscribe in my calendar" (`cal`) gives the personal webcal feed and resets it (`calr`).
 */
export function myFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("my", async (ctx) => {
    if (ctx.chat.type !== "private") return void (await ctx.reply(ctx.t("my.private_only"), HTML));
    await replyView(ctx, myScreen(ctx, false));
  });
  onAction(composer, "my", async (ctx, action) => {
    if (ctx.chat?.type !== "private") return { text: plain(ctx, "my.private_only") };
    await showView(ctx, myScreen(ctx, action.past));
    return undefined;
  });
  onAction(composer, "myRemove", async (ctx, { key, past }) => {
    if (ctx.chat?.type !== "private" || !ctx.user) return { text: plain(ctx, "my.private_only") };
    const session = ctx.deps.catalog.sessionByKey(key);
    if (!session || !unsubscribe(ctx.deps.db, ctx.user.id, session.id))
      return { text: plain(ctx, "errors.outdated") };
    await showView(ctx, myScreen(ctx, past));
    return { text: plain(ctx, "subscribe.off_toast", { title: truncate(pick(ctx, session.title), 80) }) };
  });
  // The personal webcal feed: shown as a new message (the link is kept at hand), reset in place.
  onAction(composer, "calendarFeed", async (ctx) => {
    if (ctx.chat?.type !== "private" || !ctx.user) return { text: plain(ctx, "my.private_only") };
    if (!ctx.deps.webapp) return { text: plain(ctx, "webapp.calendar_unavailable") };
    await replyView(ctx, feedView(ctx, feedTokenOf(ctx.deps.db, ctx.user.id, ctx.deps.clock())));
    return undefined;
  });
  onAction(composer, "calendarReset", async (ctx) => {
    if (ctx.chat?.type !== "private" || !ctx.user) return { text: plain(ctx, "my.private_only") };
    if (!ctx.deps.webapp) return { text: plain(ctx, "webapp.calendar_unavailable") };
    await showView(ctx, feedView(ctx, resetFeedToken(ctx.deps.db, ctx.user.id, ctx.deps.clock())));
    return { text: plain(ctx, "webapp.calendar_reset_done") };
  });
  onAction(composer, "calendar", async (ctx) => {
    if (ctx.chat?.type !== "private") return { text: plain(ctx, "my.private_only") };
    return (await sendCalendar(ctx)) ? undefined : { text: plain(ctx, "my.calendar_empty") };
  });
  return composer;
}
