import { onAction } from "../callback-data.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { showView } from "../respond.js";
import { speakerCard } from "../views/speaker-card.js";
import { plain } from "../views/view.js";

/** Speaker cards opened by buttons (`sp:`), shown in place. */
export function speakerCardFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  onAction(composer, "speaker", async (ctx, action) => {
    const speaker = ctx.deps.catalog.speakerByKey(action.key);
    if (!speaker) return { text: plain(ctx, "errors.outdated") };
    await showView(ctx, speakerCard(ctx, speaker, action.origin));
    return undefined;
  });
  return composer;
}
