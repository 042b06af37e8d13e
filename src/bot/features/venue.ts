import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { replyView } from "../respond.js";
import { venuePin, venueView } from "../views/venue.js";

/**
 * /venue (and the menu's "📍 Venue"): the map pin as Telegram's venue message when the programme gives the
 * location, then the address, halls, Wi-Fi and the rest of what the conference block says, in any chat.
 */
export function venueFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("venue", async (ctx) => {
    const pin = venuePin(ctx);
    if (pin) await ctx.replyWithVenue(pin.latitude, pin.longitude, pin.title, pin.address);
    await replyView(ctx, venueView(ctx));
  });
  return composer;
}
