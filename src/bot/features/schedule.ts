import { Composer } from "grammy";
import { onAction } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { replyView, showView } from "../respond.js";
import { daysView, dayView } from "../views/schedule.js";
import { plain } from "../views/view.js";
import { withGridButton } from "../webapp-buttons.js";

/**
 * /schedule: pick a day (`ds`), then that day's sessions by time and room (`d:<day>[:<page>]`); the day
 * picker also opens the grid when the Mini App is served.
 */
export function scheduleFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("schedule", (ctx) => replyView(ctx, withGridButton(ctx, daysView(ctx))));
  onAction(composer, "days", async (ctx) => {
    await showView(ctx, withGridButton(ctx, daysView(ctx)));
    return undefined;
  });
  onAction(composer, "day", async (ctx, action) => {
    const view = dayView(ctx, action.day, action.page);
    if (!view) return { text: plain(ctx, "errors.outdated") };
    await showView(ctx, view);
    return undefined;
  });
  return composer;
}
