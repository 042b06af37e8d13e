import { onAction } from "../callback-data.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { replyView, showView } from "../respond.js";
import { dayRoomsView, roomView, tracksView, trackView } from "../views/rooms-tracks.js";
import { dayNowView, daysView, dayView } from "../views/schedule.js";
import { plain, type View } from "../views/view.js";
import { withGridButton } from "../webapp-buttons.js";

/**
 * /schedule: pick a day (`ds`; the picker also opens the grid when the Mini App is served), then that day by time (`d:`; today's at its present moment: `dn:`), by room (`dr:` → `r:`) or by track (`dt:` → `t:`);
 * /tracks: every track (`ts`) → a track over all days. A day, room or track that no longer exists is outdated.
 */
export function scheduleFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("schedule", (ctx) => replyView(ctx, withGridButton(ctx, daysView(ctx))));
  composer.command("tracks", (ctx) => replyView(ctx, tracksView(ctx, undefined, 0) as View));
  const show = async (ctx: BotContext, view: View | undefined) => {
    if (!view) return { text: plain(ctx, "errors.outdated") };
    await showView(ctx, view);
    return undefined;
  };
  onAction(composer, "days", (ctx) => show(ctx, withGridButton(ctx, daysView(ctx))));
  onAction(composer, "day", (ctx, a) => show(ctx, dayView(ctx, a.day, a.page)));
  onAction(composer, "dayNow", (ctx, a) => show(ctx, dayNowView(ctx, a.day)));
  onAction(composer, "dayRooms", (ctx, a) => show(ctx, dayRoomsView(ctx, a.day, a.page)));
  onAction(composer, "dayTracks", (ctx, a) => show(ctx, tracksView(ctx, a.day, a.page)));
  onAction(composer, "tracks", (ctx, a) => show(ctx, tracksView(ctx, undefined, a.page)));
  onAction(composer, "room", (ctx, a) => show(ctx, roomView(ctx, a.room, a.day, a.page)));
  onAction(composer, "track", (ctx, a) => show(ctx, trackView(ctx, a.track, a.day, a.page)));
  return composer;
}
