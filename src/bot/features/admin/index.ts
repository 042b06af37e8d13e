import { Composer } from "../../composer.js";
import type { BotContext } from "../../context.js";
import { broadcastFeature } from "./broadcast.js";
import { feedbackFeature } from "./feedback.js";
import { adminGuard, isAdmin } from "./guard.js";
import { questionsAdminFeature } from "./questions.js";
import { reportsFeature } from "./reports.js";
import { scheduleAdminFeature } from "./schedule.js";
import { sourceFeature } from "./source.js";

/**
 * Everything organizers (ADMIN_IDS) can do: /broadcast, /move, /cancel, /restore, /reload, /source, /stats, /audit,
 * /moderation, /invite and /moderator (questions to the speaker), /feedback and /room (ratings, rooms).
 * The guard refuses everyone else first; the features only ever see organizers in their private chat.
 * Install it before the attendee search, which takes every text (the broadcast dialogue needs texts).
 */
export function adminFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(adminGuard());
  composer
    .chatType("private")
    .filter((ctx) => isAdmin(ctx))
    .use(
      broadcastFeature(),
      scheduleAdminFeature(),
      sourceFeature(),
      reportsFeature(),
      questionsAdminFeature(),
      feedbackFeature(),
    );
  return composer;
}
