import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { HTML } from "../respond.js";
import { inlineExample, topicsAside, venueAside } from "../views/examples.js";
import { mainMenu } from "../views/menu.js";
import { zoneLabel } from "../views/timezone.js";
import { ADMIN_COMMANDS, isAdmin } from "./admin/guard.js";

/** /help: what the bot understands (and, for organizers, their commands), with the main menu. */
export function helpFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("help", async (ctx) => {
    const { timezone, programme } = ctx.deps.catalog;
    // The offset the conference had on its first day, which is not necessarily today's.
    const firstDay = Date.parse(`${programme.conference.days[0] ?? ""}T12:00:00Z`);
    const zone = zoneLabel(timezone, ctx.lang, Number.isNaN(firstDay) ? ctx.deps.clock() : firstDay);
    // Examples and promises from the loaded programme: its own topics, and only what its /venue will show.
    const parts = [
      ctx.t("help.text", {
        bot: ctx.me.username,
        zone,
        topics: topicsAside(ctx),
        example: inlineExample(ctx),
        venue: venueAside(ctx),
      }),
    ];
    // One line per organizer command of the menu, so a command added there cannot be missing here.
    if (isAdmin(ctx))
      parts.push(
        [ctx.t("help.organizer.title"), ...ADMIN_COMMANDS.map((c) => ctx.t(`help.organizer.${c}`))].join(
          "\n",
        ),
      );
    const markup = ctx.chat.type === "private" ? mainMenu(ctx) : undefined;
    await ctx.reply(parts.join("\n\n"), { ...HTML, reply_markup: markup });
  });
  return composer;
}
